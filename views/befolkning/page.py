"""Befolkning: residents with an immigrant background over time, by country, and from the twin cities' countries."""

import streamlit as st

from analytics import population_tables, slides
from analytics.charts import change_bars, country_bars, persons_by_category, share_over_time
from analytics.formatting import escape_markdown, format_int
from analytics.i18n import t
from ui import cached, shell, widgets
from views.befolkning import blocks, sections

SHARE = "andel_innvandrerbakgrunn"

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle
org = bundle.organisation["name"]
st.title(t("pop.title", lang))
figures, warning = shell.population(ctx)
# Everything derived from the figures is cached by meaning: the snapshot's version, the language and the choices.
key = cached.population_key(ctx.settings.data_dir, ctx.settings.state_dir, bundle.id, ctx.today, lang)
blocks.population_status(ctx, figures, warning, key)
if figures.empty:
    st.info(t("pop.none", lang, org=escape_markdown(org)))
    st.stop()
view = cached.population_view(
    ctx.settings.data_dir, ctx.settings.state_dir, bundle.id, ctx.today, lang
)  # computed once per snapshot
figures, names, by_region = view.figures, view.names, view.by_region
if view.has_ssb_measures:
    st.caption(t("pop.definition", lang))

# 2/ Share over time, the organisation's regions against the country
share = view.share
if share["value"].notna().any():
    widgets.chart(
        ctx,
        cached.chart((*key, "share"), share_over_time, share, t("pop.share_title", lang)),
        view.share_summary,
        view.share_table,
        share["source"].dropna(),
        as_of=slides.figures_dated(view.share_rows.dropna(subset=["value"]), lang),
        notes=population_tables.notes_of(view.share_rows, lang),
    )

# 3/ Persons: immigrants and Norwegian-born where the source splits them
with_persons = view.with_persons
if with_persons:
    region = blocks.region_choice(with_persons, names, "pop_region", lang)
    at = (*key, "persons", region)
    section, labels = cached.derived(at, sections.persons, by_region[region], region, names[region], lang)
    widgets.chart(
        ctx,
        cached.chart(at, persons_by_category, section.chart, labels, section.title),
        section.summary,
        section.table,
        section.sources,
        as_of=section.as_of,
        notes=section.notes,
    )

# 4/ Country backgrounds: the largest in a year, the change between two years, the twin cities' countries
with_countries = view.with_countries
if with_countries:
    st.header(t("pop.countries", lang))
    region = blocks.region_choice(with_countries, names, "pop_country_region", lang)
    years = view.country_years[region]
    left, right = st.columns(2, gap="large")
    with left:
        year = st.selectbox(t("pop.year", lang), years[::-1], key=f"pop_year_{region}", bind="query-params")
        at = (*key, "countries", region, year)
        section, highlight, backgrounds = cached.derived(
            at, sections.countries, by_region[region], bundle.partners, region, names[region], year, lang
        )
        widgets.chart(
            ctx,
            cached.chart(at, country_bars, section.chart, highlight, section.title),
            section.summary,
            section.table,
            section.sources,
            as_of=section.as_of,
            notes=section.notes,
        )
    with right:
        if len(years) < 2:
            st.info(t("pop.change_one_year", lang, region=escape_markdown(names[region])))
        else:
            from_column, to_column = st.columns(2)
            first = from_column.selectbox(
                t("pop.from", lang), years[:-1], key=f"pop_from_{region}", bind="query-params"
            )
            last = to_column.selectbox(
                t("pop.to", lang), [y for y in years if y > first][::-1], key=f"pop_to_{region}", bind="query-params"
            )
            at = (*key, "change", region, first, last)
            section = cached.derived(at, sections.change, by_region[region], region, names[region], first, last, lang)
            widgets.chart(
                ctx,
                cached.chart(at, change_bars, section.chart, section.title),
                section.summary,
                section.table,
                section.sources,
                as_of=section.as_of,
            )
    if not bundle.partners.empty:
        blocks.show_partner_backgrounds(ctx, backgrounds, names[region], year, (*key, "partners", region, year))

# 5/ Measures that are not immigrant background (Kuopio): shown only with their definition
other = view.other
if not other.empty:
    st.header(t("pop.other_title", lang))
    st.warning(t("pop.other_warning", lang))
    blocks.population_cards(ctx, other)

# 6/ Every figure as a table, and the CSV
with st.expander(t("pop.data", lang)):
    shown, total = format_int(len(view.table)), format_int(len(figures))
    note = t("pop.data_first", lang, n=shown, total=total) if len(figures) > len(view.table) else None
    file_name = f"{bundle.id}-befolkning.csv"
    widgets.table_with_csv(
        ctx, view.table, view.source_ids, figures, file_name, height="auto", note=note, key="population_csv"
    )
