"""Loading an organisation's data bundle (one folder under data/) and the shared sources.yml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.checks import (
    Column,
    DataError,
    boolean,
    country_code,
    first_row,
    iso_date,
    number_between,
    one_of,
    read_csv,
    read_yaml,
    relative,
    require_known,
    require_unique,
    require_unique_pairs,
    sdg_list,
    slug,
    text,
    year_between,
)

AGREEMENT_TYPES = ("vennskapsby", "intensjonsavtale", "mou")
PARTNER_STATUSES = ("aktiv", "hvilende", "ikke_oppgitt")
# The source id of values the dashboard inferred or wrote itself (status, descriptions, classifications). Where a
# value rests on this id, the views mark it as the dashboard's own, beside the values a source states.
OWN = "egen-klassifisering"
FACT_KINDS = ("agreement", "activity", "milestone", "note")
ACTIVITY_AREAS = (
    "culture",
    "youth",
    "environment",
    "solidarity",
    "education",
    "research",
    "business",
    "urban_planning",
    "tourism",
    "administration",
    "eu",
)
SCOPES = ("global", "european", "nordic", "national_regional", "local", "unknown")
# The tool's own classification of networks, so that organisations with different networks can be compared.
THEMES = (
    "sustainability",
    "smart_city",
    "culture_heritage",
    "education_research",
    "business_rd",
    "transport",
    "health_ageing",
    "refugees_human_rights",
    "eu_access",
    "twin_nordic",
)
FIRST_YEAR = 1900
OUTLINES = Path("shared/countries-110m.geojson")


def _year(today: dt.date):
    return year_between(FIRST_YEAR, today.year)


def goal_area_columns() -> dict[str, Column]:
    """Columns of goal_areas.csv: one row per målområde."""
    return {
        "id": Column(slug),
        "number": Column(lambda v: int(number_between(1, 99)(v))),
        "name_nb": Column(text),
        "name_en": Column(text, required=False, default=""),
        "short_nb": Column(text, required=False, default=""),
        "short_en": Column(text, required=False, default=""),
        "goal": Column(text, required=False, default=""),
        "main_strategy": Column(text, required=False, default=""),
        "source": Column(slug),
    }


def partner_columns(today: dt.date) -> dict[str, Column]:
    """Columns of partners.csv: one row per partner city."""
    return {
        "id": Column(slug),
        "name": Column(text),
        "name_in_source": Column(text, required=False, default=""),
        "country_code": Column(country_code),
        "country_nb": Column(text),
        "country_en": Column(text, required=False, default=""),
        "agreement_type": Column(one_of(*AGREEMENT_TYPES)),
        "since_year": Column(_year(today)),
        "since_source": Column(slug),
        "status": Column(one_of(*PARTNER_STATUSES)),
        "status_source": Column(slug),
        "nordic_platform": Column(boolean),
        "lat": Column(number_between(-90, 90)),
        "lon": Column(number_between(-180, 180)),
        "coord_source": Column(slug),
        "source": Column(slug),
        "since_note_nb": Column(text, required=False, default="", may_be_absent=True),
        "since_note_en": Column(text, required=False, default="", may_be_absent=True),
    }


def partner_fact_columns(today: dt.date) -> dict[str, Column]:
    """Columns of partner_facts.csv: one row per fact about a partnership."""
    return {
        "partner_id": Column(slug),
        "year": Column(_year(today), required=False, dtype="Int64"),
        "kind": Column(one_of(*FACT_KINDS)),
        "area": Column(one_of(*ACTIVITY_AREAS), required=False),
        "text_nb": Column(text),
        "text_en": Column(text, required=False, default=""),
        "source": Column(slug),
    }


def partner_conflict_columns(today: dt.date) -> dict[str, Column]:
    """Columns of partner_conflicts.csv: one row per value another source gives."""
    return {
        "partner_id": Column(slug),
        "field": Column(one_of("since_year")),
        "value": Column(_year(today)),
        "source": Column(slug),
        "note_nb": Column(text),
        "note_en": Column(text, required=False, default=""),
    }


def network_columns(today: dt.date) -> dict[str, Column]:
    """Columns of networks.csv: one row per network the organisation takes part in."""
    return {
        "id": Column(slug),
        "name": Column(text),
        "description_nb": Column(text),
        "description_en": Column(text, required=False, default=""),
        "description_source": Column(slug),
        "scope": Column(one_of(*SCOPES)),
        "theme": Column(one_of(*THEMES)),
        "join_year": Column(_year(today), required=False, dtype="Int64"),
        "join_year_source": Column(slug, required=False),
        "source": Column(slug),
    }


def network_goal_area_columns() -> dict[str, Column]:
    """Columns of network_goal_areas.csv: one row per network and målområde it serves."""
    return {"network_id": Column(slug), "goal_area_id": Column(slug), "source": Column(slug)}


MEASURE_KINDS = ("oppdrag", "hovedstrategi", "tiltak", "deltiltak", "utviklingsmal", "innsatsomrade", "forpliktelse")


def measure_columns() -> dict[str, Column]:
    """Columns of measures.csv: one row per item to follow up (no status here: reports live in the store)."""
    return {
        "id": Column(slug),
        "goal_area_id": Column(slug, required=False),
        "kind": Column(one_of(*MEASURE_KINDS)),
        "title_nb": Column(text),
        "title_en": Column(text, required=False, default=""),
        "description_nb": Column(text, required=False, default=""),
        "responsible": Column(text, required=False, default=""),
        "plan_period": Column(text, required=False, default=""),
        "start": Column(iso_date, required=False),
        "due": Column(iso_date, required=False),
        "indicator_unit": Column(text, required=False),
        "indicator_baseline": Column(number_between(-1e12, 1e12), required=False, dtype="float64"),
        "indicator_target": Column(number_between(-1e12, 1e12), required=False, dtype="float64"),
        "indicator_direction": Column(one_of("opp", "ned"), required=False),
        "sdgs": Column(sdg_list, required=False, default=()),
        "source": Column(slug),
    }


def network_fact_columns(today: dt.date) -> dict[str, Column]:
    """Columns of network_facts.csv: one row per fact about a network."""
    return {
        "network_id": Column(slug),
        "year": Column(_year(today), required=False, dtype="Int64"),
        "text_nb": Column(text),
        "text_en": Column(text, required=False, default=""),
        "source": Column(slug),
    }


@dataclass(frozen=True)
class Bundle:
    """An organisation's checked data: its description and one tidy frame per file."""

    organisation: dict
    goal_areas: pd.DataFrame
    partners: pd.DataFrame
    partner_facts: pd.DataFrame
    partner_conflicts: pd.DataFrame
    networks: pd.DataFrame
    network_goal_areas: pd.DataFrame
    network_facts: pd.DataFrame
    measures: pd.DataFrame

    @property
    def id(self) -> str:
        return self.organisation["id"]


def list_bundles(data_dir: Path) -> list[tuple[str, str]]:
    """(id, name) of every folder under data_dir that holds an organisation.yml, sorted by name."""
    found = []
    for path in sorted(data_dir.glob("*/organisation.yml")):
        try:
            organisation = read_yaml(path) or {}
            if not isinstance(organisation, dict):
                raise DataError(
                    path, "filen er ikke en oppføring med felt.", expected="felt " + ", ".join(ORGANISATION_KEYS)
                )
        except DataError as error:
            raise relative(error, data_dir) from None
        found.append((path.parent.name, str(organisation.get("name", path.parent.name))))
    return sorted(found, key=lambda item: item[1])


SOURCE_FIELDS = ("title", "publisher", "url", "date", "licence")


def load_sources(path: Path) -> pd.DataFrame:
    """One row per source: id, title, publisher, url, date, licence, short, note; short_en, title_en, publisher_en where given (else "")."""
    try:
        return _load_sources(path)
    except DataError as error:
        raise relative(error, path.parent) from None


def _load_sources(path: Path) -> pd.DataFrame:
    document = read_yaml(path)
    if not isinstance(document, dict) or not document:
        raise DataError(path, "filen har ingen kilder.", expected="én oppføring per kilde-id")
    rows = []
    for source_id, entry in document.items():
        if not isinstance(entry, dict):
            raise DataError(
                path,
                f"kilden «{source_id}» er ikke en oppføring med felt.",
                expected="felt " + ", ".join(SOURCE_FIELDS),
            )
        missing = [name for name in SOURCE_FIELDS if name not in entry]
        if missing:
            raise DataError(
                path,
                f"kilden «{source_id}» mangler feltet «{missing[0]}».",
                expected="felt " + ", ".join(SOURCE_FIELDS),
            )
        for name in ("title", "publisher", "licence"):
            if not str(entry[name] or "").strip():
                raise DataError(path, f"kilden «{source_id}» har tomt felt «{name}».", expected="en verdi")
        fields = (*SOURCE_FIELDS, "short", "short_en", "title_en", "publisher_en", "note")
        rows.append({"id": str(source_id), **{k: _as_text(entry.get(k)) for k in fields}})
    return pd.DataFrame(rows)


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def load_bundle(folder: Path, known_sources, today: dt.date) -> Bundle:
    """The checked bundle in `folder`; any problem raises a DataError (naming the file relative to the data
    folder) and nothing is returned."""
    try:
        return _load_bundle(folder, known_sources, today)
    except DataError as error:
        raise relative(error, folder.parent) from None


def _load_bundle(folder: Path, known_sources, today: dt.date) -> Bundle:
    organisation = _load_organisation(folder / "organisation.yml", known_sources)
    frames = {
        "goal_areas": _optional_csv(folder / "goal_areas.csv", goal_area_columns()),
        "partners": _optional_csv(folder / "partners.csv", partner_columns(today)),
        "partner_facts": _optional_csv(folder / "partner_facts.csv", partner_fact_columns(today)),
        "partner_conflicts": _optional_csv(folder / "partner_conflicts.csv", partner_conflict_columns(today)),
        "networks": _optional_csv(folder / "networks.csv", network_columns(today)),
        "network_goal_areas": _optional_csv(folder / "network_goal_areas.csv", network_goal_area_columns()),
        "network_facts": _optional_csv(folder / "network_facts.csv", network_fact_columns(today)),
        "measures": _optional_csv(folder / "measures.csv", measure_columns()),
    }
    _check_references(folder, frames, known_sources)
    if not frames["partners"].empty and organisation.get("home") is None:
        raise DataError(
            folder / "organisation.yml",
            "feltet «home» mangler, men partners.csv har vennskapsbyer (kartet trenger hjembyen).",
            column="home",
            expected="home med name, lat, lon og source",
        )
    frames["partners"] = frames["partners"].sort_values(["since_year", "name"], ignore_index=True)
    return Bundle(organisation=organisation, **frames)


def _optional_csv(path: Path, columns: dict[str, Column]) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    return read_csv(path, columns)


def _check_references(folder: Path, frames: dict, known_sources) -> None:
    unique = {"goal_areas": ["id"], "partners": ["id"], "networks": ["id", "name"], "measures": ["id"]}
    for name, columns in unique.items():
        for column in columns:
            require_unique(folder / f"{name}.csv", frames[name], column)
    source_columns = {
        "goal_areas": ["source"],
        "partners": ["since_source", "status_source", "coord_source", "source"],
        "partner_facts": ["source"],
        "partner_conflicts": ["source"],
        "networks": ["description_source", "join_year_source", "source"],
        "network_goal_areas": ["source"],
        "network_facts": ["source"],
        "measures": ["source"],
    }
    for name, columns in source_columns.items():
        for column in columns:
            require_known(
                folder / f"{name}.csv",
                frames[name],
                column,
                known_sources,
                "en kjent kilde-id i data/sources.yml",
            )
    partner_ids = frames["partners"]["id"]
    for name in ("partner_facts", "partner_conflicts"):
        require_known(
            folder / f"{name}.csv",
            frames[name],
            "partner_id",
            partner_ids,
            "en id fra partners.csv",
        )
    _check_networks(folder, frames)
    _check_measures(folder / "measures.csv", frames["measures"], frames["goal_areas"])


def _check_measures(path: Path, measures: pd.DataFrame, goal_areas: pd.DataFrame) -> None:
    """A measure's målområde exists, it is not due before it starts, and an indicator is complete."""
    require_known(path, measures, "goal_area_id", goal_areas["id"], "en id fra goal_areas.csv")
    both = measures["start"].notna() & measures["due"].notna()
    early = both & (measures["due"] < measures["start"])
    if early.any():
        raise DataError(
            path, "fristen er før start.", row=first_row(early) + 2, column="due", expected="en frist etter start"
        )
    indicator = ["indicator_unit", "indicator_target", "indicator_direction"]
    some = measures[indicator + ["indicator_baseline"]].notna().any(axis=1)
    for column in indicator:
        missing = some & measures[column].isna()
        if missing.any():
            raise DataError(
                path,
                "en indikator mangler et felt.",
                row=first_row(missing) + 2,
                column=column,
                expected="enhet, mål og retning («opp» eller «ned») for en indikator",
            )


def _check_networks(folder: Path, frames: dict) -> None:
    """Networks: links and facts name known networks and målområder, and a join year has its source."""
    network_ids = frames["networks"]["id"]
    for name in ("network_goal_areas", "network_facts"):
        require_known(folder / f"{name}.csv", frames[name], "network_id", network_ids, "en id fra networks.csv")
    links_path, links = folder / "network_goal_areas.csv", frames["network_goal_areas"]
    require_known(links_path, links, "goal_area_id", frames["goal_areas"]["id"], "en id fra goal_areas.csv")
    require_unique_pairs(links_path, links, ["network_id", "goal_area_id"])
    networks = frames["networks"]
    missing = networks["join_year"].notna() & networks["join_year_source"].isna()
    if missing.any():
        row = first_row(missing) + 2
        raise DataError(
            folder / "networks.csv",
            "et innmeldingsår uten kilde.",
            row=row,
            column="join_year_source",
            expected="kilde-id for join_year",
        )


ORGANISATION_KEYS = ("id", "name", "kind")


def _load_organisation(path: Path, known_sources) -> dict:
    if not path.exists():
        raise DataError(path, "filen finnes ikke.", expected="organisation.yml i organisasjonens mappe")
    document = read_yaml(path)
    if not isinstance(document, dict):
        raise DataError(
            path,
            "filen er ikke en oppføring med felt.",
            expected="felt " + ", ".join(ORGANISATION_KEYS),
        )
    for key in ORGANISATION_KEYS:
        if not str(document.get(key) or "").strip():
            raise DataError(path, f"feltet «{key}» mangler eller er tomt.", expected="en verdi")
    if document["id"] != path.parent.name:
        raise DataError(
            path,
            f"id «{document['id']}» er ikke mappens navn.",
            column="id",
            expected=f"«{path.parent.name}»",
        )
    _check_blocks(path, document)
    _check_home(path, document.get("home"), known_sources)
    for source_id in source_ids_in(document):
        if source_id not in set(known_sources):
            raise DataError(
                path,
                f"kilde-id «{source_id}» er ikke kjent.",
                column="source",
                expected="en kjent kilde-id i data/sources.yml",
            )
    return document


# The blocks of organisation.yml the views read: (block, whether it is a list of entries, the fields each must have)
ORGANISATION_BLOCKS = (
    ("home", False, ("name", "lat", "lon", "source")),
    ("strategy", False, ("title", "source")),
    ("notes", True, ("text_nb", "source")),
    ("population.regions", True, ("key", "name")),
    ("terms", False, ()),
)


def _check_blocks(path: Path, document: dict) -> None:
    """Every block the views read has the shape and fields they need, so a missing key is a message, not a
    KeyError in a view."""
    for name, is_list, fields in ORGANISATION_BLOCKS:
        parent, _, key = name.rpartition(".")
        holder = document.get(parent) if parent else document
        if parent and holder is not None and not isinstance(holder, dict):
            raise DataError(path, f"«{parent}» er ikke en oppføring med felt.", column=parent, expected=f"felt {key}")
        block = (holder or {}).get(key)
        if block is None:
            continue
        entries = block if is_list else [block]
        if is_list and not isinstance(block, list):
            raise DataError(path, f"«{name}» er ikke en liste.", column=name, expected="en liste med oppføringer")
        for number, entry in enumerate(entries):
            where = f"{name}[{number}]" if is_list else name
            if not isinstance(entry, dict):
                raise DataError(
                    path, f"«{where}» er ikke en oppføring med felt.", column=where, expected=_fields(fields)
                )
            missing = [field for field in fields if entry.get(field) is None or str(entry[field]).strip() == ""]
            if missing:
                raise DataError(
                    path,
                    f"«{where}» mangler feltet «{missing[0]}».",
                    column=f"{where}.{missing[0]}",
                    expected=_fields(fields),
                )
    regions = (document.get("population") or {}).get("regions") or []
    for number, region in enumerate(regions):
        try:
            slug(str(region["key"]))
        except ValueError as error:
            raise DataError(
                path,
                f"«{region['key']}» er ikke en gyldig nøkkel.",
                column=f"population.regions[{number}].key",
                expected=str(error),
            ) from None


def _fields(fields) -> str:
    return "feltene " + ", ".join(fields) if fields else "en oppføring med felt"


def _check_home(path: Path, home, known_sources) -> None:
    if home is None:
        return
    for key, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        value = home.get(key) if isinstance(home, dict) else None
        if not isinstance(value, int | float) or not low <= value <= high:
            raise DataError(
                path,
                f"home.{key} er «{value}».",
                column=f"home.{key}",
                expected=f"et tall mellom {low} og {high}",
            )


def source_ids_in(node):
    """Every value under a key named `source` or ending in `_source`, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if (key == "source" or str(key).endswith("_source")) and isinstance(value, str):
                yield value
            else:
                yield from source_ids_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from source_ids_in(item)
