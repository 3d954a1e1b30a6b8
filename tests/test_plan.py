"""The effective plan: shipped measures with revisions on top, drafts, history and the rules of a measure."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics import plan
from analytics.store import PlanConflict

AT = pd.Timestamp("2026-11-20 10:00", tz="UTC")


def shipped() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b"],
            "goal_area_id": ["ga", None],
            "kind": ["tiltak", "oppdrag"],
            "title_nb": ["Tiltak A", "Oppdrag B"],
            "title_en": ["", ""],
            "description_nb": ["", ""],
            "responsible": ["Enhet A", ""],
            "plan_period": ["2021–2022", ""],
            "start": [dt.date(2021, 1, 1), None],
            "due": [dt.date(2022, 12, 31), None],
            "indicator_unit": [None, None],
            "indicator_baseline": [float("nan"), float("nan")],
            "indicator_target": [float("nan"), float("nan")],
            "indicator_direction": [None, None],
            "sdgs": [(11,), ()],
            "source": ["src-a", "src-b"],
        }
    )


def revisions(*rows) -> pd.DataFrame:
    """Revisions as the store returns them: (measure_id, revision, author, content) in saving order."""
    return pd.DataFrame(
        [
            {
                "id": i + 1,
                "organisation": "org",
                "measure_id": measure_id,
                "revision": revision,
                "content": content,
                "author": author,
                "changed_at": AT + pd.Timedelta(minutes=i),
                "batch": "b",
            }
            for i, (measure_id, revision, author, content) in enumerate(rows)
        ],
        columns=["id", "organisation", "measure_id", "revision", "content", "author", "changed_at", "batch"],
    )


def content(measure_id="a", **changes) -> dict:
    base = (
        plan.content_of(plan.from_measures(shipped()).set_index("id", drop=False).loc[measure_id])
        if measure_id
        in (
            "a",
            "b",
        )
        else plan.content_of({"kind": "tiltak", "state": "utkast", "title_nb": "Nytt"})
    )
    return {**base, **changes}


def test_shipped_rows_are_adopted_revision_zero_with_the_plan_columns():
    frame = plan.effective_plan(shipped(), revisions(), include_drafts=False)
    assert list(frame.columns) == list(plan.PLAN_COLUMNS)
    assert frame["state"].tolist() == ["vedtatt", "vedtatt"]
    assert frame["revision"].tolist() == [0, 0]
    assert frame["decision_source"].tolist() == ["src-a", "src-b"]
    assert str(frame["indicator_target_year"].dtype) == "Int64"
    assert str(frame["changed_at"].dtype) == "datetime64[ns, UTC]"


def test_the_latest_revision_wins_and_a_new_measure_comes_after_the_shipped_ones():
    frame = plan.effective_plan(
        shipped(),
        revisions(
            ("n", 1, "Kari", content("n", title_nb="Nytt tiltak", state="vedtatt", decision_source="src-a")),
            ("a", 1, "Kari", content("a", title_nb="Tiltak A endret")),
            ("a", 2, "Ola", content("a", title_nb="Tiltak A to ganger", indicator_target_year=2030)),
        ),
        include_drafts=False,
    )
    assert frame["id"].tolist() == ["a", "b", "n"]
    a = frame.set_index("id").loc["a"]
    assert (a["title_nb"], a["revision"], a["changed_by"], a["indicator_target_year"]) == (
        "Tiltak A to ganger",
        2,
        "Ola",
        2030,
    )
    assert a["start"] == dt.date(2021, 1, 1) and a["sdgs"] == (11,)


@pytest.mark.parametrize(("include_drafts", "ids"), [(False, ["b"]), (True, ["a", "b", "n"])])
def test_drafts_are_seen_only_with_include_drafts(include_drafts, ids):
    frame = plan.effective_plan(
        shipped(),
        revisions(("a", 1, "Kari", content("a", state="utkast")), ("n", 1, "Kari", content("n"))),
        include_drafts=include_drafts,
    )
    assert frame["id"].tolist() == ids


def test_history_says_who_changed_what_when_from_what_to_what_newest_first():
    frame = plan.history(
        shipped(),
        revisions(
            ("a", 1, "Kari", content("a", title_nb="Ny tittel")),
            ("a", 2, "Ola", content("a", title_nb="Ny tittel", due="2023-06-30", indicator_target=12.5)),
        ),
        "a",
    )
    assert frame[["revision", "changed_by", "field", "from", "to"]].values.tolist() == [
        [2, "Ola", "Frist", "31.12.2022", "30.06.2023"],
        [2, "Ola", "Indikator: mål", "–", "12,50"],
        [1, "Kari", "Tittel (bokmål)", "Tiltak A", "Ny tittel"],
    ]


def test_conflict_message_names_who_and_which_fields_changed_meanwhile():
    base = content("a")
    conflict = PlanConflict(
        "a", 0, [{"revision": 1, "author": "Ola", "changed_at": AT, "content": content("a", due="2030-01-01")}]
    )
    message = plan.conflict_message(conflict, base)
    assert "Ola" in message and "Frist" in message and "20.11.2026 11:00" in message
    assert "Tittel" not in message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title_nb": " "}, "title_nb"),
        ({"kind": "plan"}, "kind"),
        ({"goal_area_id": "ukjent"}, "goal_area_id"),
        ({"state": "ferdig"}, "state"),
        ({"start": "2022-01-01", "due": "2021-01-01"}, "due"),
        ({"indicator_unit": "antall", "indicator_direction": "opp"}, "indicator_target"),
        ({"indicator_target": 10.0, "indicator_unit": "antall"}, "indicator_direction"),
        ({"indicator_target_year": 20300}, "indicator_target_year"),
        ({"decision_source": "finnes-ikke"}, "decision_source"),
        ({"state": "vedtatt", "decision_source": "", "decision_organ": "Bystyret"}, "decision_case"),
    ],
)
def test_each_broken_rule_is_named_by_its_field(changes, field):
    found = plan.problems("a", content("a", **changes), ["ga"], ["src-a", "src-b"])
    assert [f for f, _ in found] == [field]


def test_a_sound_measure_has_no_problems_and_a_decision_can_be_organ_date_and_case():
    decided = content(
        "a",
        decision_source="",
        decision_organ="Bystyret",
        decision_date="2019-08-29",
        decision_case="sak 87/19",
        indicator_unit="antall",
        indicator_target=10.0,
        indicator_direction="opp",
    )
    assert plan.problems("a", decided, ["ga"], ["src-a"]) == []
    assert plan.problems("Ugyldig id", decided, ["ga"], ["src-a"])[0][0] == "id"


def test_content_round_trips_through_the_frame():
    original = content("a", indicator_baseline=3.0, indicator_baseline_year=2019, description_en="<b>x</b>")
    frame = plan.effective_plan(shipped(), revisions(("a", 1, "Kari", original)), include_drafts=True)
    assert plan.content_of(frame.iloc[0]) == original


def test_sources_of_names_the_dashboard_plan_for_a_measure_without_a_source():
    frame = plan.effective_plan(
        shipped(), revisions(("n", 1, "Kari", content("n", state="vedtatt"))), include_drafts=True
    )
    assert plan.sources_of(frame) == ["src-a", "src-b", "handlingsplanen i dashbordets database"]
