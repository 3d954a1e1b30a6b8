"""Vennskapsbyer: the partner cities on a map by year, their profiles, a table and downloads."""

import streamlit as st

from analytics import maps, partners, slides
from analytics.charts import partnerships_over_time
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import cached, shell, widgets
from views.vennskapsbyer import blocks

FIRST_YEAR = 1945

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
st.title(t("partners.title", lang))
if bundle.partners.empty:
    st.info(t("partners.none", lang, org=escape_markdown(bundle.organisation["name"])))
    st.stop()
home = bundle.organisation["home"]
all_partners = bundle.partners
map_sources = [
    *all_partners["source"],
    *all_partners["coord_source"],
    home["source"],
    "natural-earth-110m",
]


# 2/ Controls: play, year, extent; the map area is filled last, so that playing does not hold up the rest
st.markdown(blocks.MAP_CSS, unsafe_allow_html=True)
year, extent, progress = blocks.map_controls(FIRST_YEAR, ctx.today.year, list(maps.EXTENTS), lang)
map_area = st.container()


def map_and_chart(year: int, after_chart=None) -> None:
    """The map, the sentence and caption under it, and the chart, all for `year`; `after_chart` is called between
    the chart and the texts (playing moves the progress bar there)."""
    # Everything for the year is made before anything is drawn, and the slowest for the browser is sent first
    # (map, chart), the texts with the year last: while playing, one frame showed the chart a year behind the text.
    visible = partners.partners_active_in(all_partners, year)
    deck = cached.partner_deck(ctx.settings.data_dir, bundle.id, ctx.today, year, extent, lang)
    deck.to_json()  # written once per deck, here rather than between the map and the chart
    counts = partners.partner_counts_by_year(all_partners, FIRST_YEAR, ctx.today.year)
    labels = {key: t(f"type.{key}", lang) for key in counts["agreement_type"].unique()}
    chart_title, chart_year = t("partners.chart_title", lang), t("partners.chart_year", lang)
    fig = cached.figure(partnerships_over_time, counts, year, labels, chart_title, chart_year)
    summary = partners.counts_summary(all_partners, lang)
    table = partners.counts_table(counts, labels, lang)
    map_column, chart_column = st.columns([7, 3], gap="medium")
    with map_column:
        blocks.map_legend(lang, all_partners)
        st.pydeck_chart(deck, height=maps.MAP_HEIGHT_PX)  # no keyed container: a new key redraws from scratch
    with chart_column:
        as_of = slides.sources_dated(ctx.sources, all_partners["since_source"], lang)
        widgets.chart(ctx, fig, summary, table, all_partners["since_source"], as_of=as_of)
    if after_chart is not None:
        after_chart()
    with map_column:
        st.markdown(t("partners.in_year", lang, n=len(visible), total=len(all_partners), year=year))
        st.caption(t("partners.map_caption", lang, n=len(visible), year=year, home=home["name"]))
        shell.caption_source(ctx, map_sources, as_of=slides.partners_dated(ctx.sources, all_partners, lang))


# 3/ Profile of one city
st.header(t("partners.profile", lang))
chosen = st.selectbox(
    t("partners.choose_city", lang),
    list(all_partners["id"]),
    format_func=dict(zip(all_partners["id"], all_partners["name"], strict=True)).get,
    key="city",
    bind="query-params",
)
blocks.partner_profile(ctx, chosen)

# 4/ Table and download
st.header(t("partners.table", lang))
table = partners.partner_table(all_partners, ctx.sources, lang)
table_sources = [*all_partners["source"], *all_partners["since_source"], *all_partners["status_source"]]
widgets.table_with_csv(ctx, table, table_sources, all_partners, f"{bundle.id}-partnerbyer.csv")

# 5/ The map area: one year, or every year in turn while playing
with map_area:
    if progress is not None:
        blocks.play_years(map_and_chart, FIRST_YEAR, ctx.today.year, lang, progress)
    else:
        map_and_chart(year)
