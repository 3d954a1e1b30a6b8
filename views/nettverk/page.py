"""Nettverk: the organisation's networks per målområde, the gaps, scope mix, profiles and a comparison."""

import streamlit as st

from analytics import networks as nw
from analytics import slides
from analytics.charts import count_bars, coverage_dots, scope_bars
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import cached, shell, widgets
from views.nettverk import blocks, sections

# 1/ Data: everything derived from the bundle is cached by meaning (the bundle's key, the language, the choices)
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
org = bundle.organisation["name"]
st.title(t("networks.title", lang))
if bundle.networks.empty:
    st.info(t("networks.none", lang, org=escape_markdown(org)))
    st.stop()
key = (str(ctx.settings.data_dir), bundle.id, ctx.today, lang)
view = cached.derived(key, sections.overview, bundle, lang)
labels, per_goal_area, sources_of_links = view.labels, view.per_goal_area, view.sources_of_links
links_dated = slides.sources_dated(ctx.sources, sources_of_links, lang)

# 2/ Coverage: matrix, counts, gaps
if bundle.goal_areas.empty:
    st.info(t("networks.no_goal_areas", lang, org=escape_markdown(org)))
else:
    st.markdown(escape_markdown(nw.networks_summary(bundle.networks, per_goal_area, lang)))
    matrix_column, side_column = st.columns([3, 2], gap="medium")
    with matrix_column:
        widgets.chart(
            ctx,
            cached.chart((*key, "coverage"), coverage_dots, view.coverage, labels, t("networks.matrix_title", lang)),
            view.coverage_summary,
            view.coverage_table,
            sources_of_links,
            as_of=links_dated,
        )
    with side_column:
        widgets.chart(
            ctx,
            cached.chart((*key, "counts"), count_bars, per_goal_area, "label", t("networks.counts_title", lang)),
            view.counts_summary,
            view.counts_table,
            sources_of_links,
            as_of=links_dated,
        )
        blocks.network_gaps(ctx, view)
    title = t("networks.scope_title", lang)
    widgets.chart(
        ctx,
        cached.chart((*key, "scope"), scope_bars, view.mix, labels, view.scope_labels, title),
        view.scope_summary,
        view.scope_table,
        [*sources_of_links, "egen-klassifisering"],
        as_of=slides.sources_dated(ctx.sources, [*sources_of_links, "egen-klassifisering"], lang),
    )
st.caption(t("networks.own_classification", lang))

# 3/ Profile of one network
st.header(t("networks.profile", lang))
chosen = st.selectbox(
    t("networks.choose", lang),
    list(view.names),
    format_func=view.names.get,
    key="network",
    bind="query-params",
)
blocks.show_network_profile(ctx, chosen, key)

# 4/ Comparison with another organisation
st.header(t("networks.compare", lang))
blocks.network_comparison(ctx, key)

# 5/ Table and download
st.header(t("networks.table", lang))
table_sources = [*bundle.networks["source"], "egen-klassifisering"]
widgets.table_with_csv(ctx, view.table, table_sources, bundle.networks, f"{bundle.id}-nettverk.csv", key="networks_csv")
