"""The handlingsplan out to Excel and back: a round trip, the diff against the plan, row-by-row errors."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics import plan, plan_excel
from analytics.store import PlanConflict, Store, sqlite_url

HOSTILE = {
    "title_nb": '=HYPERLINK("http://x","klikk")',
    "description_nb": "<script>alert(1)</script> [lenke](http://x)",
    "responsible": "+1+1",
    "decision_case": "@SUM(A1)",
}


@pytest.fixture
def current(trondheim):
    return plan.effective_plan(trondheim.measures, pd.DataFrame(columns=["measure_id"]), include_drafts=True)


def sheet_of(current, trondheim, sources):
    content = plan_excel.workbook(current, trondheim.goal_areas["id"], sources["id"], "Trondheim kommune")
    return load_workbook(io.BytesIO(content))


def saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(content, current, trondheim, sources, file="plan.xlsx"):
    return plan_excel.read_upload(
        content, file, current, trondheim.goal_areas["id"], sources["id"], "trondheim", "Kari Nordmann"
    )


def column(name: str) -> int:
    return plan_excel.HEADER.index(name) + 1


def test_the_sheet_holds_every_measure_and_reads_back_as_no_change(current, trondheim, sources):
    book = sheet_of(current, trondheim, sources)
    sheet = book[plan_excel.SHEET]
    assert [c.value for c in sheet[1]] == plan_excel.HEADER
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == current["id"].tolist()
    assert book[plan_excel.LISTS].sheet_state == "hidden"
    lists = {str(rule.formula1) for rule in sheet.data_validations.dataValidation}
    assert len(lists) == 6  # kind, direction, state, goal area, decision source, source
    upload = read(saved(book), current, trondheim, sources)
    assert upload.errors == [] and upload.changes == [] and upload.untouched == 0


def test_three_changed_one_new_one_retired_are_exactly_the_five_changes(current, trondheim, sources):
    book = sheet_of(current, trondheim, sources)
    sheet = book[plan_excel.SHEET]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["handlingsplan"], column("Frist")).value = "2026-12-31"
    sheet.cell(rows["vennskapsbyavtaler"], column("Ansvarlig enhet")).value = "Internasjonal enhet"
    sheet.cell(rows["teknologihovedstad"], column("Tittel (engelsk)")).value = "Technology capital"
    sheet.cell(rows["baerekraft-klima"], column("Tilstand")).value = "trukket"
    new = sheet.max_row + 1
    for name, value in {
        "Tiltak-id": "nytt-tiltak",
        "Type": "tiltak",
        "Tittel (bokmål)": "Nytt tiltak",
        "Tilstand": "utkast",
        "Indikator: enhet": "antall",
        "Indikator: mål": 12,
        "Indikator: retning": "opp",
        "Indikator: år for mål": 2027,
        "Bærekraftsmål": "11;17",
    }.items():
        sheet.cell(new, column(name)).value = value
    upload = read(saved(book), current, trondheim, sources)
    assert upload.errors == []
    assert upload.preview[["Endring", "Tiltak-id"]].values.tolist() == [
        ["endret", "handlingsplan"],
        ["endret", "vennskapsbyavtaler"],
        ["trukket", "baerekraft-klima"],
        ["endret", "teknologihovedstad"],
        ["ny", "nytt-tiltak"],
    ]
    assert upload.preview.loc[0, "Felt"] == "Frist: – → 31.12.2026"
    new_change = upload.changes[-1]
    assert (new_change.based_on, new_change.content["indicator_target"], new_change.content["sdgs"]) == (
        0,
        12.0,
        [11, 17],
    )
    assert {c.based_on for c in upload.changes[:-1]} == {0}
    assert upload.untouched == 0


def test_a_row_deleted_from_the_sheet_leaves_its_measure_as_it_is(current, trondheim, sources):
    book = sheet_of(current, trondheim, sources)
    book[plan_excel.SHEET].delete_rows(3)
    upload = read(saved(book), current, trondheim, sources)
    assert (upload.errors, upload.changes, upload.untouched) == ([], [], 1)


def test_hostile_text_is_a_text_cell_out_and_verbatim_back(current, trondheim, sources):
    changed = current.copy()
    for name, value in HOSTILE.items():
        changed.loc[0, name] = value
    book = sheet_of(changed, trondheim, sources)
    sheet = book[plan_excel.SHEET]
    for name, value in HOSTILE.items():
        cell = sheet.cell(2, column(plan.FIELD_LABELS[name][0]))
        assert (cell.value, cell.data_type) == (value, "s")
    upload = read(saved(book), current, trondheim, sources)
    assert upload.errors == []
    assert [c.content[name] for c in upload.changes for name in HOSTILE] == list(HOSTILE.values())


def test_one_bad_row_among_200_names_its_row_and_column_and_nothing_is_kept(current, trondheim, sources):
    book = sheet_of(current, trondheim, sources)
    sheet = book[plan_excel.SHEET]
    first = sheet.max_row + 1
    for offset in range(200 - len(current)):
        row = first + offset
        for name, value in {
            "Tiltak-id": f"tiltak-{offset}",
            "Type": "tiltak",
            "Tittel (bokmål)": f"T {offset}",
        }.items():
            sheet.cell(row, column(name)).value = value
        sheet.cell(row, column("Tilstand")).value = "utkast"
    bad = first + 120
    sheet.cell(bad, column("Frist")).value = "neste år"
    upload = read(saved(book), current, trondheim, sources, file="plan200.xlsx")
    assert upload.errors == [
        f"Feil i plan200.xlsx, ark «Handlingsplan», rad {bad}, kolonne «Frist»: «neste år» er ikke en dato. "
        "Forventet: en dato som ÅÅÅÅ-MM-DD (for eksempel 2026-12-31)."
    ]
    assert upload.changes == [] and upload.preview.empty


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("Tilstand", "ferdig", "rad 2, kolonne «Tilstand»"),
        ("Målområde", "ukjent", "rad 2, kolonne «Målområde»"),
        ("Bærekraftsmål", "18", "rad 2, kolonne «Bærekraftsmål»"),
        ("Revisjon", "x", "rad 2, kolonne «Revisjon»"),
        ("Tiltak-id", "vennskapsbyavtaler", "rad 3, kolonne «Tiltak-id»: «vennskapsbyavtaler» står også i rad 2"),
    ],
)
def test_each_kind_of_bad_cell_is_named(current, trondheim, sources, name, value, problem):
    book = sheet_of(current, trondheim, sources)
    book[plan_excel.SHEET].cell(2, column(name)).value = value
    upload = read(saved(book), current, trondheim, sources)
    assert len(upload.errors) == 1 and problem in upload.errors[0]
    assert upload.changes == []


def test_a_wrong_file_is_one_clear_message(current, trondheim, sources):
    assert read(b"not a zip", current, trondheim, sources, "x.xlsx").errors == [
        "Feil i x.xlsx: filen kan ikke leses som Excel (.xlsx). Forventet: malen lastet ned fra dashbordet."
    ]


def test_a_sheet_downloaded_before_someone_else_saved_is_refused_as_a_whole(current, trondheim, sources, tmp_path):
    store = Store(sqlite_url(tmp_path / "status.sqlite"))
    book = sheet_of(current, trondheim, sources)
    sheet = book[plan_excel.SHEET]
    sheet.cell(2, column("Ansvarlig enhet")).value = "Fra arket"
    sheet.cell(3, column("Ansvarlig enhet")).value = "Også fra arket"
    upload = read(saved(book), current, trondheim, sources)
    first = current.iloc[0]
    store.add_plan_changes(
        [plan_excel.PlanChange("trondheim", first["id"], 0, {**plan.content_of(first), "due": "2030-01-01"}, "Ola")]
    )
    with pytest.raises(PlanConflict, match="Ola"):
        store.add_plan_changes(upload.changes, batch=plan_excel.upload_batch(b"x"))
    assert store.plan_revisions()["author"].tolist() == ["Ola"]
