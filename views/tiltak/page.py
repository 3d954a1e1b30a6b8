"""Tiltak: the measures to follow up, their latest status from the report store, history, changes, reporting."""

import streamlit as st

from analytics import overview, plan, progress, slides
from analytics.charts import measure_history
from analytics.formatting import escape_markdown
from analytics.i18n import in_language, t
from analytics.networks import goal_area_names
from analytics.statuses import NOT_REPORTED, REPORT_STATUSES
from ui import cached, editing, shell, widgets
from views.tiltak import blocks, followup
from views.tiltak import plan as plan_blocks

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
st.title(t("measures.title", lang))
measures = shell.plan(ctx)  # the effective handlingsplan: measures.csv with the app's revisions on top
plan_revisions = shell.plan_revisions(ctx)
if measures.empty:
    st.info(t("measures.none", lang, org=escape_markdown(bundle.organisation["name"])))
    editing.sign_in(lang, ctx.settings)
    plan_blocks.editor(ctx, editing.report_store(ctx.settings), measures, goal_area_names(bundle.goal_areas, lang))
    st.stop()
reports = shell.reports(ctx)
table = shell.measure_table(ctx, reports)
goal_labels = goal_area_names(bundle.goal_areas, lang)
follow = shell.follow_up(ctx, reports)
followup.period_note(follow)
editing.sign_in(lang, ctx.settings)
if reports.empty:
    st.info(t("measures.empty", lang))

# 2/ Roll-up per målområde with traffic lights
st.header(overview.term_heading(bundle.organisation, "measures.rollup", lang))
widgets.measure_rollup(ctx, progress.rollup(table, bundle.goal_areas), goal_labels)
shell.caption_source(ctx, plan.sources_of(measures, lang), as_of=slides.reports_dated(reports, lang))

# 3/ Every measure, filtered
st.header(t("measures.table", lang))
f1, f2, f3, f4 = st.columns(4)
chosen_goals = f1.multiselect(
    overview.term(bundle.organisation, "goal_area", lang),
    list(goal_labels),
    format_func=goal_labels.get,
    key="measures_goal",
    bind="query-params",
    placeholder=t("measures.choose_options", lang),
)
chosen_status = f2.multiselect(
    t("measures.filter.status", lang),
    [*REPORT_STATUSES, NOT_REPORTED],
    format_func=lambda s: t(f"report_status.{s}", lang),
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
    height=widgets.full_height(shown),
    column_config={
        **{label: st.column_config.Column(width=width) for label, width in progress.display_widths(lang).items()},
        t("measures.col.progress", lang): st.column_config.ProgressColumn(
            min_value=0,
            max_value=100,
            format="%.0f %%",
            width=progress.display_widths(lang)[t("measures.col.progress", lang)],
        ),
    },
)
shell.caption_source(ctx, plan.sources_of(measures, lang))

# 4/ One measure's history, and what changed since a date
history_column, changes_column = st.columns(2, gap="large")
with history_column:
    st.subheader(t("measures.history", lang))
    titles = dict(zip(measures["id"], in_language(measures, "title", lang), strict=True))
    chosen = st.selectbox(
        t("measures.choose", lang), list(titles), format_func=titles.get, key="measure", bind="query-params"
    )
    history = reports[reports["measure_id"] == chosen]
    if history.empty:
        st.caption(t("measures.history_none", lang, title=escape_markdown(titles[chosen])))  # written in the app
    else:
        labels = {s: t(f"report_status.{s}", lang) for s in REPORT_STATUSES}
        widgets.chart(
            ctx,
            cached.figure(measure_history, history, labels, t("measures.history_title", lang)),
            progress.history_summary(history, lang),
            blocks.history_table(history, lang),
            t("measures.source_reports", lang),
            as_of=slides.reports_dated(history, lang),
            expanded=True,  # the reports' comments are read here, so the table stays open
        )
    followup.indicator_block(ctx, measures, reports, chosen)
with changes_column:
    st.subheader(t("measures.changed", lang))
    widgets.changes_since(ctx, reports, key="measures_since")

plan_blocks.history(ctx, bundle.measures, plan_revisions, chosen, titles[chosen])  # full width: six columns

# 5/ The handlingsplan: write and adopt measures (plan owners), the plan in Excel
store = editing.report_store(ctx.settings)
plan_blocks.intro(ctx, measures)
plan_blocks.editor(ctx, store, measures, goal_labels)
plan_blocks.excel_tools(ctx, store, measures)

# 6/ Who still has to report, and the plan as a Word document
followup.reminder_block(ctx, follow)
followup.final_report(ctx, follow)
followup.word_download(ctx, measures)

# 7/ Reporting (editors only) and Excel
blocks.excel_files(ctx, measures, goal_labels, reports)
editor = editing.current_editor()
if editor:
    blocks.report_form(ctx, store, measures, editor)
    blocks.report_upload(ctx, store, measures, editor)
