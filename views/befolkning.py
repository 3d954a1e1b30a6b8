"""Befolkning: residents with an immigrant background over time, by country, and from the twin cities' countries."""

import streamlit as st

from analytics import population as pop
from analytics import ssb
from analytics.charts import change_bars, country_bars, persons_by_category, share_over_time
from analytics.exports import csv_for_excel
from analytics.formatting import format_percent
from analytics.i18n import t
from ui import shell, widgets

TOP = 15

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
org = bundle.organisation["name"]
st.title(t("pop.title", lang))
figures, warning = shell.population(ctx)
widgets.population_status(ctx, figures, warning)
if figures.empty:
    st.info(t("pop.none", lang, org=org))
    st.stop()
figures = pop.in_order(figures, [region.key for region in ssb.configured_regions(bundle.organisation)])
figures = pop.with_region_names(figures, lang)
names = dict(pop.regions(figures))
ssb_figures = figures[figures["measure"].isin(pop.SSB_MEASURES)]
if not ssb_figures.empty:
    st.caption(t("pop.definition", lang))

# 2/ Share over time, the organisation's regions against the country
share = pop.series(figures, "andel_innvandrerbakgrunn")
if share["value"].notna().any():
    st.plotly_chart(share_over_time(share, t("pop.share_title", lang)), width="stretch")
    latest = [pop.latest(figures, key, "andel_innvandrerbakgrunn") for key in dict.fromkeys(share["region"])]
    items = "; ".join(f"{row['region_name']} {format_percent(row['value'])} ({row['year']})" for row in latest)
    st.caption(t("pop.share_summary", lang, items=items))
    widgets.notes_of(ctx, figures[figures["measure"] == "andel_innvandrerbakgrunn"])
    shell.caption_source(ctx, share["source"].dropna())

# 3/ Persons: immigrants and Norwegian-born where the source splits them
with_persons = [key for key in names if not pop.split(figures, key).empty]
if with_persons:
    region = st.radio(
        t("pop.region", lang),
        with_persons,
        format_func=names.get,
        horizontal=True,
        key="pop_region",
        bind="query-params",
    )
    table = pop.split(figures, region)
    labels = {m: t(f"measure.{m}", lang) for m in pop.PERSON_MEASURES} | {"unsplit": t("measure.unsplit", lang)}
    title = t("pop.persons_title", lang, region=names[region])
    st.plotly_chart(persons_by_category(table, labels, title), width="stretch")
    if (table["innvandrere"].isna() & table["innvandrerbakgrunn"].notna()).any():
        st.caption(t("pop.persons_summary", lang))
    rows = pop.totals_of(figures, pop.PERSON_MEASURES, region)
    widgets.notes_of(ctx, rows)
    shell.caption_source(ctx, rows["source"])

# 4/ Country backgrounds: the largest in a year, the change between two years, the twin cities' countries
with_countries = [key for key in names if pop.country_years(figures, key)]
if with_countries:
    st.header(t("pop.countries", lang))
    region = st.radio(
        t("pop.region", lang),
        with_countries,
        format_func=names.get,
        horizontal=True,
        key="pop_country_region",
        bind="query-params",
    )
    years = pop.country_years(figures, region)
    left, right = st.columns(2, gap="large")
    with left:
        year = st.selectbox(t("pop.year", lang), years[::-1], key=f"pop_year_{region}", bind="query-params")
        top = pop.countries(figures, region, year)
        backgrounds = pop.partner_backgrounds(figures, bundle.partners, region, year)
        highlight = pop.partner_highlights(backgrounds)
        title = t("pop.top_title", lang, region=names[region], year=year)
        st.plotly_chart(country_bars(top.head(TOP), highlight, title), width="stretch")
        if len(top) > TOP:
            st.caption(t("pop.top_caption_of", lang, n=TOP, total=len(top)))
        else:
            st.caption(t("pop.top_caption", lang, n=len(top)))
        widgets.notes_of(ctx, top.head(TOP))
        shell.caption_source(ctx, top["source"])
    with right:
        if len(years) < 2:
            st.info(t("pop.change_one_year", lang, region=names[region]))
        else:
            from_column, to_column = st.columns(2)
            first = from_column.selectbox(
                t("pop.from", lang), years[:-1], key=f"pop_from_{region}", bind="query-params"
            )
            last = to_column.selectbox(
                t("pop.to", lang), [y for y in years if y > first][::-1], key=f"pop_to_{region}", bind="query-params"
            )
            moved = pop.change(figures, region, first, last)
            title = t("pop.change_title", lang, first=first, last=last, region=names[region])
            st.plotly_chart(change_bars(pop.largest_changes(moved, TOP), title), width="stretch")
            missing = moved[moved["change"].isna()]["country_name"]
            if not missing.empty:
                st.caption(t("pop.change_missing", lang, names=", ".join(missing)))
            shell.caption_source(ctx, moved["source"].dropna())
    if not bundle.partners.empty:
        widgets.partner_backgrounds(ctx, backgrounds, names[region], year)

# 5/ Measures that are not immigrant background (Kuopio): shown only with their definition
other = pop.totals_of(figures, pop.OTHER_MEASURES)
if not other.empty:
    st.header(t("pop.other_title", lang))
    st.warning(t("pop.other_warning", lang))
    widgets.population_cards(ctx, other)

# 6/ Every figure as a table, and the CSV
with st.expander(t("pop.data", lang)):
    st.dataframe(pop.display_table(figures, ctx.sources, lang), hide_index=True, width="stretch")
    shell.caption_source(ctx, figures["source"])
    st.download_button(
        t("download_csv", lang),
        lambda: csv_for_excel(figures),  # built only when someone downloads
        file_name=f"{bundle.id}-befolkning.csv",
        mime="text/csv",
        help=t("csv_hint", lang),
        key="population_csv",
    )
