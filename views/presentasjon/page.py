"""Presentasjon: chosen views as slides for the meeting room, and the report for the meeting papers."""

import streamlit as st

from analytics import slides
from analytics.i18n import t
from ui import shell
from views.presentasjon import blocks

# 1/ Data: every slide the organisation has data for
ctx = shell.context()
lang = ctx.lang
inputs = shell.slide_inputs(ctx)
ids = slides.available(inputs)
names = {slide_id: t(f"slides.name.{slide_id}", lang) for slide_id in ids}

# 2/ Set-up: which slides (hidden while presenting; the choice stays in the link)
with st.container(key="present_setup"):
    st.title(t("present.title", lang))
    st.markdown(t("present.intro", lang))
    chosen = st.multiselect(
        t("present.choose", lang),
        ids,
        default=ids,
        format_func=names.get,
        key="slides",
        bind="query-params",
        placeholder=t("measures.choose_options", lang),
    )
    presenting = blocks.presentation_mode(lang)
if not chosen:
    st.info(t("present.none", lang))
    st.stop()

# 3/ The slide, with the navigation under it
slide_area = st.container()
number = blocks.slide_navigation(len(chosen), presenting, lang)
with slide_area:
    blocks.slide_view(slides.build(chosen[number - 1], inputs), number, len(chosen), presenting, lang)

# 4/ The report for the meeting papers (set-up only)
if not presenting:
    st.header(t("present.export", lang), anchor=False)
    blocks.report_downloads(lambda: [slides.build(slide_id, inputs) for slide_id in chosen], ctx)
