"""Example data: deterministic, only in its own demo database, only with DASHBOARD_DEMO=1, and said on every view."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import demo
from analytics.bundle import list_bundles, load_bundle
from analytics.store import REPORT_STATUSES, Store, sqlite_url
from tests.conftest import DATA, TODAY
from ui import navigation

VIEWS = sorted(view.script for view in navigation.VIEWS)
BANNER = {"nb": "Eksempeldata – ikke reelle rapporter", "en": "Example data – not real reports"}


@pytest.fixture(scope="module")
def measures(sources):
    return {org: load_bundle(DATA / org, sources["id"], TODAY).measures for org, _ in list_bundles(DATA)}


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("ja", True), (" TRUE ", True), ("0", False), ("", False)]
)
def test_only_an_explicit_switch_turns_demo_mode_on(value, expected):
    assert demo.is_demo({"DASHBOARD_DEMO": value}) is expected
    assert demo.is_demo({}) is False
    assert demo.labelled("Tiltak", {"DASHBOARD_DEMO": value}, "en") == (
        "Tiltak (Example data)" if expected else "Tiltak"
    )


def test_the_example_reports_are_deterministic_fictional_and_valid(measures):
    first = demo.example_reports(measures, TODAY)
    assert first == demo.example_reports(measures, TODAY)
    assert first != demo.example_reports(measures, TODAY, seed=1)
    assert {report.reporter for _, report in first} == {"Eksempeldata"}
    assert all("ikke en reell rapport" in report.comment for _, report in first)
    assert all(report.status in REPORT_STATUSES and 0 <= report.progress <= 100 for _, report in first)
    for org, frame in measures.items():
        reported = {report.measure_id for _, report in first if report.organisation == org}
        assert reported <= set(frame["id"])
        assert bool(reported) == (not frame.empty)  # every organisation with measures gets some
        assert reported != set(frame["id"]) or len(frame) < 5  # and some stay «ikke rapportert»
    moments = [moment for moment, _ in first]
    assert moments == sorted(moments) and max(moments).date() < TODAY
    assert {report.status for _, report in first} >= {"i_rute", "forsinket", "fullfort"}


def test_the_fill_writes_once_into_the_demo_file_only(measures, tmp_path):
    store = Store(demo.database_url(tmp_path))
    written = demo.fill(store, measures, TODAY)
    assert written == len(demo.example_reports(measures, TODAY)) == store.count()
    assert demo.fill(store, measures, TODAY) == 0  # once: a second server or a restart adds nothing
    assert store.count() == written
    assert {path.name for path in tmp_path.iterdir()} <= {"demo.sqlite", "demo.sqlite-wal", "demo.sqlite-shm"}
    real = Store(sqlite_url(tmp_path / "status.sqlite"))
    with pytest.raises(ValueError, match="egen demodatabase"):
        demo.fill(real, measures, TODAY)
    assert real.count() == 0


def run_view(view: str, lang: str = "nb") -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["org"] = "trondheim"
    at.run()
    at.switch_page(view).run()
    assert not at.exception and not at.error
    return at


def banners(at: AppTest, lang: str = "nb") -> list[str]:
    return [w.value for w in at.warning if w.value.startswith(BANNER[lang])]


@pytest.mark.parametrize("view", VIEWS)
def test_without_the_switch_no_example_data_and_no_banner(app_state, monkeypatch, view):
    monkeypatch.delenv("DASHBOARD_DEMO", raising=False)
    at = run_view(view)
    assert banners(at) == []
    assert not (app_state / "demo.sqlite").exists()
    if view == "views/tiltak/page.py":
        assert Store(sqlite_url(app_state / "status.sqlite")).count() == 0
        assert any("Ingen rapporter ennå" in info.value for info in at.info)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_with_the_switch_every_view_shows_the_banner(app_state, monkeypatch, tmp_path, view, lang):
    monkeypatch.setenv("DASHBOARD_DEMO", "1")
    configured = tmp_path / "configured.sqlite"
    monkeypatch.setenv("DATABASE_URL", sqlite_url(configured))  # a configured database is never used in demo mode
    at = run_view(view, lang)
    assert len(banners(at, lang)) == 1
    if view == "views/tiltak/page.py":
        assert Store(demo.database_url(app_state)).count() > 0
        assert not (app_state / "status.sqlite").exists() and not configured.exists()
        assert not any("Ingen rapporter ennå" in info.value for info in at.info)
        statuses = set(at.dataframe[0].value["Status"])
        assert len(statuses) > 2  # the example reports are what the table shows


def test_example_indicators_are_fictional_labelled_and_only_on_a_copy(measures):
    shipped = measures["trondheim"]
    before = shipped.copy()
    given = demo.with_example_indicators(shipped, "trondheim", TODAY)
    pd.testing.assert_frame_equal(shipped, before)  # the bundle's frame is not touched
    with_indicator = given[given["indicator_target"].notna()]
    assert 0 < len(with_indicator) < len(given)
    assert all(unit.endswith("(eksempel)") for unit in with_indicator["indicator_unit"])
    assert set(with_indicator["indicator_direction"]) <= {"opp", "ned"}
    assert (with_indicator["indicator_baseline_year"] < with_indicator["indicator_target_year"]).all()
    pd.testing.assert_frame_equal(given, demo.with_example_indicators(shipped, "trondheim", TODAY))
    values = [r.indicator_value for _, r in demo.example_reports({"trondheim": given}, TODAY)]
    assert any(v is not None for v in values)  # the example reports carry values for the chart
