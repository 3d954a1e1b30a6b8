"""Progress analytics as tables, with "today" passed in (the reports here are made up for the tests)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics import progress

TODAY = dt.date(2026, 11, 22)


def measures(*rows) -> pd.DataFrame:
    """Rows: (id, goal_area_id, start, due, baseline, target, sdgs)."""
    frame = pd.DataFrame(
        rows, columns=["id", "goal_area_id", "start", "due", "indicator_baseline", "indicator_target", "sdgs"]
    )
    return frame


def reports(*rows) -> pd.DataFrame:
    """Rows: (measure_id, status, progress, indicator_value, comment, reported_at as 'YYYY-MM-DD')."""
    frame = pd.DataFrame(
        rows, columns=["measure_id", "status", "progress", "indicator_value", "comment", "reported_at"]
    )
    frame["id"] = range(1, len(frame) + 1)
    frame["period"] = "2026"
    frame["reporter"] = "test"
    frame["reported_at"] = pd.to_datetime(frame["reported_at"], utc=True)
    return frame


D = dt.date
M = measures(
    ("a", "g1", D(2026, 1, 1), D(2026, 12, 31), None, None, (13,)),
    ("b", "g1", D(2025, 1, 1), D(2026, 6, 30), 10.0, 20.0, (13, 17)),
    ("c", "g2", None, None, None, None, ()),
    ("d", None, D(2026, 1, 1), D(2026, 3, 1), None, None, ()),
)
R = reports(
    ("a", "i_rute", 50, None, "", "2026-03-01"),
    ("a", "forsinket", 60, None, "=1+1", "2026-10-01"),
    ("b", "i_rute", 40, 14.0, "", "2025-02-01"),
    ("d", "fullfort", 100, None, "ferdig", "2026-02-20"),
)


def test_latest_status_per_measure_and_not_reported():
    table = progress.latest(M, R).set_index("id")
    assert table["status"].to_dict() == {"a": "forsinket", "b": "i_rute", "c": "ikke_rapportert", "d": "fullfort"}
    assert table.loc["a", "progress"] == 60


@pytest.mark.parametrize(
    "measure, late, stale",
    [("a", False, False), ("b", True, True), ("c", False, False), ("d", False, False)],
)
def test_late_and_stale(measure, late, stale):
    table = progress.with_flags(progress.latest(M, R), TODAY, stale_months=6).set_index("id")
    assert (table.loc[measure, "late"], table.loc[measure, "stale"]) == (late, stale)


@pytest.mark.parametrize(
    "start, due, today, expected",
    [
        (D(2026, 1, 1), D(2026, 12, 31), D(2025, 6, 1), 0.0),
        (D(2026, 1, 1), D(2027, 1, 1), D(2026, 7, 2), 49.9),
        (D(2026, 1, 1), D(2026, 3, 1), D(2026, 11, 22), 100.0),
        (None, D(2026, 3, 1), D(2026, 11, 22), None),
    ],
)
def test_expected_by_now_is_linear_from_start_to_due(start, due, today, expected):
    assert progress.expected_by_now(start, due, today) == expected


@pytest.mark.parametrize(
    "baseline, target, actual, share",
    [(10, 20, 14, 40.0), (100, 50, 75, 50.0), (10, 20, 8, -20.0), (10, 10, 12, None), (None, 20, 12, None)],
)
def test_indicator_share_from_baseline_to_target_in_either_direction(baseline, target, actual, share):
    assert progress.indicator_share(baseline, target, actual) == share


def test_behind_plan_compares_reported_with_expected():
    table = progress.with_flags(progress.latest(M, R), TODAY).set_index("id")
    assert table.loc["a", "expected"] == 89.3  # 325 of 364 days
    assert bool(table.loc["a", "behind_plan"]) is True  # 60 reported, 89,3 expected
    assert bool(table.loc["d", "behind_plan"]) is False


def test_rollup_counts_and_lights():
    table = progress.with_flags(progress.latest(M, R), TODAY)
    goal_areas = pd.DataFrame({"id": ["g1", "g2"], "number": [1, 2]})
    rolled = progress.rollup(table, goal_areas).set_index("goal_area_id")
    assert rolled.loc["g1", ["measures", "on_track", "forsinket", "late", "light"]].tolist() == [2, 1, 1, 1, "red"]
    assert rolled.loc["g2", "light"] == "grey" and rolled.loc["g2", "ikke_rapportert"] == 1
    assert rolled.loc["", "light"] == "green"


@pytest.mark.parametrize(
    "statuses, late, expected",
    [
        (["i_rute", "fullfort"], [False, False], "green"),
        (["i_rute", "ikke_rapportert"], [False, False], "yellow"),
        (["ikke_startet"], [False], "yellow"),
        (["i_rute"], [True], "red"),
        (["ikke_rapportert", "ikke_rapportert"], [False, False], "grey"),
    ],
)
def test_light(statuses, late, expected):
    assert progress.light(pd.Series(statuses), pd.Series(late)) == expected


def test_what_changed_between_two_dates():
    since = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    until = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    changed = progress.changes(M, R, since, until)
    assert changed["transitions"].to_dict("records") == [{"measure_id": "a", "from": "i_rute", "to": "forsinket"}]
    assert changed["comments"]["comment"].tolist() == ["=1+1"]
    assert changed["became_late"]["measure_id"].tolist() == ["b"]  # due 30.06.2026, between the two dates


@pytest.mark.parametrize(
    ("rows", "lang", "expected"),
    [
        (
            [("a", "i_rute", 50, None, "", "2026-03-01"), ("a", "forsinket", 60, None, "", "2026-10-01")],
            "nb",
            "2 rapporter fra 01.03.2026 til 01.10.2026. Siste: forsinket, fremdrift 60\u00a0%.",
        ),
        (
            [("a", "i_rute", 40, None, "", "2026-03-01")],
            "en",
            "One report, 01.03.2026: on track, progress 40\u00a0%.",
        ),
        (
            [("a", "i_rute", None, None, "", "2026-10-01"), ("a", "ikke_startet", 0, None, "", "2026-03-01")],
            "nb",
            "2 rapporter fra 01.03.2026 til 01.10.2026. Siste: i rute, fremdrift ikke oppgitt. "
            "1 av rapportene oppgir ingen fremdrift og er ikke med i linjen.",
        ),
    ],
)
def test_history_summary_gives_the_span_and_the_latest_report(rows, lang, expected):
    assert progress.history_summary(reports(*rows), lang) == expected
