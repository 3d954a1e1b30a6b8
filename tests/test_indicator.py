"""Indicators: the straight path from baseline to target, the reported values, ahead or behind in words."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics import charts, indicator


def measure(**fields) -> pd.Series:
    base = {
        "id": "m1",
        "indicator_unit": "deltakere",
        "indicator_baseline": 10.0,
        "indicator_target": 20.0,
        "indicator_direction": "opp",
        "indicator_baseline_year": 2020,
        "indicator_target_year": 2030,
        "start": None,
        "due": None,
    }
    return pd.Series(base | fields)


def reports(*rows) -> pd.DataFrame:
    """(measure_id, period, value, reported_at as ISO) rows as a reports frame."""
    return pd.DataFrame(
        {
            "measure_id": [r[0] for r in rows],
            "period": [r[1] for r in rows],
            "indicator_value": pd.Series([r[2] for r in rows], dtype="float64"),
            "reported_at": pd.to_datetime([r[3] for r in rows], utc=True),
        }
    )


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2026", dt.date(2026, 12, 31)),
        ("2024-02", dt.date(2024, 2, 29)),
        ("2026-06-15", dt.date(2026, 6, 15)),
        ("2026-13", None),
        ("Q3", None),
        ("", None),
    ],
)
def test_a_period_stands_at_its_last_day(period, expected):
    assert indicator.period_end(period) == expected


@pytest.mark.parametrize(
    ("fields", "when", "expected"),
    [
        ({}, dt.date(2020, 12, 31), 10.0),  # the baseline at the end of its year
        ({}, dt.date(2030, 12, 31), 20.0),  # the target by the end of its year
        ({}, dt.date(2019, 1, 1), 10.0),  # before the path: the baseline
        ({}, dt.date(2035, 1, 1), 20.0),  # after the path: the target
        ({"indicator_direction": "ned", "indicator_target": 0.0}, dt.date(2030, 12, 31), 0.0),
        (  # without years, the measure's start and due dates
            {
                "indicator_baseline_year": None,
                "indicator_target_year": None,
                "start": dt.date(2020, 1, 1),
                "due": dt.date(2020, 1, 11),
            },
            dt.date(2020, 1, 6),
            15.0,
        ),
        ({"indicator_baseline_year": None}, dt.date(2025, 1, 1), None),  # no start: no path
        ({"indicator_baseline": None}, dt.date(2025, 1, 1), None),  # no baseline: no path
    ],
)
def test_the_path_is_a_straight_line_from_baseline_to_target(fields, when, expected):
    value = indicator.expected_value(measure(**fields), when)
    assert value == pytest.approx(expected, abs=0.2) if expected is not None else value is None


@pytest.mark.parametrize(
    ("fields", "value", "state"),
    [
        ({}, 16.0, "ahead"),  # at the end of 2025 the path expects 15
        ({}, 15.1, "on_path"),
        ({}, 12.0, "behind"),
        ({}, 21.0, "reached"),
        ({"indicator_direction": "ned", "indicator_baseline": 20.0, "indicator_target": 10.0}, 14.0, "ahead"),
        ({"indicator_direction": "ned", "indicator_baseline": 20.0, "indicator_target": 10.0}, 18.0, "behind"),
        ({"indicator_direction": "ned", "indicator_baseline": 20.0, "indicator_target": 10.0}, 9.0, "reached"),
        ({"indicator_baseline": 20.0}, 19.0, "behind"),  # a level to hold that is not held
        ({"indicator_baseline_year": None}, 12.0, "no_path"),
    ],
)
def test_the_latest_value_is_ahead_or_behind_the_path_respecting_the_direction(fields, value, state):
    values = indicator.values_of(reports(("m1", "2025", value, "2026-01-10")), "m1")
    assert indicator.position(measure(**fields), values).state == state


def test_the_latest_value_is_the_latest_period_not_the_latest_report():
    rows = reports(
        ("m1", "2025", 16.0, "2026-01-10"), ("m1", "2024", 8.0, "2026-02-01"), ("m2", "2025", 1.0, "2026-03-01")
    )
    values = indicator.values_of(rows, "m1")
    assert list(values["period"]) == ["2024", "2025"]
    assert indicator.position(measure(), values).state == "ahead"


def test_no_value_reported_is_said_so():
    empty = indicator.values_of(reports(("m1", "2025", None, "2026-01-10")), "m1")
    assert empty.empty
    assert indicator.position_text(measure(), empty, "nb") == "Ingen indikatorverdi er rapportert ennå."


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        (
            "nb",
            12.0,
            "Siste verdi, 12\u00a0deltakere (2025), ligger bak den rette linjen mot målet (linjen ventet "
            "15\u00a0deltakere; målet er 20\u00a0deltakere, økende).",
        ),
        (
            "en",
            16.5,
            "The latest value, 16,5\u00a0deltakere (2025), is ahead of the straight path to the target "
            "(the path expected 15\u00a0deltakere).",
        ),
    ],
)
def test_the_position_in_words(lang, value, expected):
    values = indicator.values_of(reports(("m1", "2025", value, "2026-01-10")), "m1")
    assert indicator.position_text(measure(indicator_target_year=2030), values, lang) == expected


def test_the_measurable_goal_in_words():
    assert indicator.path_text(measure(indicator_direction="ned", indicator_target=5.0), "nb") == (
        "fra 10\u00a0deltakere (2020) til 5\u00a0deltakere (2030), minkende"
    )


def test_the_chart_has_the_path_the_target_and_every_value_as_a_point():
    values = indicator.values_of(reports(("m1", "2022", 12.0, "2023-01-10"), ("m1", "2025", 16.0, "2026-01-10")), "m1")
    m = measure()
    fig = charts.indicator_path(
        values, indicator.chart_path(m), 20.0, {"path": "P", "target": "M", "values": "V"}, "u", "T"
    )
    path, points = fig.data
    assert list(path.y) == [10.0, 20.0] and [d.isoformat() for d in path.x] == ["2020-12-31", "2030-12-31"]
    assert list(points.y) == [12.0, 16.0] and list(points.customdata) == ["2022", "2025"]
    assert fig.layout.shapes[0].y0 == 20.0


def test_the_chart_without_a_path_still_shows_the_values():
    values = indicator.values_of(reports(("m1", "2025", 16.0, "2026-01-10")), "m1")
    fig = charts.indicator_path(values, None, 20.0, {"path": "P", "target": "M", "values": "V"}, "", "T")
    assert [trace.name for trace in fig.data] == ["V"]


def test_the_overview_table_has_every_adopted_measure_with_an_indicator_and_where_it_stands():
    from analytics import plan_frame

    plan = plan_frame.from_measures(
        pd.DataFrame(
            [
                measure(id="a", title_nb="A", title_en="").to_dict(),
                measure(id="b", title_nb="B", title_en="B en").to_dict(),
                measure(id="c", title_nb="C", title_en="", indicator_target=None, indicator_direction=None).to_dict(),
                measure(id="d", title_nb="D", title_en="").to_dict(),
            ]
        ).assign(source="kilde")
    )
    plan.loc[plan["id"] == "d", "state"] = "utkast"
    rows = reports(("a", "2025", 12.0, "2026-01-10"), ("b", "2025", 25.0, "2026-01-10"))
    table = indicator.overview_table(plan, rows, "nb")
    assert table.to_dict("list") == {
        "Tiltak": ["A", "B"],
        "Mot linjen til målet": ["bak", "målet nådd"],
        "Siste verdi": ["12\u00a0deltakere (2025)", "25\u00a0deltakere (2025)"],
        "Målbart mål": ["fra 10\u00a0deltakere (2020) til 20\u00a0deltakere (2030), økende"] * 2,
    }
    assert list(indicator.overview_table(plan, rows.iloc[0:0], "en")["Against the path to the target"]) == [
        "not reported",
        "not reported",
    ]
    assert indicator.overview_table(plan[plan["id"] == "c"], rows, "nb").empty
