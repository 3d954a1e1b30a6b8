"""The one place the app caches: thin st.cache_* wrappers over plain functions in analytics/."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from analytics import about, charts, demo, followup, maps, partners, plan_frame, population, progress, ssb
from analytics import bundle as bundle_module
from analytics import store as store_module
from analytics.checks import DataError

ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The data folder: $DASHBOARD_DATA_DIR, else data/ beside app.py."""
    return Path(os.environ.get("DASHBOARD_DATA_DIR") or ROOT / "data")


@st.cache_resource(show_spinner=False)
def sources(folder: Path):
    """sources.yml as a frame; shared by every session, never modified."""
    return bundle_module.load_sources(folder / "sources.yml")


@st.cache_resource(show_spinner=False)
def bundles(folder: Path):
    """(id, name) of every organisation bundle in the data folder."""
    return bundle_module.list_bundles(folder)


@st.cache_resource(show_spinner=False)
def bundle(folder: Path, org_id: str, today: dt.date):
    """The checked bundle of one organisation; shared by every session, never modified."""
    return bundle_module.load_bundle(folder / org_id, sources(folder)["id"], today)


@st.cache_resource(show_spinner=False)
def outlines(folder: Path) -> dict:
    """The country outlines shipped under data/shared/."""
    return maps.load_outlines(folder / bundle_module.OUTLINES)


@st.cache_resource(show_spinner=False)
def outline_paths(folder: Path) -> tuple[list, list]:
    """The outlines as x/y paths for the static (exportable) map; shared by every session, never modified."""
    return charts.outline_paths(outlines(folder))


def state_dir() -> Path:
    """Where the app writes (the SSB snapshot): $DASHBOARD_STATE_DIR, else var/ beside app.py."""
    return ssb.state_dir(ROOT)


def population_figures(folder: Path, org_id: str, today: dt.date):
    """(figures, warning): the snapshot fetched from SSB if there is one and it is sound, else the shipped one."""
    fetched = ssb.snapshot_path(state_dir(), org_id)
    stamp = fetched.stat().st_mtime_ns if fetched.exists() else None  # a new fetch (by any server) is a new key
    return _population(folder, org_id, today, fetched, stamp)


@st.cache_resource(show_spinner=False)
def _population(folder: Path, org_id: str, today: dt.date, fetched: Path, stamp: int | None):
    known = sources(folder)["id"]
    warning = None
    if stamp is not None:
        try:
            return population.load(fetched, known, today), None
        except DataError as err:
            warning = str(err)
    return population.load(folder / org_id / population.FILE, known, today), warning


@st.cache_resource(show_spinner=False)
def store(url: str, example_data: bool = False):
    """One connection pool per database for the whole server; the schema is created or upgraded on first use.

    With `example_data` (demo mode only) an empty database is filled once with the example reports."""
    opened = store_module.Store(url)
    if example_data:
        today = dt.date.today()
        measures = {org: demo.with_example_indicators(found, org, today) for org, found in _all_measures().items()}
        demo.fill(opened, measures, today)
    return opened


def _all_measures() -> dict:
    """The measures of every organisation whose bundle loads (a broken one is reported by its own views)."""
    folder, today, found = data_dir(), dt.date.today(), {}
    for org_id, _name in bundles(folder):
        try:
            found[org_id] = bundle(folder, org_id, today).measures
        except DataError:
            continue
    return found


def reports(database, organisation: str):
    """The organisation's status reports, read from the database again only when one has been added (by any
    server): a cheap revision query per rerun instead of every report. Shared by every session, never modified;
    `attrs["revision"]` says which revision they are, for the tables computed from them."""
    return _reports(database, database.url, organisation, database.revision(organisation))


@st.cache_resource(show_spinner=False, max_entries=16)
def _reports(_database, url: str, organisation: str, revision: tuple[int, int]):  # keyed by url, not the object
    frame = _database.reports(organisation)
    frame.attrs["revision"] = (url, organisation, revision)
    return frame


def measure_table(reports, folder: Path, org_id: str, today: dt.date, stale_months: int):
    """Every measure with its latest report and flags (progress.with_flags), once per revision of `reports`."""
    return _measure_table(reports, folder, org_id, today, stale_months, reports.attrs.get("revision"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _measure_table(_reports, folder: Path, org_id: str, today: dt.date, stale_months: int, revision):
    measures = bundle(folder, org_id, today).measures
    return progress.with_flags(progress.latest(measures, _reports), today, stale_months)


@st.cache_resource(show_spinner=False, max_entries=16)
def plan(folder: Path, org_id: str, today: dt.date, example_data: bool = False):
    """The organisation's effective plan (analytics/plan_frame.py), shared read-only by every session; in demo mode
    with the fictional example indicators that the demo reports carry values for."""
    measures = bundle(folder, org_id, today).measures
    if example_data:
        measures = demo.with_example_indicators(measures, org_id, today)
    return plan_frame.from_measures(measures)


def follow_up(reports, folder: Path, org_id: str, today: dt.date, lang: str, example_data: bool, stale_months: int):
    """analytics.followup.follow_up of the organisation's plan, once per revision of `reports` and language."""
    return _follow_up(reports, folder, org_id, today, lang, example_data, stale_months, reports.attrs.get("revision"))


@st.cache_resource(show_spinner=False, max_entries=32)
def _follow_up(_reports, folder: Path, org_id: str, today: dt.date, lang: str, example: bool, stale: int, revision):
    table = _measure_table(_reports, folder, org_id, today, stale, revision)
    return followup.follow_up(
        plan(folder, org_id, today, example), table, _reports, bundle(folder, org_id, today), today, lang
    )


def measure_changes(reports, folder: Path, org_id: str, today: dt.date, start: dt.datetime, end: dt.datetime):
    """progress.changes between two moments, once per revision of `reports`."""
    return _measure_changes(reports, folder, org_id, today, start, end, reports.attrs.get("revision"))


@st.cache_resource(show_spinner=False, max_entries=64)
def _measure_changes(_reports, folder: Path, org_id: str, today: dt.date, start, end, revision):
    return progress.changes(bundle(folder, org_id, today).measures, _reports, start, end)


def population_view(folder: Path, org_id: str, today: dt.date, lang: str):
    """population.for_view of the figures population_figures() gives, once per snapshot and language."""
    fetched = ssb.snapshot_path(state_dir(), org_id)
    stamp = fetched.stat().st_mtime_ns if fetched.exists() else None
    return _population_view(folder, org_id, today, lang, fetched, stamp)


@st.cache_resource(show_spinner=False, max_entries=16)
def _population_view(folder: Path, org_id: str, today: dt.date, lang: str, fetched: Path, stamp: int | None):
    figures, _ = _population(folder, org_id, today, fetched, stamp)
    regions = [region.key for region in ssb.configured_regions(bundle(folder, org_id, today).organisation)]
    return population.for_view(figures, regions, sources(folder), lang)


def bundle_files(folder: Path, org_id: str, today: dt.date, lang: str):
    """The "files" table of Om dataene; the population snapshot's lines are counted once per version of the file."""
    snapshot = folder / org_id / population.FILE
    stamp = snapshot.stat().st_mtime_ns if snapshot.exists() else None
    return _bundle_files(folder, org_id, today, lang, stamp)


@st.cache_resource(show_spinner=False, max_entries=64)
def _bundle_files(folder: Path, org_id: str, today: dt.date, lang: str, stamp: int | None):
    return about.bundle_files(bundle(folder, org_id, today), sources(folder), outlines(folder), folder, lang)


def figure(builder, *args):
    """builder(*args): a plotly figure from analytics.charts, built once per set of inputs (plotly's validation
    costs 10–20 ms a figure) and shared by every session; st.plotly_chart only reads it."""
    return _figure(builder, f"{builder.__module__}.{builder.__qualname__}", *args)


@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(_builder, name: str, *args):  # keyed by the builder's name and the inputs
    return _builder(*args)


@st.cache_resource(show_spinner=False, max_entries=128)
def partner_deck(folder: Path, org_id: str, today: dt.date, year: int, extent: str, lang: str):
    """The partner map of one year (the partners whose agreement had begun), built once per organisation, year,
    extent and language and shared by every session."""
    checked = bundle(folder, org_id, today)
    home = checked.organisation["home"]
    visible = partners.partners_active_in(checked.partners, year)
    view = maps.view_for(checked.partners, home, extent)
    return maps.partner_map(visible, home, outlines(folder), view, partners.partner_tooltips(visible, lang))
