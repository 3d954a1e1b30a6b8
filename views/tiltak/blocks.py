"""Tiltak's own blocks: a measure's history as a table, the Excel files, the report form and the upload."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.formatting import escape_markdown, format_date, format_int
from analytics.i18n import in_language, t
from analytics.statuses import REPORT_STATUSES, Report, StoreError
from ui import cached


def _excel():
    from analytics import excel  # noqa: PLC0415 - openpyxl loads on the first download or upload

    return excel


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A measure's reports, newest first, as text (comments are never rendered as markup)."""
    newest = history.sort_values(["reported_at", "id"], ascending=False)
    return pd.DataFrame(
        {
            t("col.date", lang): newest["reported_at"].map(lambda v: format_date(v.date())),
            t("measures.period", lang).split(" (")[0]: newest["period"],
            t("measures.col.status", lang): newest["status"].map(lambda s: t(f"report_status.{s}", lang)),
            t("measures.col.progress", lang): newest["progress"].map(lambda v: format_int(v) if pd.notna(v) else "–"),
            t("measures.comment", lang): newest["comment"],
            t("measures.col.responsible", lang): newest["reporter"],
        }
    )


def excel_files(ctx, measures: pd.DataFrame, goal_labels: dict, reports: pd.DataFrame) -> None:
    """The Excel template and the export of every report, for everyone (each built only when clicked)."""
    lang, bundle = ctx.lang, ctx.bundle
    st.header(t("measures.excel", lang))
    left, right = st.columns(2)
    left.download_button(
        t("measures.template", lang),
        lambda: _excel().template(measures, goal_labels, bundle.organisation["name"]),  # built only on click
        file_name=f"{bundle.id}-statusrapport-mal.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="measures_template",
    )
    if not reports.empty:
        right.download_button(
            t("measures.export", lang),
            lambda: _excel().reports_workbook(history_table(reports, lang)),
            file_name=f"{bundle.id}-statusrapporter.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="measures_export",
        )


def report_form(ctx, store, measures: pd.DataFrame, editor: str) -> None:
    """The form a signed-in editor reports one measure's status with, and the message after a save."""
    lang, bundle = ctx.lang, ctx.bundle
    done = st.session_state.pop("measures_saved", None)
    if done:
        st.success(done)
    st.header(t("measures.report", lang))
    titles = dict(zip(measures["id"], in_language(measures, "title", lang), strict=True))
    with st.form("report_form", clear_on_submit=True):
        measure_id = st.selectbox(
            t("measures.choose", lang), list(titles), format_func=titles.get, key="report_measure"
        )
        period_column, status_column, progress_column, indicator_column = st.columns(4)
        period = period_column.text_input(t("measures.period", lang), value=str(ctx.today.year), key="report_period")
        status = status_column.selectbox(
            t("measures.col.status", lang),
            list(REPORT_STATUSES),
            format_func=lambda s: t(f"report_status.{s}", lang),
            key="report_status",
        )
        progress_value = progress_column.number_input(
            t("measures.progress", lang), min_value=0, max_value=100, value=None, step=5, key="report_progress"
        )
        indicator = indicator_column.number_input(t("measures.indicator", lang), value=None, key="report_indicator")
        comment = st.text_area(t("measures.comment", lang), key="report_comment")
        submitted = st.form_submit_button(t("measures.save", lang))
    if submitted:
        checked = _excel().parse_period(period)
        if checked is None:
            st.error(t("measures.bad_period", lang))
        else:
            store.add([Report(bundle.id, measure_id, checked, status, progress_value, indicator, comment, editor)])
            st.session_state["measures_saved"] = t("measures.saved", lang)
            st.rerun()


def report_upload(ctx, store, measures: pd.DataFrame, editor: str) -> None:
    """A filled-in template uploaded by a signed-in editor: its errors, or a preview and the button that saves it."""
    lang, bundle = ctx.lang, ctx.bundle
    st.subheader(t("measures.upload", lang))
    round_ = st.session_state.setdefault("measures_upload_round", 0)  # a new uploader (empty) after each save
    uploaded = st.file_uploader(
        t("measures.upload", lang), type=["xlsx"], key=f"measures_upload_{round_}", label_visibility="collapsed"
    )
    if uploaded is None:
        return
    upload = cached.upload(uploaded.getvalue(), uploaded.name, measures, bundle.id, editor)  # parsed once per file
    if upload.errors:
        upload_errors(t("measures.upload_errors", lang, n=upload.error_count), upload.errors)
        return
    if not upload.reports:
        st.info(t("measures.upload_nothing", lang))
        return
    st.markdown(t("measures.upload_preview", lang, n=len(upload.reports)))
    st.dataframe(upload.preview, hide_index=True, width="stretch")
    batch = _excel().upload_batch(uploaded.getvalue())  # the same file saved twice is recognised by its content
    saved_before = store.has_batch(batch)
    if saved_before is not None:
        st.warning(t("measures.upload_saved_before", lang, date=format_date(saved_before.date())))
    if st.button(t("measures.upload_confirm", lang, n=len(upload.reports)), type="primary", key="measures_upload_save"):
        try:
            written = store.add(upload.reports, batch=batch)
        except StoreError as err:
            st.error(escape_markdown(str(err)))
            return
        st.session_state["measures_saved"] = t("measures.upload_saved", lang, n=written)
        st.session_state["measures_upload_round"] = round_ + 1  # the saved file cannot be saved twice
        st.rerun()


def upload_errors(heading: str, errors) -> None:
    """An upload's errors under their heading, one a line, each as plain text (they quote the file's values)."""
    st.error(heading + "\n\n" + "\n".join(f"- {escape_markdown(e)}" for e in errors))
