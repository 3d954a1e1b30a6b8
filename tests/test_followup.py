"""The plan followed up: plan frame defaults, plan periods and the final report, reminders with mailto links, and
the leadership sentence. Small inline frames; "today" is passed in."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pandas as pd
import pytest

from analytics import overview, periods, plan_frame, progress, reminders
from analytics.bundle import measure_columns

HOSTILE = '<img src=x onerror=alert(1)> [lenke](http://x) =HYPERLINK("http://x") & ?subject=x'


def measures(*rows: dict) -> pd.DataFrame:
    """Measures with today's columns: id, goal area, responsible, status-free."""
    defaults = {name: None for name in measure_columns()} | {"kind": "tiltak", "sdgs": (), "source": "kilde"}
    return pd.DataFrame([defaults | {"title_nb": row["id"], "title_en": ""} | row for row in rows])


def reports(*rows) -> pd.DataFrame:
    """(measure_id, period, status, reported_at ISO) rows as a reports frame."""
    return pd.DataFrame(
        {
            "id": range(len(rows)),
            "measure_id": pd.Series([r[0] for r in rows], dtype=object),
            "period": pd.Series([r[1] for r in rows], dtype=object),
            "status": pd.Series([r[2] for r in rows], dtype=object),
            "progress": pd.Series([None] * len(rows), dtype="float64"),
            "indicator_value": pd.Series([None] * len(rows), dtype="float64"),
            "comment": [""] * len(rows),
            "reporter": ["Kari"] * len(rows),
            "reported_at": pd.to_datetime([r[3] for r in rows], utc=True),
        }
    )


NO_REPORTS = reports()
ORGANISATION = {
    "name": "Testby kommune",
    "strategy": {
        "period_start": 2019,
        "period_end": 2022,
        "plan_periods": [
            {"name": "Handlingsplan 2019–2020", "start": 2019, "end": 2020},
            {"name": "Handlingsplan 2021–2022", "start": 2021, "end": 2022},
        ],
    },
}
GOAL_AREAS = pd.DataFrame({"id": ["b", "a"], "number": [2, 1], "name_nb": ["Bee", "Aa"], "name_en": ["Bee en", ""]})


def test_the_shipped_rows_become_adopted_revision_0_resting_on_their_source():
    plan = plan_frame.from_measures(measures({"id": "m1"}, {"id": "m2"}))
    assert list(plan["state"]) == ["vedtatt", "vedtatt"] and list(plan["revision"]) == [0, 0]
    assert list(plan["decision_source"]) == ["kilde", "kilde"]
    assert str(plan["indicator_baseline_year"].dtype) == "Int64" and plan["changed_at"].isna().all()
    assert set(plan_frame.EXTRA_COLUMNS) <= set(plan)


def test_only_adopted_measures_are_in_force():
    plan = plan_frame.from_measures(measures({"id": "m1"}, {"id": "m2"}, {"id": "m3"}))
    plan["state"] = ["vedtatt", "utkast", "trukket"]
    assert list(plan_frame.adopted(plan)["id"]) == ["m1"]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2020, 5, 1), "Gjeldende planperiode: Handlingsplan 2019–2020 (2019–2020)."),
        (dt.date(2022, 12, 31), "Gjeldende planperiode: Handlingsplan 2021–2022 (2021–2022)."),
        (dt.date(2026, 11, 30), "Strategiperioden 2019–2022 er over. 2 tiltak har ingen sluttrapport."),
    ],
)
def test_the_period_note_says_which_period_is_current_or_that_the_strategy_is_over(today, expected):
    plan = plan_frame.from_measures(measures({"id": "m1"}, {"id": "m2"}, {"id": "m3"}))
    done = reports(("m1", "2022", "fullfort", "2022-12-01"), ("m2", "2022", "i_rute", "2022-12-01"))
    assert periods.period_note(ORGANISATION, plan, done, today, "nb") == expected


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        ({"period_start": 2018, "period_end": 2030}, "The strategy period is 2018–2030."),
        ({"period_start": 2018}, "The strategy applies from 2018."),
        ({}, ""),
    ],
)
def test_without_plan_periods_the_strategy_period_is_said(strategy, expected):
    plan = plan_frame.from_measures(measures({"id": "m1"}))
    note = periods.period_note({"strategy": strategy}, plan, NO_REPORTS, dt.date(2026, 1, 1), "en")
    assert note == expected


def test_the_final_report_lists_every_adopted_measure_per_goal_area_with_its_last_report():
    plan = plan_frame.from_measures(
        measures({"id": "m1", "goal_area_id": "b"}, {"id": "m2", "goal_area_id": "a"}, {"id": "m3"}, {"id": "m4"})
    )
    plan.loc[plan["id"] == "m4", "state"] = "utkast"
    done = reports(("m1", "2021", "i_rute", "2021-06-01"), ("m1", "2022", "fullfort", "2022-12-01"))
    table = periods.final_report(plan, done, GOAL_AREAS, "nb")
    assert table.to_dict("list") == {
        "Målområde": ["Aa", "Bee", "Uten målområde"],
        "Tiltak": ["m2", "m1", "m3"],
        "Siste periode": ["–", "2022", "–"],
        "Status": ["ikke rapportert", "fullført", "ikke rapportert"],
        "Sist rapportert": ["–", "01.12.2022", "–"],
        "Sluttrapport": ["nei", "ja", "nei"],
    }


def test_reminders_name_the_measures_without_a_report_this_year_per_responsible_unit():
    plan = plan_frame.from_measures(
        measures(
            {"id": "a1", "responsible": "Kultur"},
            {"id": "a2", "responsible": "Kultur"},
            {"id": "b1", "responsible": "Byplan"},
            {"id": "c1", "responsible": None},
            {"id": "d1", "responsible": "Byplan"},  # reported this year
            {"id": "e1", "responsible": "Byplan"},  # done last year: no report expected
        )
    )
    rows = reports(("d1", "2026-06", "i_rute", "2026-07-01"), ("e1", "2025", "fullfort", "2025-12-01"))
    missing = reminders.missing_reports(plan, rows, 2026)
    assert sorted(missing["id"]) == ["a1", "a2", "b1", "c1"]
    found = reminders.reminders(missing, "rapport for 2026", "Testby kommune", "nb")
    assert [(r.unit, r.measure_ids) for r in found] == [
        ("Byplan", ("b1",)),
        ("Kultur", ("a1", "a2")),
        ("Uten ansvarlig enhet", ("c1",)),
    ]
    assert found[1].subject == "Påminnelse: rapport for 2026 – Testby kommune"
    assert "Følgende 2 tiltak mangler rapport for 2026:\n- a1 (a1)\n- a2 (a2)" in found[1].body


def test_with_the_strategy_over_the_reminder_asks_for_the_final_report():
    plan = plan_frame.from_measures(measures({"id": "a1"}, {"id": "a2"}))
    rows = reports(("a1", "2022", "fullfort", "2022-12-01"), ("a2", "2026", "i_rute", "2026-01-01"))
    assert list(reminders.missing_reports(plan, rows, None)["id"]) == ["a2"]


def test_the_mailto_link_encodes_subject_and_body_and_invents_no_address():
    plan = plan_frame.from_measures(measures({"id": "a1", "title_nb": HOSTILE, "responsible": "Kultur & idrett"}))
    found = reminders.reminders(plan, "rapport for 2026", "Testby", "nb")[0]
    parts = urlsplit(found.link)
    assert parts.scheme == "mailto" and parts.path == ""
    query = parse_qs(parts.query)
    assert query["subject"] == [found.subject]
    assert query["body"] == [found.body.replace("\n", "\r\n")]
    assert HOSTILE in unquote(found.link) and " " not in found.link and "\n" not in found.link
    addressed = reminders.reminders(plan, "x", "Testby", "nb", {"Kultur & idrett": "kultur@testby.no"})[0]
    assert addressed.link.startswith("mailto:kultur@testby.no?subject=")


def flagged(plan: pd.DataFrame, rows: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    return progress.with_flags(progress.latest(plan, rows), today)


def test_the_leadership_sentence_puts_every_measure_in_one_bucket():
    today = dt.date(2026, 11, 30)
    plan = plan_frame.from_measures(
        measures(
            {"id": "on", "start": dt.date(2026, 1, 1), "due": dt.date(2027, 12, 31)},
            {"id": "done"},
            {"id": "slow"},
            {"id": "late", "due": dt.date(2026, 6, 1)},
            {"id": "late2", "due": dt.date(2026, 6, 1)},  # late and never reported: counted late
            {"id": "none"},
            {"id": "start"},
            {
                "id": "ind",  # reported i rute, but its indicator is behind the path: behind
                "indicator_unit": "x",
                "indicator_baseline": 0.0,
                "indicator_target": 10.0,
                "indicator_direction": "opp",
                "start": dt.date(2020, 1, 1),
                "due": dt.date(2027, 1, 1),
            },
        )
    )
    rows = reports(
        ("on", "2026", "i_rute", "2026-10-01"),
        ("done", "2026", "fullfort", "2026-10-02"),
        ("slow", "2026", "forsinket", "2026-10-03"),
        ("late", "2026", "i_rute", "2026-10-04"),
        ("start", "2026", "ikke_startet", "2026-10-05"),
        ("ind", "2025", "i_rute", "2026-11-05"),
    )
    rows.loc[rows["measure_id"] == "ind", "indicator_value"] = 2.0
    table = flagged(plan, rows, today)
    assert overview.leadership_counts(table, rows) == {
        "on_track": 2,
        "behind": 2,
        "late": 2,
        "unreported": 1,
        "other": 1,
    }
    assert overview.leadership_sentence(table, rows, "nb") == (
        "Av 8 tiltak er 2 i rute, 2 bak planen, 2 forsinket etter frist og 1 ikke rapportert. "
        "1 er ikke startet eller avbrutt. Siste rapport: 05.11.2026."
    )


def test_the_leadership_sentence_without_reports():
    plan = plan_frame.from_measures(measures({"id": "a"}, {"id": "b"}))
    table = flagged(plan, NO_REPORTS, dt.date(2026, 1, 1))
    assert overview.leadership_sentence(table, NO_REPORTS, "en") == (
        "Of 2 measures: 0 on track, 0 behind plan, 0 past their due date and 2 not reported. No reports yet."
    )
    assert overview.leadership_sentence(table.iloc[0:0], NO_REPORTS, "en") == ""


def test_the_plan_columns_replace_the_tables_indicator_and_state():
    table = flagged(plan_frame.from_measures(measures({"id": "a"})), NO_REPORTS, dt.date(2026, 1, 1))
    plan = plan_frame.from_measures(measures({"id": "a", "indicator_target": 5.0, "indicator_direction": "ned"}))
    plan["state"] = "utkast"
    joined = plan_frame.with_plan_columns(table, plan)
    assert joined.loc[0, "indicator_target"] == 5.0 and joined.loc[0, "state"] == "utkast"
    assert list(joined["status"]) == ["ikke_rapportert"]
