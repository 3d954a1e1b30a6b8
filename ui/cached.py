"""The one place the app caches: thin st.cache_* wrappers over plain functions in analytics/."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import streamlit as st

from analytics import bundle as bundle_module
from analytics import maps

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
