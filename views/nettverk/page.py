"""Nettverk: the organisation's networks per målområde, the gaps, scope mix, profiles and a comparison."""

import streamlit as st

from analytics import networks as nw
from analytics import slides
from analytics.charts import count_bars, coverage_dots, scope_bars
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import cached, shell, widgets
from views.nettverk import blocks

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
org = bundle.organisation["name"]
st.title(t("networks.title", lang))
if bundle.networks.empty:
    st.info(t("networks.none", lang, org=escape_markdown(org)))
    st.stop()
labels = nw.goal_labels(bundle.goal_areas, lang)
per_goal_area = nw.networks_per_goal_area(bundle.network_goal_areas, bundle.goal_areas)
per_goal_area["label"] = per_goal_area["number"].map(labels)
sources_of_links = [*bundle.network_goal_areas["source"]] or [*bundle.networks["source"]]
links_dated = slides.sources_dated(ctx.sources, sources_of_links, lang)

# 2/ Coverage: matrix, counts, gaps
if bundle.goal_areas.empty:
    st.info(t("networks.no_goal_areas", lang, org=escape_markdown(org)))
else:
    st.markdown(escape_markdown(nw.networks_summary(bundle.networks, per_goal_area, lang)))
    matrix_column, side_column = st.columns([3, 2], gap="medium")
    with matrix_column:
        coverage = nw.coverage_matrix(bundle.networks, bundle.network_goal_areas, bundle.goal_areas)
        widgets.chart(
            ctx,
            cached.figure(coverage_dots, coverage, labels, t("networks.matrix_title", lang)),
            nw.coverage_summary(coverage, lang),
            nw.coverage_table(coverage, labels, lang),
            sources_of_links,
            as_of=links_dated,
        )
    with side_column:
        widgets.chart(
            ctx,
            cached.figure(count_bars, per_goal_area, "label", t("networks.counts_title", lang)),
            nw.counts_summary(per_goal_area, labels, lang),
            nw.counts_table(per_goal_area, labels, lang),
            sources_of_links,
            as_of=links_dated,
        )
        blocks.network_gaps(ctx, per_goal_area)
    mix = nw.scope_mix(bundle.networks, bundle.network_goal_areas, bundle.goal_areas)
    scope_labels = {scope: t(f"scope.{scope}", lang) for scope in mix["scope"].unique()}
    widgets.chart(
        ctx,
        cached.figure(scope_bars, mix, labels, scope_labels, t("networks.scope_title", lang)),
        nw.scope_summary(mix, scope_labels, lang),
        nw.scope_table(mix, labels, scope_labels, lang),
        [*sources_of_links, "egen-klassifisering"],
        as_of=slides.sources_dated(ctx.sources, [*sources_of_links, "egen-klassifisering"], lang),
    )
st.caption(t("networks.own_classification", lang))

# 3/ Profile of one network
st.header(t("networks.profile", lang))
chosen = st.selectbox(
    t("networks.choose", lang),
    list(bundle.networks["id"]),
    format_func=dict(zip(bundle.networks["id"], bundle.networks["name"], strict=True)).get,
    key="network",
    bind="query-params",
)
blocks.show_network_profile(ctx, chosen)

# 4/ Comparison with another organisation
st.header(t("networks.compare", lang))
blocks.network_comparison(ctx)

# 5/ Table and download
st.header(t("networks.table", lang))
table = nw.network_table(bundle.networks, bundle.network_goal_areas, bundle.goal_areas, lang)
table_sources = [*bundle.networks["source"], "egen-klassifisering"]
widgets.table_with_csv(ctx, table, table_sources, bundle.networks, f"{bundle.id}-nettverk.csv", key="networks_csv")
