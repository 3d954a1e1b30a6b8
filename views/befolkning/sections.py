"""Befolkning's sections as data: what each chart and its text alternative show, for one region and the chosen
years. Plain functions of the population figures (no Streamlit): the page gets them through cached.derived, once
per snapshot, language and choice, instead of redoing the pandas work on every rerun."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import population as pop
from analytics import population_tables, slides
from analytics.formatting import format_int
from analytics.i18n import in_language, t

TOP = 15


@dataclass(frozen=True)
class Section:
    """One chart's inputs and its text alternative; `chart` is the table the figure is drawn from."""

    chart: pd.DataFrame
    title: str
    summary: str
    table: pd.DataFrame
    sources: pd.Series
    notes: list[str]
    as_of: str  # the data's own date in words («Tall for 2013–2026»), as on a slide


def persons(frame: pd.DataFrame, region: str, region_name: str, lang: str) -> tuple[Section, dict]:
    """Immigrants and Norwegian-born to immigrant parents per year, and the labels of the chart's series."""
    table = pop.split(frame, region)
    labels = {m: t(f"measure.{m}", lang) for m in pop.PERSON_MEASURES} | {"unsplit": t("measure.unsplit", lang)}
    rows = pop.totals_of(frame, pop.PERSON_MEASURES, region)
    section = Section(
        table,
        t("pop.persons_title", lang, region=region_name),
        population_tables.persons_summary(table, region_name, lang),
        population_tables.persons_table(rows, lang),
        rows["source"],
        population_tables.notes_of(rows, lang),
        slides.figures_dated(rows, lang),
    )
    return section, labels


def countries(
    frame: pd.DataFrame, partners: pd.DataFrame, region: str, region_name: str, year: int, lang: str
) -> tuple[Section, dict, pd.DataFrame]:
    """The largest country backgrounds in a year, the twin cities' countries highlighted, and the partners' rows."""
    top = pop.countries(frame, region, year)
    shown = top.head(TOP)
    backgrounds = pop.partner_backgrounds(frame, partners, region, year)
    highlight = pop.partner_highlights(backgrounds)
    section = Section(
        shown,
        t("pop.top_title", lang, region=region_name, year=year),
        population_tables.countries_summary(top, TOP, highlight, region_name, year, lang),
        population_tables.countries_table(shown, highlight, lang),
        top["source"],
        population_tables.notes_of(shown, lang),
        slides.figures_dated(top, lang),
    )
    return section, highlight, backgrounds


def change(frame: pd.DataFrame, region: str, region_name: str, first: int, last: int, lang: str) -> Section:
    """The change per country background between two years; the chart shows the largest either way."""
    moved = pop.change(frame, region, first, last)
    return Section(
        pop.largest_changes(moved, TOP),
        t("pop.change_title", lang, first=first, last=last, region=region_name),
        population_tables.change_summary(moved, first, last, lang),
        population_tables.change_table(moved, first, last, lang),
        moved["source"].dropna(),
        [],
        slides.figures_dated(frame, lang, years=(first, last)),
    )


def partner_table(backgrounds: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The twin cities' countries as shown: partner, country, residents, the largest first."""
    ordered = backgrounds.sort_values(["value", "partner"], ascending=[False, True], na_position="last")
    return pd.DataFrame(
        {
            t("pop.col.partner", lang): ordered["partner"],
            t("col.country", lang): in_language(ordered, "country", lang),
            t("pop.col.residents", lang): ordered["value"].map(format_int),
        }
    )
