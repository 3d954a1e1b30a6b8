"""Population: the tables, summaries and cards the Befolkning view and the slides show, from the loaded figures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.countries import with_country_names
from analytics.formatting import format_change, format_int, format_percent, signed
from analytics.i18n import in_language, t
from analytics.population import (
    MEASURES,
    OTHER_MEASURES,
    SSB_MEASURES,
    country_years,
    in_order,
    regions,
    series,
    split,
    totals_of,
    with_region_names,
)
from analytics.provenance import labels_of


def value_text(value: float, unit: str, status: str | None) -> str:
    """29 539 / 15,3 % / SSB's symbol where there is no number."""
    if isinstance(status, str) and status:
        return status
    return format_percent(value) if unit == "prosent" else format_int(value)


def display_table(frame: pd.DataFrame, sources: pd.DataFrame, lang: str, limit: int | None = None) -> pd.DataFrame:
    """Every figure (the first `limit` when given) with labelled columns, Norwegian number formats and the short
    name of its source."""
    ordered = frame.sort_values(["region", "year", "measure", "country_name"], na_position="first", kind="stable")
    ordered = ordered if limit is None else ordered.head(limit)
    return pd.DataFrame(
        {
            t("pop.col.region", lang): ordered["region_name"],
            t("pop.col.year", lang): ordered["year"].astype(int).astype(str),
            t("pop.col.measure", lang): ordered["measure"].map({m: t(f"measure.{m}", lang) for m in MEASURES}),
            t("pop.col.country", lang): ordered["country_name"].fillna(t("pop.all_countries", lang)),
            t("pop.col.value", lang): [
                value_text(v, u, s)
                for v, u, s in zip(ordered["value"], ordered["unit"], ordered["status"], strict=True)
            ],
            t("pop.col.source", lang): labels_of(sources, ordered["source"], lang),
            t("pop.col.note", lang): in_language(ordered, "note", lang).fillna(""),
        }
    )


def notes_of(rows: pd.DataFrame, lang: str) -> list[str]:
    """The data notes of the given figures, each once, as "Merknad: …"."""
    notes = in_language(rows, "note", lang).dropna()
    return [f"{t('col.note', lang)}: {note}" for note in dict.fromkeys(notes) if note]


def share_summary(share: pd.DataFrame, lang: str) -> str:
    """The text alternative to the share chart: each region's latest measured share and its year (a region with no
    measured figure says so, or shows SSB's symbol)."""
    items = []
    for _, rows in share.groupby("region", sort=False):
        name, rows = rows["region_name"].iloc[0], rows.sort_values("year")
        measured, symbols = rows.dropna(subset=["value"]), rows.dropna(subset=["status"])
        if not measured.empty:
            items.append(f"{name} {format_percent(measured['value'].iloc[-1])} ({int(measured['year'].iloc[-1])})")
        elif not symbols.empty:
            items.append(f"{name} {symbols['status'].iloc[-1]} ({int(symbols['year'].iloc[-1])})")
        else:
            items.append(f"{name}: {t('pop.no_measured', lang)}")
    return t("pop.share_summary", lang, items="; ".join(items))


def share_table(share: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The share over time as a table for people: one row per year with a figure or a symbol, one column per region
    ("15,3 %", SSB's symbol, or "–" where the region was not measured that year)."""
    present = share[share["value"].notna() | share["status"].notna()]
    years = sorted(int(year) for year in present["year"].unique())
    table = pd.DataFrame({t("pop.col.year", lang): [str(year) for year in years]})
    for _, rows in share.groupby("region", sort=False):
        cells = {int(r.year): value_text(r.value, "prosent", r.status) for r in rows.itertuples()}
        table[rows["region_name"].iloc[0]] = [cells.get(year, "–") for year in years]
    return table


def persons_summary(table: pd.DataFrame, region_name: str, lang: str) -> str:
    """The text alternative to the persons chart (`table` from split()): the latest total with its parts where the
    source gives them, the first year's total, and a word on totals the source does not split."""
    totals = table.dropna(subset=["innvandrerbakgrunn"])
    if totals.empty:
        return t("pop.persons_no_total", lang, region=region_name)
    last, first = totals.iloc[-1], totals.iloc[0]
    values = {"region": region_name, "year": int(last["year"]), "total": format_int(last["innvandrerbakgrunn"])}
    if pd.notna(last["innvandrere"]) and pd.notna(last["norskfodte"]):
        parts = {"immigrants": format_int(last["innvandrere"]), "born": format_int(last["norskfodte"])}
        sentences = [t("pop.persons_latest_split", lang, **values, **parts)]
    else:
        sentences = [t("pop.persons_latest", lang, **values)]
    if len(totals) > 1:
        sentences.append(
            t("pop.persons_first", lang, year=int(first["year"]), total=format_int(first["innvandrerbakgrunn"]))
        )
    unsplit = table["innvandrere"].isna() | table["norskfodte"].isna()  # drawn hatched, as in the chart
    if (unsplit & table["innvandrerbakgrunn"].notna()).any():
        sentences.append(t("pop.persons_summary", lang))
    return " ".join(sentences)


def persons_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Persons per year as a table for people: immigrants, Norwegian-born to immigrant parents and the total, as the
    source gives them (SSB's symbols kept; "–" where the source gives no figure)."""
    cells = {(int(r.year), r.measure): value_text(r.value, r.unit, r.status) for r in rows.itertuples()}
    years = sorted({year for year, _ in cells})
    table = pd.DataFrame({t("pop.col.year", lang): [str(year) for year in years]})
    for measure in ("innvandrere", "norskfodte", "innvandrerbakgrunn"):
        table[t(f"measure.{measure}", lang)] = [cells.get((year, measure), "–") for year in years]
    return table


def countries_summary(top: pd.DataFrame, shown: int, highlight: dict, region_name: str, year: int, lang: str) -> str:
    """The text alternative to the country bars (`top` from countries(), `shown` of them drawn): the three largest,
    how many are shown, and the twin cities' countries among them."""
    items = ", ".join(f"{r.country_name} {value_text(r.value, r.unit, r.status)}" for r in top.head(3).itertuples())
    sentences = [t("pop.top_summary", lang, region=region_name, year=year, items=items)]
    if len(top) > shown:
        sentences.append(t("pop.top_caption_of", lang, n=shown, total=len(top)))
    else:
        sentences.append(t("pop.top_caption", lang, n=len(top)))
    partners = top.head(shown)[top.head(shown)["country_code"].isin(list(highlight))]
    if not partners.empty:
        named = "; ".join(
            f"{r.country_name} {value_text(r.value, r.unit, r.status)} ({highlight[r.country_code]})"
            for r in partners.itertuples()
        )
        sentences.append(t("pop.top_partners", lang, items=named))
    return " ".join(sentences)


def countries_table(top: pd.DataFrame, highlight: dict, lang: str) -> pd.DataFrame:
    """The country bars as a table for people: country background, persons (or SSB's symbol) and the twin cities
    of that country, in the chart's order."""
    return pd.DataFrame(
        {
            t("pop.col.country", lang): top["country_name"].tolist(),
            t("pop.col.persons", lang): [value_text(r.value, r.unit, r.status) for r in top.itertuples()],
            t("pop.col.partner", lang): [highlight.get(code, "") for code in top["country_code"]],
        }
    )


def change_summary(moved: pd.DataFrame, first: int, last: int, lang: str) -> str:
    """The text alternative to the change bars (`moved` from change()): how many grew and fell, the largest change,
    and the countries that are not in both years."""
    measured = moved.dropna(subset=["change"])
    missing = moved[moved["change"].isna()]["country_name"]
    if measured.empty:
        sentences = [t("pop.change_none", lang, first=first, last=last)]
    else:
        largest = measured.loc[measured["change"].abs().idxmax()]
        up, down = int((measured["change"] > 0).sum()), int((measured["change"] < 0).sum())
        sentences = [
            t("pop.change_counts", lang, up=up, n=len(measured), first=first, last=last, down=down),
            t(
                "pop.change_largest",
                lang,
                name=largest["country_name"],
                change=format_change(largest["change"], largest["change_percent"]),
            ),
        ]
    if not missing.empty:
        sentences.append(t("pop.change_missing", lang, names=", ".join(missing)))
    return " ".join(sentences)


def change_table(moved: pd.DataFrame, first: int, last: int, lang: str) -> pd.DataFrame:
    """The change between two years as a table for people: persons in each year (or SSB's symbol), the change and
    the change in percent ("–" where a country is not in both years)."""
    return pd.DataFrame(
        {
            t("pop.col.country", lang): moved["country_name"].tolist(),
            str(first): [
                value_text(v, "personer", s) for v, s in zip(moved["value_first"], moved["status_first"], strict=True)
            ],
            str(last): [
                value_text(v, "personer", s) for v, s in zip(moved["value_last"], moved["status_last"], strict=True)
            ],
            t("pop.col.change", lang): [format_change(c) for c in moved["change"]],
            t("pop.col.change_percent", lang): [_percent_change(p) for p in moved["change_percent"]],
        }
    )


def _percent_change(percent: float) -> str:
    finite = pd.notna(percent) and np.isfinite(percent)
    return signed(format_percent(percent), percent) if finite else "–"


@dataclass(frozen=True)
class Card:
    region_name: str
    year: int
    measure: str
    value: float
    unit: str
    status: str | None
    share: float | None
    sources: list[str]
    note_nb: str | None
    note_en: str | None


def cards(rows: pd.DataFrame) -> list[Card]:
    """Figures as cards: a count and its share (andel_<measure>) together, a share without a count alone."""
    out = []
    by_key = {(r.region, r.year, r.measure): r for r in rows.itertuples()}
    for r in rows.itertuples():
        share_row = by_key.get((r.region, r.year, f"andel_{r.measure}"))
        if r.measure.startswith("andel_") and (r.region, r.year, r.measure.removeprefix("andel_")) in by_key:
            continue  # shown under its count
        out.append(
            Card(
                region_name=r.region_name,
                year=int(r.year),
                measure=r.measure,
                value=r.value,
                unit=r.unit,
                status=r.status if isinstance(r.status, str) else None,
                share=share_row.value if share_row is not None else None,
                sources=[r.source] + ([share_row.source] if share_row is not None else []),
                note_nb=r.note_nb if isinstance(r.note_nb, str) else None,
                note_en=r.note_en if isinstance(r.note_en, str) else None,
            )
        )
    return out


TABLE_LIMIT = 10_000  # rows of the figures table in the view; the CSV download holds every figure


@dataclass(frozen=True)
class ForView:
    """What the Befolkning view draws from, computed once per snapshot and language. Every choice of region then
    works on that region's rows only (`by_region`), whatever the size of the file."""

    figures: pd.DataFrame  # in_order(), with_region_names() and with_country_names()
    names: dict[str, str]  # region key -> name, in order
    by_region: dict[str, pd.DataFrame]
    has_ssb_measures: bool
    share: pd.DataFrame  # series() of the share with an immigrant background
    share_rows: pd.DataFrame  # its rows (totals), for the data notes
    share_summary: str
    share_table: pd.DataFrame
    with_persons: list[str]  # regions whose persons split() is not empty
    with_countries: list[str]  # regions with country backgrounds
    country_years: dict[str, list[int]]
    other: pd.DataFrame  # the measures that are not immigrant background
    table: pd.DataFrame  # display_table(), at most TABLE_LIMIT rows
    source_ids: list[str]


def for_view(figures: pd.DataFrame, region_keys: list[str], sources: pd.DataFrame, lang: str) -> ForView:
    """The tables the Befolkning view shows, from the checked figures and the organisation's configured regions."""
    figures = with_country_names(with_region_names(in_order(figures, region_keys), lang), lang)
    names = dict(regions(figures))
    by_region = {key: rows for key, rows in figures.groupby("region", sort=False)}
    share = series(figures, "andel_innvandrerbakgrunn")
    years = {key: country_years(by_region[key], key) for key in names}
    return ForView(
        figures=figures,
        names=names,
        by_region=by_region,
        has_ssb_measures=bool(figures["measure"].isin(SSB_MEASURES).any()),
        share=share,
        share_rows=totals_of(figures, ["andel_innvandrerbakgrunn"]),
        share_summary=share_summary(share, lang),
        share_table=share_table(share, lang),
        with_persons=[key for key in names if not split(by_region[key], key).empty],
        with_countries=[key for key in names if years[key]],
        country_years=years,
        other=totals_of(figures, OTHER_MEASURES),
        table=display_table(figures, sources, lang, TABLE_LIMIT),
        source_ids=list(figures["source"].unique()),
    )
