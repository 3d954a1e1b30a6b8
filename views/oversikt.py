"""Oversikt: the strategy, its målområder and headline figures for the chosen organisation."""

import streamlit as st

from analytics.formatting import format_int
from analytics.i18n import t
from analytics.overview import strategy_line, term
from analytics.palette import goal_area_colour
from ui import shell

# 1/ Data
ctx = shell.context()
lang, organisation = ctx.lang, ctx.bundle.organisation
strategy = organisation.get("strategy")

# 2/ Headline
st.title(strategy["title"] if strategy else organisation["name"])
if not strategy:
    st.info(t("overview.no_strategy", lang))
    st.stop()
st.markdown(strategy_line(strategy, lang))
figures = [
    ("overview.partners", len(ctx.bundle.partners)),
    ("overview.networks", len(ctx.bundle.networks)),
    ("goal_areas", len(ctx.bundle.goal_areas)),
    ("overview.plan_periods", len(strategy.get("plan_periods", []))),
]
for column, (key, value) in zip(st.columns(len(figures)), figures, strict=True):
    column.metric(term(organisation, key, lang) if key == "goal_areas" else t(key, lang), format_int(value))
shell.caption_source(
    ctx, [strategy["source"], *([strategy["desired_results_source"]] if "desired_results_source" in strategy else [])]
)

# 3/ Målområder
st.header(term(organisation, "goal_areas", lang))
for area in ctx.bundle.goal_areas.itertuples():
    name = area.name_en if lang == "en" and area.name_en else area.name_nb
    with st.container(border=True):
        st.markdown(
            f'<div style="border-left: 10px solid {goal_area_colour(area.number)}; padding-left: 12px; '
            f'font-size: 1.35rem; font-weight: 600">{area.number}</div>',
            unsafe_allow_html=True,
        )
        st.subheader(name, anchor=False)
        if area.goal:
            st.text(f"{term(organisation, 'goal', lang)}: {area.goal}")
        if area.main_strategy:
            st.text(f"{t('overview.main_strategy', lang)}: {area.main_strategy}")
shell.caption_source(ctx, ctx.bundle.goal_areas["source"])

# 4/ Desired results and ways in
if strategy.get("desired_results"):
    st.header(t("overview.desired_results", lang))
    st.text("\n".join(f"• {result}" for result in strategy["desired_results"]))
st.page_link("views/vennskapsbyer.py", label=t("overview.go_partners", lang), icon=":material/public:")
st.page_link("views/nettverk.py", label=t("overview.go_networks", lang), icon=":material/hub:")
st.page_link("views/om_dataene.py", label=t("overview.go_about", lang), icon=":material/info:")
