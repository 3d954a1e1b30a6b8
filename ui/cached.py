"""The one place the app caches: thin st.cache_* wrappers over plain functions in analytics/."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from analytics import bundle as bundle_module
from analytics import charts, demo, maps, population, ssb
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
        demo.fill(opened, _all_measures(), dt.date.today())
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
