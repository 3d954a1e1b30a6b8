"""The adopted plan as a Word document: opened with python-docx, it holds every adopted measure's title, goal with
target, owner, due date and decision, per målområde; drafts stay out and hostile text stays literal."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pandas as pd
import pytest

from analytics import plan_frame, plan_word
from analytics.bundle import measure_columns
from tests.conftest import TODAY

HOSTILE = '<script>alert(1)</script> **fet** [lenke](http://x) =HYPERLINK("http://x";"klikk")\x07'
MADE = dt.date(2026, 11, 30)


def plan_document(plan, bundle, sources, made=MADE, lang="nb", example_data=False) -> plan_word.PlanDocument:
    """What the plan's files are made from, for the plan of one bundle."""
    return plan_word.PlanDocument(plan, bundle.goal_areas, bundle.organisation, sources, made, lang, example_data)


def read(data: bytes) -> tuple[str, list[list[list[str]]]]:
    """All paragraph text, and every table as rows of cell texts."""
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return text, tables


def small_plan() -> pd.DataFrame:
    defaults = {name: None for name in measure_columns()} | {"kind": "tiltak", "sdgs": (), "source": "tk-strategi-2019"}
    rows = [
        {
            "id": "m1",
            "goal_area_id": "vennskapsby",
            "title_nb": "Flere utvekslinger",
            "title_en": "More exchanges",
            "responsible": "Kulturenheten",
            "due": dt.date(2027, 6, 30),
            "indicator_unit": "elever",
            "indicator_baseline": 40.0,
            "indicator_target": 120.0,
            "indicator_direction": "opp",
        },
        {"id": "m2", "goal_area_id": None, "title_nb": HOSTILE, "responsible": HOSTILE, "description_nb": HOSTILE},
        {"id": "m3", "goal_area_id": "vennskapsby", "title_nb": "Bare et utkast", "responsible": "Ingen"},
    ]
    plan = plan_frame.from_measures(pd.DataFrame([defaults | row for row in rows]))
    plan["indicator_baseline_year"] = pd.array([2019, pd.NA, pd.NA], dtype="Int64")
    plan["indicator_target_year"] = pd.array([2026, pd.NA, pd.NA], dtype="Int64")
    plan["state"] = ["vedtatt", "vedtatt", "utkast"]
    plan.loc[0, ["decision_organ", "decision_case"]] = ["Bystyret", "sak 12/26"]
    plan.loc[0, "decision_date"] = pd.Timestamp("2026-03-05")
    plan["changed_at"] = pd.to_datetime(["2026-03-06T10:00:00Z", None, "2026-11-01T10:00:00Z"], utc=True)
    return plan


def test_every_adopted_measure_with_its_goal_owner_due_date_and_decision(trondheim, sources):
    text, tables = read(plan_word.plan_docx(plan_document(small_plan(), trondheim, sources)))
    assert "Flere utvekslinger" in text
    assert [
        ["Målbart mål", "elever: fra 40\u00a0elever (2019) til 120\u00a0elever (2026), økende"],
        ["Ansvarlig", "Kulturenheten"],
        ["Frist", "30.06.2027"],
        ["Planperiode", "–"],
        ["Vedtak", "Bystyret 05.03.2026, sak 12/26"],
    ] in tables
    assert "Bare et utkast" not in text and not any("Ingen" in row[1] for table in tables for row in table)
    assert "Laget 30.11.2026." in text.splitlines() and "Dataene per 01.11.2026." in text.splitlines()


def test_hostile_text_stays_literal(trondheim, sources):
    text, tables = read(plan_word.plan_docx(plan_document(small_plan(), trondheim, sources)))
    literal = HOSTILE.replace("\x07", "")  # a control character XML cannot hold is dropped, nothing else
    assert text.count(literal) == 2  # the title and the description, as typed
    assert ["Ansvarlig", literal] in tables[1]
    assert ["Målbart mål", "Ikke fastsatt (ingen indikator i planen)"] in tables[1]
    assert ["Vedtak", "Bygger på: Trondheim kommune, Internasjonal strategi 2019–2022"] in tables[1]


def test_the_measures_stand_under_their_goal_area_in_the_organisations_own_term(trondheim, sources):
    data = plan_word.plan_docx(plan_document(small_plan(), trondheim, sources, lang="en"))
    document = docx.Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0][0] == "Title" and headings[0][1].startswith(
        "Action plan: International strategy, Trondheim kommune"
    )
    assert ("Heading 1", "Goal areas") in headings
    area = next(text for style, text in headings if style == "Heading 2" and "Twin" in text)
    assert headings.index(("Heading 3", "More exchanges")) == headings.index(("Heading 2", area)) + 1
    assert headings[-3:] == [
        ("Heading 2", "Without a goal area"),
        ("Heading 3", HOSTILE.replace("\x07", "")),
        ("Heading 1", "Sources"),
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_shipped_plan_holds_every_measure_title_and_owner(trondheim, sources, lang):
    plan = plan_frame.from_measures(trondheim.measures)
    text, tables = read(plan_word.plan_docx(plan_document(plan, trondheim, sources, made=TODAY, lang=lang)))
    titles = (
        plan["title_en"].where(plan["title_en"].fillna("") != "", plan["title_nb"])
        if lang == "en"
        else plan["title_nb"]
    )
    assert all(title in text for title in titles)
    owners = [row[1] for table in tables for row in table if row[0] in ("Ansvarlig", "Responsible")]
    assert sorted(owners) == sorted(plan["responsible"].fillna("").replace("", "–"))
    assert ("Dataene per 29.08.2019." if lang == "nb" else "The data as of 29.08.2019.") in text  # sak 87/19


def test_a_plan_without_adopted_measures_says_so(trondheim, sources):
    plan = small_plan().assign(state="utkast")
    text, tables = read(plan_word.plan_docx(plan_document(plan, trondheim, sources)))
    assert "Planen har ingen vedtatte tiltak." in text and tables == []


def test_example_data_is_labelled(trondheim, sources):
    data = plan_word.plan_docx(plan_document(small_plan(), trondheim, sources, example_data=True))
    assert "Eksempeldata:" in read(data)[0]
