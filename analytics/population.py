"""Population with immigrant background: the snapshot file, and the tables the Befolkning view shows.

A snapshot is one tidy CSV (``population.csv``), one row per figure: region, year, measure, optionally a country
background, the value or SSB's status symbol, and its source. The shipped snapshot in a bundle holds only
figures read in a named source; a refresh from SSB (``analytics.ssb``) writes the same format with the table id,
SSB's ``updated`` time and the fetch time on every row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.checks import Column, DataError, first_row, number_between, one_of, read_csv, require_known, slug, text
from analytics.formatting import format_change, format_int, format_percent, signed
from analytics.i18n import in_language, t
from analytics.jsonstat import SYMBOLS
from analytics.provenance import labels_of

FILE = "population.csv"

# measure -> unit. The first six are SSB's category "innvandrere og norskfødte med innvandrerforeldre" and its parts;
# the last four are other measures (Finland's) that must never be drawn on the same axis as those.
MEASURES = {
    "innvandrerbakgrunn": "personer",
    "innvandrere": "personer",
    "norskfodte": "personer",
    "andel_innvandrerbakgrunn": "prosent",
    "andel_innvandrere": "prosent",
    "andel_norskfodte": "prosent",
    "utenlandske_statsborgere": "personer",
    "andel_utenlandske_statsborgere": "prosent",
    "fremmedspraklige": "personer",
    "andel_fremmedspraklige": "prosent",
}
SSB_MEASURES = tuple(list(MEASURES)[:6])
PERSON_MEASURES = SSB_MEASURES[:3]  # persons: the total and its two parts
OTHER_MEASURES = tuple(list(MEASURES)[6:])
KEY = ["region", "year", "measure", "country_code"]


def columns(today: dt.date) -> dict[str, Column]:
    return {
        "region": Column(slug),
        "region_name": Column(text),
        "year": Column(_year(today), dtype="Int64"),
        "measure": Column(one_of(*MEASURES)),
        "country_code": Column(text, required=False),
        "country_name": Column(text, required=False),
        "value": Column(number_between(0, 100_000_000), required=False, dtype="float64"),
        "status": Column(one_of(*SYMBOLS), required=False),
        "unit": Column(one_of("personer", "prosent")),
        "source": Column(text),
        "table": Column(text, required=False),
        "updated": Column(text, required=False),
        "fetched": Column(text, required=False),
        "note_nb": Column(text, required=False),
        "note_en": Column(text, required=False),
    }


def _year(today: dt.date):
    def parse(value: str) -> int:
        if not value.strip().isdigit() or not 1900 <= int(value) <= today.year + 1:
            raise ValueError(f"et årstall mellom 1900 og {today.year + 1}")
        return int(value)

    return parse


def empty(today: dt.date) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=c.dtype or object) for name, c in columns(today).items()})


def load(path: Path, known_sources, today: dt.date) -> pd.DataFrame:
    """The checked snapshot; an absent file is an empty frame, a bad one raises DataError naming row and column."""
    if not path.exists():
        return empty(today)
    frame = read_csv(path, columns(today))
    require_known(path, frame, "source", known_sources, "en kjent kilde-id i data/sources.yml")
    problems = [
        (
            frame["value"].isna() & frame["status"].isna(),
            "value",
            "verdien mangler, og det står ikke noe SSB-symbol.",
            "et tall, eller et symbol i kolonnen «status» (" + " ".join(SYMBOLS) + ")",
        ),
        (
            frame["value"].notna() & frame["status"].isin(list(SYMBOLS)),
            "value",
            "raden har både et tall og et SSB-symbol.",
            "enten et tall eller et symbol",
        ),
        (
            frame["unit"] != frame["measure"].map(MEASURES),
            "unit",
            "enheten passer ikke til målet.",
            "«prosent» for andel_…, ellers «personer»",
        ),
        (
            (frame["unit"] == "prosent") & (frame["value"] > 100),
            "value",
            "en andel over 100 %.",
            "et tall fra 0 til 100",
        ),
    ]
    for mask, column, problem, expected in problems:
        if mask.any():
            raise DataError(path, problem, row=first_row(mask) + 2, column=column, expected=expected)
    duplicated = frame.duplicated(subset=KEY)
    if duplicated.any():
        row = first_row(duplicated)
        raise DataError(
            path,
            "samme region, år, mål og landbakgrunn står to ganger.",
            row=row + 2,
            column="measure",
            expected="hvert tall én gang",
        )
    return frame


def origin(frame: pd.DataFrame) -> str:
    """'ssb' when the figures were fetched from SSB's API, 'snapshot' for the shipped figures, '' when none."""
    if frame.empty:
        return ""
    return "ssb" if frame["table"].notna().all() else "snapshot"


def fetch_info(frame: pd.DataFrame) -> dict:
    """Table ids, SSB's latest `updated` and the fetch time of a fetched snapshot."""
    fetched = frame.dropna(subset=["table"])
    if fetched.empty:
        return {}
    return {
        "tables": sorted(fetched["table"].unique()),
        "updated": str(fetched["updated"].dropna().max() or ""),
        "fetched": str(fetched["fetched"].dropna().max() or ""),
    }


def regions(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(key, name) of the regions in file order (the organisation's own first)."""
    return list(frame[["region", "region_name"]].drop_duplicates().itertuples(index=False, name=None))


def in_order(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The rows with the regions in `keys` first, in that order (the organisation's own, ..., the country)."""
    rank = {key: i for i, key in enumerate(keys)}
    position = frame["region"].map(rank).fillna(len(rank))
    return frame.iloc[position.argsort(kind="stable")].reset_index(drop=True)


NATIONAL = ("norge", "finland")  # region keys whose name the UI translates


def with_region_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The country regions named in the UI language ("Hele landet" / "Norway"); other names are the data's."""
    national = frame["region"].isin(NATIONAL)
    if not national.any():
        return frame
    frame = frame.copy()
    frame.loc[national, "region_name"] = frame.loc[national, "region"].map(lambda key: t(f"region.{key}", lang))
    return frame


def totals(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows that are not split by country background."""
    return frame[frame["country_code"].isna()]


def series(frame: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One row per region and year from the first to the last year of any region; missing years have NaN.

    The NaN rows make a line chart break instead of drawing a straight line across years nobody measured.
    """
    rows = totals(frame)
    rows = rows[rows["measure"] == measure]
    wanted = ["region", "region_name", "year", "value", "status", "source"]
    if rows.empty:
        return pd.DataFrame(columns=wanted)
    years = range(int(rows["year"].min()), int(rows["year"].max()) + 1)
    grid = pd.DataFrame(
        [(key, name, year) for key, name in regions(rows) for year in years], columns=["region", "region_name", "year"]
    )
    grid["year"] = grid["year"].astype("Int64")
    return grid.merge(rows[wanted], on=["region", "region_name", "year"], how="left")


def totals_of(frame: pd.DataFrame, measures, region: str | None = None) -> pd.DataFrame:
    """Rows not split by country, of the given measures (and region)."""
    rows = totals(frame)
    rows = rows[rows["measure"].isin(measures)]
    return rows if region is None else rows[rows["region"] == region]


def split(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """Per year for one region: immigrants, Norwegian-born to immigrant parents, and the total, as measured."""
    rows = totals_of(frame, PERSON_MEASURES, region)
    table = rows.pivot_table(index="year", columns="measure", values="value", aggfunc="first")
    table = table.reindex(columns=list(PERSON_MEASURES))
    table.columns.name = None
    return table.reset_index().sort_values("year", ignore_index=True)


def country_years(frame: pd.DataFrame, region: str) -> list[int]:
    rows = frame[(frame["region"] == region) & frame["country_code"].notna()]
    return sorted(int(y) for y in rows["year"].unique())


def countries(frame: pd.DataFrame, region: str, year: int) -> pd.DataFrame:
    """Country backgrounds of one region in one year (persons, immigrants + Norwegian-born), largest first."""
    rows = frame[
        (frame["region"] == region)
        & (frame["year"] == year)
        & frame["country_code"].notna()
        & (frame["measure"] == "innvandrerbakgrunn")
    ]
    return rows.sort_values(["value", "country_name"], ascending=[False, True], ignore_index=True)


def change(frame: pd.DataFrame, region: str, first: int, last: int) -> pd.DataFrame:
    """Per country background: persons in `first` and `last`, the change and the change in percent.

    Only countries that have a figure in both years are compared; the others are listed with NaN change.
    SSB's symbols of either year are kept in `status_first` and `status_last`.
    """
    before = countries(frame, region, first)[["country_code", "country_name", "value", "status"]]
    after = countries(frame, region, last)[["country_code", "country_name", "value", "status", "source"]]
    both = before.merge(after, on=["country_code"], how="outer", suffixes=("_first", "_last"))
    both["country_name"] = both["country_name_last"].fillna(both["country_name_first"])
    both["change"] = both["value_last"] - both["value_first"]
    both["change_percent"] = 100 * both["change"] / both["value_first"]
    both = both.sort_values(["change", "country_name"], ascending=[False, True], na_position="last", ignore_index=True)
    columns = ["country_code", "country_name", "value_first", "value_last", "change", "change_percent", "source"]
    return both[[*columns, "status_first", "status_last"]]


def largest_changes(change: pd.DataFrame, n: int) -> pd.DataFrame:
    """The n countries with the largest change either way, growth first."""
    measured = change.dropna(subset=["change"])
    biggest = measured["change"].abs().sort_values(ascending=False).index[:n]
    return change.loc[biggest].sort_values("change", ascending=False)


def _names(country_nb: str) -> set[str]:
    """'Skottland (Storbritannia)' -> {'Skottland (Storbritannia)', 'Skottland', 'Storbritannia'}."""
    names = {country_nb.strip()}
    if "(" in country_nb and country_nb.endswith(")"):
        outer, inner = country_nb[:-1].split("(", 1)
        names |= {outer.strip(), inner.strip()}
    return names


def partner_backgrounds(frame: pd.DataFrame, partners: pd.DataFrame, region: str, year: int) -> pd.DataFrame:
    """For each partner city: residents of `region` with a background from its country in `year` (NaN: not in data).

    A country background matches a partner's country by ISO code (the shipped snapshot) or by the Norwegian
    country name (SSB's labels), so Dunfermline's «Skottland (Storbritannia)» matches SSB's «Storbritannia».
    `background_code` is the matched row's country_code (the first match in `countries()` order).
    """
    rows = countries(frame, region, year)
    by_code = _first_position(rows["country_code"])
    by_name = _first_position(rows["country_name"])
    codes, values, sources = (rows[column].tolist() for column in ("country_code", "value", "source"))
    out = []
    for partner in partners.itertuples():
        positions = [by_code.get(partner.country_code), *(by_name.get(n) for n in _names(str(partner.country_nb)))]
        positions = [position for position in positions if position is not None]
        first = min(positions) if positions else None  # the first matching row, as a filter would find it
        out.append(
            {
                "partner_id": partner.id,
                "partner": partner.name,
                "country_code": partner.country_code,
                "country_nb": partner.country_nb,
                "country_en": partner.country_en,
                "background_code": codes[first] if first is not None else None,
                "value": values[first] if first is not None else np.nan,
                "source": sources[first] if first is not None else None,
            }
        )
    columns = [
        "partner_id",
        "partner",
        "country_code",
        "country_nb",
        "country_en",
        "background_code",
        "value",
        "source",
    ]
    return pd.DataFrame(out, columns=columns)


def _first_position(column: pd.Series) -> dict:
    """value -> the position of its first row (missing values left out)."""
    first: dict = {}
    for position, value in enumerate(column.tolist()):
        if isinstance(value, str):
            first.setdefault(value, position)
    return first


def partner_highlights(backgrounds: pd.DataFrame) -> dict[str, str]:
    """background_code -> the partner cities of that country ("Kraków"; "Darmstadt"), for labelling bars."""
    found = backgrounds.dropna(subset=["background_code"])
    return {code: ", ".join(rows["partner"]) for code, rows in found.groupby("background_code", sort=False)}


def latest(frame: pd.DataFrame, region: str, measure: str) -> pd.Series | None:
    """The most recent measured row of a measure for a region, or None."""
    rows = totals(frame)
    rows = rows[(rows["region"] == region) & (rows["measure"] == measure) & rows["value"].notna()]
    return None if rows.empty else rows.sort_values("year").iloc[-1]


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
            t("pop.col.source", lang): labels_of(sources, ordered["source"]),
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

    figures: pd.DataFrame  # in_order() and with_region_names()
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
    figures = with_region_names(in_order(figures, region_keys), lang)
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
