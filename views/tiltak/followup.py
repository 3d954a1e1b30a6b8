"""Tiltak's follow-up blocks: one measure's indicator chart, the plan period and the final report, who still has
to report (reminders with mailto links), and the adopted plan as a Word document. Layout only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import charts, indicator, overview, slides
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import cached, widgets


def _plan_pdf():
    from analytics import plan_pdf  # noqa: PLC0415 - loads python-docx and Chromium only when a PDF is made

    return plan_pdf


def _plan_word():
    from analytics import plan_word  # noqa: PLC0415 - python-docx loads on the first download

    return plan_word


def indicator_block(ctx, plan: pd.DataFrame, reports: pd.DataFrame, measure_id: str) -> None:
    """The chosen measure's indicator: path, target and reported values as a chart, and where it stands in words."""
    lang = ctx.lang
    measure = plan[plan["id"] == measure_id].iloc[0]
    title = measure["title_en"] if lang == "en" and measure["title_en"] else measure["title_nb"]
    if not indicator.has_indicator(measure):
        st.caption(escape_markdown(t("indicator.none_set", lang, title=title)))
        return
    values = indicator.values_of(reports, measure_id)
    unit = str(measure["indicator_unit"] or "")
    labels = {key: t(f"indicator.{key}", lang) for key in ("path", "target", "values")}
    figure = cached.figure(
        charts.indicator_path,
        values,
        indicator.chart_path(measure),
        float(measure["indicator_target"]),
        labels,
        unit,
        t("indicator.title", lang, unit=unit),
    )
    goal = f"{t('plan_word.goal', lang)}: {indicator.path_text(measure, lang)}."
    summary = f"{goal} {indicator.position_text(measure, values, lang)}"
    widgets.chart(
        ctx,
        figure,
        summary,
        indicator.values_table(values, unit, lang),
        t("indicator.source", lang),
        as_of=slides.reports_dated(values, lang),
        key="indicator",
    )


def period_note(follow) -> None:
    """Which period is current, or that the strategy is over and how many measures lack a final report."""
    if follow.period_note:
        (st.warning if follow.strategy_over else st.info)(escape_markdown(follow.period_note))


def final_report(ctx, follow) -> None:
    """Per målområde, each adopted measure's latest report and whether it closed it; the never reported too."""
    lang = ctx.lang
    with st.expander(
        overview.term_heading(ctx.bundle.organisation, "periods.final_heading", lang), icon=":material/fact_check:"
    ):
        st.dataframe(follow.final_report, hide_index=True, width="stretch")
        st.caption(t("periods.final_caption", lang))


def reminder_block(ctx, follow) -> None:
    """Per responsible unit, the measures without a report, a reminder to copy and an «open as e-mail» link."""
    lang = ctx.lang
    st.subheader(t("reminders.heading", lang), anchor=False)
    if not follow.missing:
        st.caption(t("reminders.none", lang, what=follow.reminder_what))
        return
    st.markdown(escape_markdown(t("reminders.intro", lang, n=follow.missing, what=follow.reminder_what)))
    for number, reminder in enumerate(follow.reminders):
        n = len(reminder.measure_ids)
        label = t("reminders.unit.one" if n == 1 else "reminders.unit", lang, unit=reminder.unit, n=n)
        with st.expander(escape_markdown(label)):  # a unit's name is data: never markup
            st.code(reminder.body, language=None, wrap_lines=True)
            st.link_button(t("reminders.link", lang), reminder.link, icon=":material/mail:", key=f"reminder_{number}")
            if reminder.link.startswith("mailto:?"):  # no recipient: the data has no address for the unit
                st.caption(t("reminders.no_address", lang))


def _plan_document(ctx, plan: pd.DataFrame, example: bool):
    """What the Word and PDF files of the adopted plan are made from, made today in the reader's language."""
    bundle = ctx.bundle
    return _plan_word().PlanDocument(
        plan, bundle.goal_areas, bundle.organisation, ctx.sources, ctx.today, ctx.lang, example
    )


def word_download(ctx, plan: pd.DataFrame) -> None:
    """The adopted plan as a .docx for a saksframlegg, built only when the button is clicked."""
    lang, bundle = ctx.lang, ctx.bundle
    st.subheader(t("plan_word.heading", lang), anchor=False)
    st.caption(t("plan_word.caption", lang))
    example = ctx.settings.example_data
    word_column, pdf_column = st.columns(2)
    word_column.download_button(
        t("plan_word.download", lang),
        lambda: _plan_word().plan_docx(_plan_document(ctx, plan, example)),
        file_name=f"{t('plan_word.file', lang)}-{bundle.id}-{ctx.today.isoformat()}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/description:",
        key="plan_word",
        on_click="ignore",
    )
    _pdf_download(ctx, plan, pdf_column, example)


def _pdf_download(ctx, plan: pd.DataFrame, column, example: bool) -> None:
    """The same plan as PDF, printed on request by the server's Chromium (a missing one gets a message)."""
    lang, bundle = ctx.lang, ctx.bundle
    if column.button(t("plan_pdf.make", lang), icon=":material/picture_as_pdf:", key="plan_pdf_make"):
        with st.spinner(t("plan_pdf.making", lang)):
            try:
                made = _plan_pdf().plan_pdf(_plan_document(ctx, plan, example))
                st.session_state["plan_pdf_file"] = (bundle.id, lang, made)
            except _plan_pdf().PdfError as err:
                column.error(str(err))
    made = st.session_state.get("plan_pdf_file")
    if made and made[:2] == (bundle.id, lang):  # a PDF made for another organisation or language is not offered
        column.download_button(
            t("plan_pdf.download", lang),
            made[2],
            file_name=f"{t('plan_word.file', lang)}-{bundle.id}-{ctx.today.isoformat()}.pdf",
            mime="application/pdf",
            icon=":material/download:",
            key="plan_pdf",
            on_click="ignore",
        )
