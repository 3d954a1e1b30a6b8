"""Tiltak: the measures to follow up, their latest status from the report store, history, changes, reporting."""

import streamlit as st

from analytics import progress
from analytics.charts import measure_history
from analytics.i18n import t
from analytics.networks import goal_area_names
from analytics.store import NOT_REPORTED, STATUSES
from ui import cached, editing, shell, widgets
from views.tiltak import followup

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
st.title(t("measures.title", lang))
measures = bundle.measures
if measures.empty:
    st.info(t("measures.none", lang, org=bundle.organisation["name"]))
    st.stop()
reports = shell.reports(ctx)
table = shell.measure_table(ctx, reports)
goal_labels = goal_area_names(bundle.goal_areas, lang)
plan = shell.plan(ctx)
follow = shell.follow_up(ctx, reports)
followup.period_note(follow)
editing.sign_in(lang)
if reports.empty:
    st.info(t("measures.empty", lang))

# 2/ Roll-up per målområde with traffic lights
st.header(t("measures.rollup", lang))
widgets.measure_rollup(ctx, progress.rollup(table, bundle.goal_areas), goal_labels)
shell.caption_source(ctx, measures["source"])

# 3/ Every measure, filtered
st.header(t("measures.table", lang))
f1, f2, f3, f4 = st.columns(4)
chosen_goals = f1.multiselect(
    t("measures.filter.goal_area", lang),
    list(goal_labels),
    format_func=goal_labels.get,
    key="measures_goal",
    bind="query-params",
    placeholder=t("measures.choose_options", lang),
)
chosen_status = f2.multiselect(
    t("measures.filter.status", lang),
    [*STATUSES, NOT_REPORTED],
    format_func=lambda s: t(f"status.{s}", lang),
    key="measures_status",
    bind="query-params",
    placeholder=t("measures.choose_options", lang),
)
chosen_responsible = f3.multiselect(
    t("measures.filter.responsible", lang),
    sorted(r for r in measures["responsible"].dropna().unique() if r),
    key="measures_responsible",
    bind="query-params",
    placeholder=t("measures.choose_options", lang),
)
chosen_sdgs = f4.multiselect(
    t("measures.filter.sdg", lang),
    list(range(1, 18)),
    key="measures_sdg",
    bind="query-params",
    placeholder=t("measures.choose_options", lang),
)
shown = progress.filtered(table, chosen_goals, chosen_status, chosen_responsible, chosen_sdgs)
st.dataframe(
    progress.display_table(shown, goal_labels, lang, progress.STALE_MONTHS),
    hide_index=True,
    width="stretch",
    height=(len(shown) + 1) * 35 + 3,
    column_config={
        t("measures.col.progress", lang): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f %%"),
    },
)
shell.caption_source(ctx, measures["source"])

# 4/ One measure's history, and what changed since a date
history_column, changes_column = st.columns(2, gap="large")
with history_column:
    st.subheader(t("measures.history", lang))
    titles = dict(zip(measures["id"], measures["title_nb"], strict=True))
    chosen = st.selectbox(
        t("measures.choose", lang), list(titles), format_func=titles.get, key="measure", bind="query-params"
    )
    history = reports[reports["measure_id"] == chosen]
    if history.empty:
        st.caption(t("measures.history_none", lang, title=titles[chosen]))
    else:
        labels = {s: t(f"status.{s}", lang) for s in STATUSES}
        widgets.chart(
            ctx,
            cached.figure(measure_history, history, labels, t("measures.history_title", lang)),
            progress.history_summary(history, lang),
            widgets.history_table(history, lang),
            t("measures.source_reports", lang),
            expanded=True,  # the reports' comments are read here, so the table stays open
        )
    followup.indicator_block(ctx, plan, reports, chosen)
with changes_column:
    st.subheader(t("measures.changed", lang))
    widgets.changes_since(ctx, reports, key="measures_since")

# 5/ Who still has to report, and the plan as a Word document
followup.reminder_block(ctx, follow)
followup.final_report(ctx, follow)
followup.word_download(ctx, plan)

# 6/ Reporting (editors only) and Excel
widgets.report_tools(ctx, editing.report_store(), measures, goal_labels, reports)
