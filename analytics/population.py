"""Population with immigrant background: the snapshot file (load and check) and the selections made from it.

A snapshot is one tidy CSV (``population.csv``), one row per figure: region, year, measure, optionally a country
background, the value or SSB's status symbol, and its source. The shipped snapshot in a bundle holds only
figures read in a named source; a refresh from SSB (``analytics.ssb``) writes the same format with the table id,
SSB's ``updated`` time and the fetch time on every row. The tables and summaries the Befolkning view and the slides
show are in ``analytics.population_tables``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.checks import (
    Column,
    DataError,
    first_row,
    iso_time,
    number_between,
    one_of,
    read_csv,
    require_known,
    slug,
    text,
)
from analytics.i18n import t
from analytics.jsonstat import SYMBOLS

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
        "updated": Column(iso_time, required=False),
        "fetched": Column(iso_time, required=False),
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


def fetched_or_shipped(
    fetched: Path, shown_as: str, shipped: Path, known_sources, today: dt.date
) -> tuple[pd.DataFrame, str | None]:
    """(figures, warning): the snapshot fetched from SSB when there is one and it passes every check, else the
    shipped figures and why the fetched one cannot be used (naming it as `shown_as`, not by its server path)."""
    if not fetched.exists():
        return load(shipped, known_sources, today), None
    try:
        return load(fetched, known_sources, today), None
    except DataError as error:
        return load(shipped, known_sources, today), str(error.shown_as(shown_as))


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
