"""Oversikt: the leadership's landing view — headline figures, status per målområde, what changed, ways in."""

import streamlit as st

from analytics import overview, plan, progress, slides
from analytics.formatting import escape_markdown
from analytics.i18n import in_language, t
from analytics.networks import goal_area_names
from analytics.palette import goal_area_colour
from ui import shell, widgets
from views.oversikt import blocks, followup

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
organisation = bundle.organisation
strategy = organisation.get("strategy")
reports = shell.reports(ctx)
table = shell.measure_table(ctx, reports)
figures = overview.headline_figures(bundle, table, shell.population_named(ctx), lang)

# 2/ The strategy and its headline figures
st.title(escape_markdown(overview.strategy_title(strategy, organisation, lang)))
follow = shell.follow_up(ctx, reports)
followup.leadership(follow)
if strategy:
    st.markdown(escape_markdown(overview.strategy_line(strategy, lang)))
    followup.period_note(follow)
else:
    st.info(t("overview.no_strategy", lang))
blocks.show_headline_figures(ctx, figures)

# 3/ Status per målområde, and what changed since a date
if not table.empty:
    goal_labels = goal_area_names(bundle.goal_areas, lang)
    status_column, changes_column = st.columns(2, gap="large")
    with status_column:
        st.header(overview.term_heading(organisation, "measures.rollup", lang), anchor=False)
        widgets.measure_rollup(ctx, progress.rollup(table, bundle.goal_areas), goal_labels)
        st.caption(t("overview.status_caption", lang, statuses=overview.status_counts_text(table["status"], lang)))
        shell.caption_source(ctx, plan.sources_of(shell.plan(ctx), lang), as_of=slides.reports_dated(reports, lang))
    with changes_column:
        st.header(t("measures.changed", lang), anchor=False)
        widgets.changes_since(ctx, reports, key="since")

followup.indicators(ctx, follow)

# 4/ Ways into every view
st.header(t("overview.ways_in", lang), anchor=False)
blocks.view_links(ctx)

# 5/ The strategy's målområder in full (for those who read on)
if not bundle.goal_areas.empty:
    st.header(overview.term(organisation, "goal_areas", lang), anchor=False)
    names = in_language(bundle.goal_areas, "name", lang)
    for area, name in zip(bundle.goal_areas.itertuples(), names, strict=True):
        with st.expander(escape_markdown(f"{area.number} · {name}")):
            st.markdown(
                f'<div aria-hidden="true" style="height:6px;background:{goal_area_colour(area.number)}"></div>',
                unsafe_allow_html=True,
            )
            if area.goal:
                st.text(f"{overview.term(organisation, 'goal', lang)}: {area.goal}")
            if area.main_strategy:
                st.text(f"{t('overview.main_strategy', lang)}: {area.main_strategy}")
    shell.caption_source(ctx, bundle.goal_areas["source"])
if strategy and strategy.get("desired_results"):
    st.subheader(t("overview.desired_results", lang), anchor=False)
    st.text("\n".join(f"• {result}" for result in overview.own_text(strategy, "desired_results", lang)))
    shell.caption_source(ctx, [strategy.get("desired_results_source") or strategy["source"]])
for statement in overview.statements(strategy or {}, lang):  # the strategy's own words, literal, with the source
    st.subheader(escape_markdown(statement.heading), anchor=False)
    st.text(statement.text)
    shell.caption_source(ctx, [statement.source])
