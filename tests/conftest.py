"""Shared fixtures: the shipped data, a fixed 'today', and writable copies of the data folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from analytics.bundle import load_bundle, load_sources
from tests import ssb_fixtures

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def sources():
    return load_sources(DATA / "sources.yml")


@pytest.fixture(scope="session")
def trondheim(sources):
    return load_bundle(DATA / "trondheim", sources["id"], TODAY)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ (outlines included) for breaking or extending."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def fake_ssb():
    fake = ssb_fixtures.FakeSsb()
    server = fake.serve()
    fake.base = f"http://127.0.0.1:{server.server_address[1]}/api/pxwebapi/v2"
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()
