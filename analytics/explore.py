"""Utforsk: every table the dashboard holds for one organisation, with facets, filters, grouping and downloads.

A `Table` is a frame whose columns are stable ids (snake_case, also the SQL column names) and whose values are
what a reader sees in the chosen language; `labels` names each column in that language, `sources` holds the
source ids of each row. Everything here is plain pandas (no streamlit).
"""

from __future__ import annotations

import functools
import html
import io
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from analytics import charts, palette, slides
from analytics.charts import base_layout
from analytics.countries import with_country_names
from analytics.exports import neutralise_formula
from analytics.formatting import format_decimal, format_int
from analytics.i18n import in_language, t
from analytics.networks import goal_area_label, goal_area_names
from analytics.partners import status_text

TABLES = (
    "partners",
    "partner_facts",
    "partner_conflicts",
    "networks",
    "network_facts",
    "goal_areas",
    "measures",
    "reports",
    "population",
    "sources",
)
AGGREGATES = ("count", "sum", "mean", "latest")


def first_table_with_rows(bundle, measures: pd.DataFrame) -> str:
    """The table Utforsk opens on: the first main table the organisation has rows in (Trøndelag and NTNU have no
    twin cities, so they open on their networks or measures rather than on an empty table)."""
    frames = {"partners": bundle.partners, "networks": bundle.networks, "measures": measures}
    return next((name for name, frame in frames.items() if not frame.empty), "sources")


# Okabe & Ito without yellow (below 3:1 against white), in the order the series take them.
SERIES_COLOURS = ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black")
REPORT_SOURCE = "explore.sources_of_reports"  # status reports come from the database, not from sources.yml


@dataclass(frozen=True)
class Table:
    """One table for the view: `frame` (column ids, values as shown), `labels` (id → label), the facet columns,
    the number/year columns (ranges), the year column (for «latest» and line charts), each row's source ids."""

    name: str
    frame: pd.DataFrame
    labels: dict[str, str]
    categories: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    year: str | None = None
    sources: pd.Series = field(default_factory=lambda: pd.Series(dtype=object))
    inferred: tuple[str, ...] = ()
    # Place columns (id → frame of name, code, lon, lat: a city has its position, a country its ISO code).
    places: dict = field(default_factory=dict)
    # A column whose missing value marks a total row (the other rows are parts of it), and the columns whose
    # different values must never be added together (persons and shares; a municipality and its county).
    parts_of_total: str | None = None
    never_added: tuple[str, ...] = ()
    # Facet values and ranges of the whole table, computed once (a national table has a million rows).
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def facet_values(self, column: str) -> list:
        """The values of a facet column, most frequent first (computed once per table)."""
        key = ("values", column)
        if key not in self._memo:
            self._memo[key] = self.counts_among(self.frame, column)["value"].tolist()
        return self._memo[key]

    def counts_among(self, rows: pd.DataFrame, column: str) -> pd.DataFrame:
        """facet_counts of `rows` (for the whole table computed once)."""
        if len(rows) != len(self.frame):
            return facet_counts(rows, column)
        key = ("counts", column)
        if key not in self._memo:
            self._memo[key] = facet_counts(self.frame, column)
        return self._memo[key]

    def range_of(self, column: str) -> tuple[float, float, bool] | None:
        """(lowest, highest, all whole numbers) of a number column, or None under two distinct values (once)."""
        key = ("range", column)
        if key not in self._memo:
            values = pd.to_numeric(self.frame[column], errors="coerce").dropna()
            bounds = number_range(self.frame, column)
            self._memo[key] = None if bounds is None else (*bounds, bool((values == values.round()).all()))
        return self._memo[key]

    def shown(self, frame: pd.DataFrame | None = None) -> pd.DataFrame:
        """The frame (or a filtered part of it) with the labels as column names; a missing text is empty."""
        frame = self.frame if frame is None else frame
        plain = {c: frame[c].astype(object).fillna("") for c in frame.columns if is_text(frame[c])}
        return frame.assign(**plain).rename(columns=self.labels)


@dataclass(frozen=True)
class Inputs:
    """What the tables are built from: the bundle, sources.yml, the population figures, the measures with their
    latest report (progress.with_flags) and the status reports."""

    bundle: object
    sources: pd.DataFrame
    population: pd.DataFrame
    measures: pd.DataFrame
    reports: pd.DataFrame


def is_text(column: pd.Series) -> bool:
    """A column of text (pandas 3 gives text its own dtype; ours may also be object, or categorical for facets)."""
    return (
        column.dtype == object or isinstance(column.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(column)
    )


def _labels(columns, lang: str, inferred=()) -> dict[str, str]:
    own = t("explore.own", lang)
    return {c: t(f"explore.c.{c}", lang) + (f" ({own})" if c in inferred else "") for c in columns}


def _translated(values: pd.Series, prefix: str, lang: str) -> pd.Series:
    """Codes as words in `lang` (each distinct code looked up once)."""
    codes = values.astype("category")
    codes = codes.cat.remove_categories([c for c in codes.cat.categories if not (isinstance(c, str) and c)])
    words = {v: t(f"{prefix}.{v}", lang) for v in codes.cat.categories}
    if len(set(words.values())) < len(words):  # two codes with one word: categories must be distinct
        return values.map(words).astype(object)
    return codes.cat.rename_categories(words)


def _text(values: pd.Series) -> pd.Series:
    """Text with empty strings as missing, so that facets and grouping skip them."""
    return values.astype(object).where(values.notna() & (values.astype(str) != ""), pd.NA)


def _rows_sources(*columns: pd.Series) -> pd.Series:
    """Each row's source ids (missing ones dropped), joined by «;» (text, so that the ids of many rows are found
    with one fast `unique`)."""
    if len(columns) == 1:
        return columns[0].fillna("").astype(str)
    return pd.Series(
        [";".join(dict.fromkeys(s for s in row if isinstance(s, str) and s)) for row in zip(*columns, strict=True)],
        index=columns[0].index,
        dtype=object,
    )


def _table(name, frame, lang, categories=(), numbers=(), year=None, sources=None, inferred=(), **more) -> Table:
    # Facet columns as categories: counting and filtering a national table's million rows works on codes.
    frame = frame.reset_index(drop=True).astype({c: "category" for c in categories})
    sources = (sources if sources is not None else pd.Series([""] * len(frame), dtype=object)).reset_index(drop=True)
    sources = sources.astype("category")  # few distinct sets of ids: picking a million rows' ids works on codes
    labels = _labels(frame.columns, lang, inferred)
    return Table(name, frame, labels, categories, numbers, year, sources, inferred, **more)


def _city_places(bundle) -> pd.DataFrame:
    """The partner cities with their positions (the names the tables show)."""
    p = bundle.partners
    return pd.DataFrame(
        {"name": p["name"], "code": pd.NA, "lon": p["lon"].astype(float), "lat": p["lat"].astype(float)}
    )


def _country_places(names: pd.Series, codes: pd.Series) -> pd.DataFrame:
    """Country names with their ISO codes (positions come from the outlines: see country_centres)."""
    frame = pd.DataFrame({"name": names.astype(object), "code": codes.astype(object)}).dropna()
    return frame.drop_duplicates("name").assign(lon=float("nan"), lat=float("nan")).reset_index(drop=True)


def _country(frame: pd.DataFrame, lang: str) -> pd.Series:
    return in_language(frame.rename(columns={"country_nb": "c_nb", "country_en": "c_en"}), "c", lang)


def partners_table(inputs: Inputs, lang: str) -> Table:
    """One row per partner city."""
    p = inputs.bundle.partners
    frame = pd.DataFrame(
        {
            "name": p["name"],
            "country": _country(p, lang),
            "agreement_type": _translated(p["agreement_type"], "type", lang),
            "since_year": p["since_year"].astype("Int64"),
            "status": pd.Series(  # marked "(egen slutning)" where no source states it, as in every view
                [status_text(v, source, lang) for v, source in zip(p["status"], p["status_source"], strict=True)],
                index=p.index,
                dtype=object,
            ),
            "nordic_platform": p["nordic_platform"].map(lambda v: t("yes" if v else "no", lang)).astype(object),
            "lat": p["lat"].astype(float),
            "lon": p["lon"].astype(float),
        }
    )
    cats = ("country", "agreement_type", "status", "nordic_platform")
    sources = _rows_sources(p["source"], p["since_source"], p["status_source"], p["coord_source"])
    # A partner country sits where its partner cities are (the outlines lack small ones, such as the Faroes).
    positions = frame.groupby("country", sort=False)[["lon", "lat"]].mean().reset_index()
    places = {"country": positions.rename(columns={"country": "name"}).assign(code=pd.NA)}
    return _table("partners", frame, lang, cats, ("since_year",), "since_year", sources, places=places)


def _partner_names(bundle) -> dict[str, str]:
    return dict(zip(bundle.partners["id"], bundle.partners["name"], strict=True))


def partner_facts_table(inputs: Inputs, lang: str) -> Table:
    """One row per fact about a partnership."""
    f = inputs.bundle.partner_facts
    frame = pd.DataFrame(
        {
            "city": f["partner_id"].map(_partner_names(inputs.bundle)),
            "year": f["year"].astype("Int64"),
            "kind": _translated(f["kind"], "explore.fact", lang),
            "area": _translated(f["area"], "area", lang),
            "text": in_language(f, "text", lang),
        }
    )
    cats, places = ("city", "kind", "area"), {"city": _city_places(inputs.bundle)}
    return _table("partner_facts", frame, lang, cats, ("year",), "year", _rows_sources(f["source"]), places=places)


def partner_conflicts_table(inputs: Inputs, lang: str) -> Table:
    """One row per value another source gives for a partnership."""
    c = inputs.bundle.partner_conflicts
    frame = pd.DataFrame(
        {
            "city": c["partner_id"].map(_partner_names(inputs.bundle)),
            "field": _translated(c["field"], "explore.field", lang),
            "value": c["value"].astype("Int64"),
            "note": in_language(c, "note", lang),
        }
    )
    places = {"city": _city_places(inputs.bundle)}
    return _table(
        "partner_conflicts", frame, lang, ("city", "field"), ("value",), None, _rows_sources(c["source"]), places=places
    )


def _goal_labels(goal_areas: pd.DataFrame, lang: str) -> dict[str, str]:
    names = goal_area_names(goal_areas, lang)
    return {row.id: goal_area_label(row.number, names[row.id]) for row in goal_areas.itertuples()}


def networks_table(inputs: Inputs, lang: str) -> Table:
    """One row per network and målområde it serves (a network serving none has one row without a målområde);
    scope and theme are the dashboard's own classification and are labelled so."""
    b = inputs.bundle
    links = b.network_goal_areas.rename(columns={"source": "link_source"})
    n = b.networks.merge(links, how="left", left_on="id", right_on="network_id")
    frame = pd.DataFrame(
        {
            "network": n["name"],
            "goal_area": n["goal_area_id"].map(_goal_labels(b.goal_areas, lang)).astype(object),
            "scope": _translated(n["scope"], "scope", lang),
            "theme": _translated(n["theme"], "theme", lang),
            "join_year": n["join_year"].astype("Int64"),
            "description": in_language(n, "description", lang),
        }
    )
    sources = _rows_sources(n["source"], n["description_source"], n["link_source"], n["join_year_source"])
    cats, inferred = ("goal_area", "scope", "theme"), ("scope", "theme")
    return _table("networks", frame, lang, cats, ("join_year",), "join_year", sources, inferred)


def network_facts_table(inputs: Inputs, lang: str) -> Table:
    """One row per fact about a network."""
    f, b = inputs.bundle.network_facts, inputs.bundle
    frame = pd.DataFrame(
        {
            "network": f["network_id"].map(dict(zip(b.networks["id"], b.networks["name"], strict=True))),
            "year": f["year"].astype("Int64"),
            "text": in_language(f, "text", lang),
        }
    )
    return _table("network_facts", frame, lang, ("network",), ("year",), "year", _rows_sources(f["source"]))


def goal_areas_table(inputs: Inputs, lang: str) -> Table:
    """One row per målområde."""
    g = inputs.bundle.goal_areas
    frame = pd.DataFrame(
        {"number": g["number"].astype("Int64"), "name": in_language(g, "name", lang), "goal": g["goal"]}
    )
    return _table("goal_areas", frame, lang, (), ("number",), None, _rows_sources(g["source"]))


def measures_table(inputs: Inputs, lang: str) -> Table:
    """One row per measure with its latest status report (none yet: «ikke rapportert»)."""
    m = inputs.measures
    due = pd.to_datetime(m["due"])
    frame = pd.DataFrame(
        {
            "id": m["id"],
            "title": in_language(m, "title", lang),
            "kind": _translated(m["kind"], "kind", lang),
            "goal_area": m["goal_area_id"].map(_goal_labels(inputs.bundle.goal_areas, lang)).astype(object),
            "responsible": _text(m["responsible"]),
            "plan_period": _text(m["plan_period"]),
            "start": _iso(m["start"]),
            "due": _iso(m["due"]),
            "due_year": due.dt.year.astype("Int64"),
            "status": _translated(m["status"], "report_status", lang),
            "progress": pd.to_numeric(m["progress"], errors="coerce").astype(float),
            "reported_at": _iso(pd.to_datetime(m["reported_at"], utc=True).dt.date),
            "indicator_unit": _text(m["indicator_unit"]),
            "indicator_target": m["indicator_target"].astype(float),
            "indicator_value": pd.to_numeric(m["indicator_value"], errors="coerce").astype(float),
            "sdgs": m["sdgs"].map(lambda goals: ", ".join(str(g) for g in goals or ()) or pd.NA).astype(object),
        }
    )
    cats = ("kind", "goal_area", "responsible", "plan_period", "status")
    nums = ("due_year", "progress", "indicator_target", "indicator_value")
    return _table("measures", frame, lang, cats, nums, "due_year", _rows_sources(m["source"]))


def _iso(values: pd.Series) -> pd.Series:
    return values.map(lambda d: d.isoformat() if hasattr(d, "isoformat") and pd.notna(d) else pd.NA).astype(object)


def reports_table(inputs: Inputs, lang: str) -> Table:
    """One row per status report in the database (append-only history)."""
    r, m = inputs.reports, inputs.bundle.measures
    titles = dict(zip(m["id"], in_language(m, "title", lang), strict=True))
    moment = pd.to_datetime(r["reported_at"], utc=True)
    frame = pd.DataFrame(
        {
            "measure": r["measure_id"].map(titles).fillna(r["measure_id"]).astype(object),
            "period": _text(r["period"]),
            "status": _translated(r["status"], "report_status", lang),
            "progress": pd.to_numeric(r["progress"], errors="coerce").astype(float),
            "indicator_value": pd.to_numeric(r["indicator_value"], errors="coerce").astype(float),
            "comment": _text(r["comment"]),
            "reporter": _text(r["reporter"]),
            "reported_at": _iso(moment.dt.date),
            "report_year": moment.dt.year.astype("Int64"),
        }
    )
    sources = pd.Series([REPORT_SOURCE] * len(frame), dtype=object)
    cats = ("measure", "period", "status", "reporter")
    return _table("reports", frame, lang, cats, ("report_year", "progress"), "report_year", sources)


def data_date(table: Table, rows: pd.DataFrame, sources: pd.DataFrame, source_ids, lang: str) -> str:
    """The data's own date for the source line, in the slides' words: the years of the population figures, the
    date of the latest status report, else how old the cited sources are."""
    if table.name == "population":
        return slides.figures_dated(rows, lang)
    if table.name == "reports":
        return slides.reports_dated(rows, lang)
    return slides.sources_dated(sources, [s for s in source_ids if s != REPORT_SOURCE], lang)


def population_table(inputs: Inputs, lang: str) -> Table:
    """One row per population figure (shipped or fetched): a missing value keeps SSB's symbol beside it; country
    names in the reader's language."""
    p = with_country_names(inputs.population, lang)
    frame = pd.DataFrame(
        {
            "region": p["region_name"],
            "year": p["year"].astype("Int64"),
            "figure": _translated(p["measure"], "measure", lang),
            "country_background": _text(p["country_name"]),
            "value": p["value"].astype(float),
            "symbol": _text(p["status"]),
            "unit": _translated(p["unit"], "explore.unit", lang),
            "note": in_language(p, "note", lang) if "note_nb" in p else pd.NA,
        }
    )
    cats = ("region", "figure", "country_background", "symbol", "unit")
    return _table(
        "population",
        frame,
        lang,
        cats,
        ("year", "value"),
        "year",
        _rows_sources(p["source"]),
        places={"country_background": _country_places(frame["country_background"], p["country_code"])},
        parts_of_total="country_background",
        never_added=("figure", "region"),  # a figure has one unit
    )


def sources_table(inputs: Inputs, lang: str) -> Table:
    """One row per source in sources.yml (the address as text: nothing here becomes a link)."""
    s = inputs.sources
    frame = pd.DataFrame(
        {
            "id": s["id"],
            "short": _text(s["short"]),
            "title": s["title"],
            "publisher": s["publisher"],
            "date": _text(s["date"]),
            "licence": s["licence"],
            "url": _text(s["url"]),
            "note": _text(s["note"]),
        }
    )
    return _table("sources", frame, lang, ("publisher", "licence"), (), None, _rows_sources(s["id"]))


BUILDERS = {
    "partners": partners_table,
    "partner_facts": partner_facts_table,
    "partner_conflicts": partner_conflicts_table,
    "networks": networks_table,
    "network_facts": network_facts_table,
    "goal_areas": goal_areas_table,
    "measures": measures_table,
    "reports": reports_table,
    "population": population_table,
    "sources": sources_table,
}


def table(inputs: Inputs, name: str, lang: str) -> Table:
    """The table `name` (one of TABLES) for the organisation in `inputs`."""
    return BUILDERS[name](inputs, lang)


def is_year_like(column_id: str) -> bool:
    """A column of years or ordinal numbers, shown as written («2023», never «2 023»)."""
    return column_id == "number" or str(column_id).endswith("year")


COORDINATES = ("lat", "lon")


def number_formats(frame: pd.DataFrame, plain: set | frozenset = frozenset(), precise=frozenset()) -> dict:
    """A Norwegian formatter per number column of `frame` not in `plain` (see norwegian_number; a column in
    `precise`, such as a coordinate, with four decimals)."""
    return {
        column: _four_decimals if column in precise else norwegian_number
        for column in frame.columns
        if column not in plain
        and not is_text(frame[column])
        and pd.api.types.is_numeric_dtype(frame[column])
        and not pd.api.types.is_bool_dtype(frame[column])
    }


def _four_decimals(value) -> str:
    return "" if value is None or pd.isna(value) else format_decimal(value, 4)


def norwegian_number(value) -> str:
    """A whole number with grouped thousands («29 539»), another with a decimal comma and one decimal («15,3»);
    one column may hold both (persons and shares in the population table)."""
    if value is None or pd.isna(value):
        return ""
    return format_int(value) if float(value).is_integer() else format_decimal(value, 1)


@functools.lru_cache(maxsize=65_536)
def folded(text) -> str:
    """Text without case or accents, for matching: «Kraków» → «krakow», «Ørland» → «orland»."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(FOLD)


FOLD = str.maketrans({"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ß": "ss", "ı": "i", "œ": "oe", "þ": "th"})


def facet_counts(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """The values of a column with their number of rows, most frequent first (missing values left out)."""
    counts = frame[column].value_counts(sort=False, dropna=True)
    counts = counts[counts > 0]  # a category absent from these rows is no value
    # A few hundred values at most: sorting them in Python beats a keyed pandas sort of the frame.
    pairs = sorted(zip(counts.index.tolist(), counts.tolist(), strict=True), key=lambda p: (-p[1], folded(p[0])))
    return pd.DataFrame(
        {"value": pd.Series([p[0] for p in pairs], dtype=object), "count": pd.Series([p[1] for p in pairs], dtype=int)}
    )


def filtered(
    table: Table, chosen: dict[str, list] | None = None, ranges: dict[str, tuple] | None = None, text: str = ""
) -> pd.DataFrame:
    """The rows whose facet values are among the chosen ones, whose numbers lie in the ranges (ends included;
    a missing number is outside any narrowed range) and where a text column contains `text` (case and accents
    ignored)."""
    frame = table.frame
    keep = pd.Series(True, index=frame.index)
    for column, values in (chosen or {}).items():
        if values:
            keep &= frame[column].isin(values)
    for column, (low, high) in (ranges or {}).items():
        values = pd.to_numeric(frame[column], errors="coerce")
        keep &= values.between(low, high).fillna(False).astype(bool)
    if text.strip():
        needle = folded(text.strip())
        texts = [c for c in frame.columns if c not in table.numbers and is_text(frame[c])]
        hits = pd.Series(False, index=frame.index)
        for column in texts:  # fold each distinct value once, not every row
            matching = [v for v in frame[column].dropna().unique() if needle in folded(v)]
            hits |= frame[column].isin(matching)
        keep &= hits
    return frame[keep]


def number_range(frame: pd.DataFrame, column: str) -> tuple[float, float] | None:
    """(lowest, highest) of a number column, or None when it has fewer than two distinct values."""
    values = pd.to_numeric(frame[column], errors="coerce").dropna()
    if values.nunique() < 2:
        return None
    return values.min(), values.max()


def grouped(frame: pd.DataFrame, by: list[str], aggregate: str, value: str | None, year: str | None) -> pd.DataFrame:
    """One row per group of `by` (rows with a missing group value left out) with the aggregate as `result`:
    count of rows, or sum, mean or latest (the value in the group's latest `year`) of `value`. Largest first,
    or in year order when grouped by the year column."""
    if aggregate == "count" or value is None:
        result = frame.groupby(by, dropna=True, observed=True).size().rename("result")
    elif aggregate == "latest":
        dated = frame.dropna(subset=[value, year] if year else [value])  # an undated value is never the latest
        ordered = dated.sort_values(year, kind="stable") if year else dated
        result = ordered.groupby(by, dropna=True, observed=True)[value].last().rename("result")
    else:
        numbers = pd.to_numeric(frame[value], errors="coerce")
        result = numbers.groupby([frame[c] for c in by], dropna=True, observed=True).agg(aggregate).rename("result")
    out = result.reset_index().astype({c: object for c in by if isinstance(frame[c].dtype, pd.CategoricalDtype)})
    out["result"] = out["result"].astype(float)
    if year in by:
        return out.sort_values(by, ignore_index=True)
    return out.sort_values(["result", *by], ascending=[False, *[True] * len(by)], ignore_index=True)


def chart_kind(by: list[str], year: str | None, places=()) -> str:
    """«line» when the first grouping is the year column, «map» when the only grouping is a place (a city or a
    country), else «bars»."""
    if by and by[0] == year:
        return "line"
    return "map" if len(by) == 1 and by[0] in places else "bars"


@dataclass(frozen=True)
class Aggregable:
    """The rows an aggregate may use: `rows` (total rows left out where parts are there too, `totals_left_out`
    says so) or, where they would add up different things, `mixed`: the columns to choose one value of."""

    rows: pd.DataFrame
    totals_left_out: bool = False
    mixed: tuple[str, ...] = ()


def aggregable(table: Table, rows: pd.DataFrame, by: list[str], aggregate: str) -> Aggregable:
    """The rows a sum, mean or latest may use: never totals and their parts together (the totals are used), never
    two figures, units or regions in one group (refused: `mixed` names the columns)."""
    if aggregate == "count":
        return Aggregable(rows)
    grouped_rows = rows.dropna(subset=by)
    totals_left_out = False
    part = table.parts_of_total
    if part and part not in by:
        is_total = grouped_rows[part].isna()
        if is_total.any() and not is_total.all():
            grouped_rows, totals_left_out = grouped_rows[is_total], True
    mixed = tuple(c for c in table.never_added if c not in by and grouped_rows[c].nunique() > 1)
    return Aggregable(grouped_rows, totals_left_out, mixed)


def country_centres(outlines: dict) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code → (lon, lat): the mean of the points of each country's largest polygon in the outlines
    (whose ids are ISO 3166-1 numeric codes)."""
    import pycountry  # noqa: PLC0415 - only for the builder's map

    centres = {}
    for feature in outlines["features"]:
        country = pycountry.countries.get(numeric=str(feature["properties"].get("id", "")).zfill(3))
        if country is None:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        ring = max((polygon[0] for polygon in polygons), key=len)
        centres[country.alpha_2] = (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    return centres


def place_points(result: pd.DataFrame, column: str, places: pd.DataFrame, centres: dict) -> pd.DataFrame:
    """The result's groups with a position (name, lon, lat, result); a group without a known place is left out."""
    positions = places.assign(
        lon=places["lon"].fillna(places["code"].map(lambda c: centres.get(c, (None, None))[0])),
        lat=places["lat"].fillna(places["code"].map(lambda c: centres.get(c, (None, None))[1])),
    ).dropna(subset=["lon", "lat"])
    points = result[[column, "result"]].merge(positions, left_on=column, right_on="name", how="inner")
    return points[["name", "lon", "lat", "result"]].astype({"lon": float, "lat": float})


def place_map(points: pd.DataFrame, outline_paths: tuple[list, list], shown: list[str], title: str) -> go.Figure:
    """The builder's result on a map that needs no map service: a circle per place, its area by the result
    (`shown`: each place's value as text, for the hover); drawn with the partner map's land and projection."""
    fig = go.Figure(charts._land(outline_paths))
    largest = max(points["result"].abs().max(), 1e-9) if len(points) else 1.0
    fig.add_trace(
        go.Scatter(
            x=points["lon"],
            y=points["lat"].map(charts.mercator_degrees),
            mode="markers",
            marker={
                "size": [8 + 26 * (abs(v) / largest) ** 0.5 for v in points["result"]],
                "color": palette.OKABE_ITO["blue"],
                "opacity": 0.75,
                "line": {"color": "white", "width": 1.5},
            },
            hovertext=[f"{_plain(n)}: {v}" for n, v in zip(points["name"], shown, strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    if len(points):
        x_range, y_range = charts._map_ranges(points)
        axis = {"showgrid": False, "zeroline": False, "showticklabels": False, "title": None}
        fig.update_xaxes(range=x_range, constrain="domain", **axis)
        fig.update_yaxes(range=y_range, scaleanchor="x", scaleratio=1, **axis)
    fig = base_layout(fig, _plain(title), height=charts.STATIC_MAP_PX[1] + 60)
    return fig.update_layout(plot_bgcolor=palette.OCEAN, margin={"l": 10, "r": 10, "t": 40, "b": 10})


def group_summary(result: pd.DataFrame, by: list[str], lang: str, formatter) -> str:
    """The text alternative to the builder's chart: how many groups and the largest."""
    if result.empty:
        return t("explore.summary_empty", lang)
    top = result["result"].idxmax()
    name = " · ".join(_as_text(result.at[top, c]) for c in by)  # per column: a year stays «2023», not «2023.0»
    return t("explore.summary", lang, n=len(result), top=name, value=formatter(result.at[top, "result"]))


def _as_text(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def sources_of(table: Table, rows: pd.DataFrame) -> list[str]:
    """The source ids of the given rows, each once, in row order."""
    return source_ids_in(table.sources if len(rows) == len(table.frame) else table.sources.loc[rows.index])


def source_ids_in(sources: pd.Series) -> list[str]:
    """The ids in a column of «;»-joined source ids, each once, in order."""
    return list(dict.fromkeys(s for joined in sources.unique() for s in str(joined).split(";") if s))


def source_sheet(sources: pd.DataFrame, source_ids: list[str], lang: str) -> pd.DataFrame:
    """The sources of the rows shown, as the Excel file's second sheet (an id not in sources.yml as itself)."""
    known = sources.set_index("id")
    rows = []
    for source_id in source_ids:
        if source_id in known.index:
            entry = known.loc[source_id]
            rows.append({"id": source_id, **{c: entry[c] for c in ("title", "publisher", "url", "date", "licence")}})
        else:
            rows.append({"id": source_id, "title": t(source_id, lang) if source_id == REPORT_SOURCE else source_id})
    columns = ["id", "title", "publisher", "url", "date", "licence"]
    return pd.DataFrame(rows, columns=columns).rename(columns=_labels(columns, lang))


def excel_file(shown: pd.DataFrame, sources: pd.DataFrame, lang: str) -> bytes:
    """An .xlsx with what is shown on the first sheet and its sources on the second; a text cell starting with
    = + - @ is prefixed with an apostrophe, so Excel never runs it as a formula."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for frame, sheet in ((shown, "explore.sheet_data"), (sources, "explore.sheet_sources")):
            safe = frame.astype(object).map(neutralise_formula).where(frame.notna(), None)
            safe.to_excel(writer, sheet_name=t(sheet, lang), index=False)
    return buffer.getvalue()


def _plain(value) -> str:
    """Data text for plotly, whose labels read a subset of HTML: escaped, so that it shows as written."""
    return html.escape(str(value), quote=False)


def _every_year(rows: pd.DataFrame, year: str) -> pd.DataFrame:
    """The rows with a row (result missing) for every year between the first and the last that has none."""
    years = rows[year].dropna().astype(int)
    if years.empty:
        return rows
    every = pd.DataFrame({year: range(years.min(), years.max() + 1)})
    return every.merge(rows.assign(**{year: years}), on=year, how="left")


def result_figure(result: pd.DataFrame, by: list[str], kind: str, labels: dict, title: str) -> go.Figure:
    """The builder's result as bars (one bar per group, a colour per value of the second grouping) or as lines
    over the years (a line per value of the second grouping); only the values in the table are drawn."""
    colours = [palette.OKABE_ITO[c] for c in SERIES_COLOURS]
    series = result.groupby(by[1], sort=False, dropna=True, observed=True) if len(by) > 1 else [(None, result)]
    fig = go.Figure()
    for i, (name, rows) in enumerate(series):
        colour = colours[i % len(colours)]
        shown = _plain(name) if name is not None else labels.get("result", "")
        if kind == "line":
            rows = _every_year(rows, by[0])  # a year without a value is a gap in the line, never bridged
            fig.add_trace(
                go.Scatter(
                    x=rows[by[0]].astype(int),
                    y=rows["result"],
                    name=shown,
                    mode="lines+markers",
                    line={"color": colour, "width": 3},
                    marker={"size": 10, "color": colour},
                )
            )
        else:
            fig.add_trace(
                go.Bar(
                    x=rows["result"],
                    y=rows[by[0]].map(_plain),
                    name=shown,
                    orientation="h",
                    marker={"color": colour},
                    hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
                )
            )
    if kind == "line":
        fig.update_xaxes(
            title=_plain(labels.get(by[0], "")), tickformat="d", dtick=1 if result[by[0]].nunique() <= 16 else None
        )
        fig.update_yaxes(tickformat=",~g")  # «30 000», not «30k» (the layout's separators are Norwegian)
        height = 380
    else:
        order = list(dict.fromkeys(result[by[0]].map(_plain)))
        fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None, automargin=True)
        fig.update_layout(barmode="stack")
        fig.update_xaxes(tickformat=",~g")
        height = 120 + 28 * len(order)
    fig.update_layout(showlegend=len(by) > 1)
    return base_layout(fig, _plain(title), height=min(max(height, 260), 900))
