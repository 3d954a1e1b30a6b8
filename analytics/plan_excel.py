"""The handlingsplan as an Excel sheet: every measure one row, with drop-downs; and a filled sheet read back as
changes (new, changed, retired) checked row by row, or every error by row and column — never a part of the file.

A row carries the revision it was downloaded at («Revisjon»), so a sheet filled in while someone else changed the
same measure is refused at save time (the store's optimistic check) instead of overwriting that change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from analytics import plan
from analytics.bundle import MEASURE_KINDS
from analytics.excel import _number, _text_cell, headed_book, help_sheet
from analytics.statuses import PlanChange

LOG = logging.getLogger(__name__)

SHEET = "Handlingsplan"
LISTS = "Lister"
ID, REVISION = "Tiltak-id", "Revisjon"
COLUMNS = {ID: "id", **{plan.FIELD_LABELS[f][0]: f for f in plan.FIELDS}, REVISION: "revision"}
HEADER = list(COLUMNS)
BY_FIELD = {f: label for label, f in COLUMNS.items()}
CHOICES = {  # column -> the values its drop-down offers (the goal areas and sources come from the bundle)
    "kind": MEASURE_KINDS,
    "indicator_direction": plan.DIRECTIONS,
    "state": plan.STATES,
}
WIDTHS = {"id": 24, "title_nb": 50, "title_en": 40, "description_nb": 60, "description_en": 50}
DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def upload_batch(content: bytes) -> str:
    """The batch id of an uploaded plan sheet: its content hash (37 characters, fits the store's column)."""
    return "plan-" + hashlib.sha256(content).hexdigest()[:32]


def workbook(frame: pd.DataFrame, goal_area_ids, source_ids, organisation: str) -> bytes:
    """The plan as .xlsx: one row per measure, every field a column, drop-downs for the fixed lists; text is always
    a text cell (a title starting with "=" stays text), dates are dates, numbers are numbers."""
    book, sheet = headed_book(SHEET, HEADER, given=lambda cell: cell.value in (ID, REVISION))
    for row, measure in enumerate(frame.to_dict("records"), start=2):
        content = plan.content_of(measure)
        for column, name in enumerate(HEADER, start=1):
            _write(sheet.cell(row=row, column=column), COLUMNS[name], measure, content)
    _drop_downs(book, sheet, max(len(frame) + 1, 2) + 200, goal_area_ids, source_ids)
    for column, name in enumerate(HEADER, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(COLUMNS[name], 18)
    sheet.freeze_panes = "B2"
    _help(book, organisation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write(cell, name: str, measure: dict, content: dict) -> None:
    value = measure["id"] if name == "id" else measure["revision"] if name == "revision" else content[name]
    if name == "sdgs":
        _text_cell(cell, ";".join(str(v) for v in value))
    elif name in plan.DATE_FIELDS and value:
        cell.value, cell.number_format = dt.date.fromisoformat(value), "yyyy-mm-dd"
    elif name in (*plan.NUMBER_FIELDS, *plan.YEAR_FIELDS, "revision") and value is not None:
        cell.value = value
    else:
        _text_cell(cell, value)


def _drop_downs(book, sheet, last_row: int, goal_area_ids, source_ids) -> None:
    lists = book.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    choices = {
        **CHOICES,
        "goal_area_id": tuple(goal_area_ids),
        "decision_source": tuple(source_ids),
        "source": tuple(source_ids),
    }
    for number, (name, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(number)
        lists.cell(row=1, column=number).value = name
        for row, value in enumerate(values, start=2):
            _text_cell(lists.cell(row=row, column=number), value)
        if not values:
            continue
        rule = DataValidation(
            type="list", formula1=f"{LISTS}!${letter}$2:${letter}${len(values) + 1}", allow_blank=True
        )
        rule.error, rule.errorTitle = "Velg en verdi fra listen.", "Ugyldig verdi"
        sheet.add_data_validation(rule)
        column = get_column_letter(HEADER.index(BY_FIELD[name]) + 1)
        rule.add(f"{column}2:{column}{last_row}")


def _help(book, organisation: str) -> None:
    lines = [
        f"Handlingsplan for {organisation}",
        "Én rad per tiltak. Endre feltene i de gule kolonnene; Tiltak-id og Revisjon skal stå som de er.",
        "Nytt tiltak: en ny rad med en ny Tiltak-id (små bokstaver a–z, sifre og bindestrek) og Revisjon tom.",
        "Avslutte eller trekke et tiltak: sett Tilstand til «avsluttet» eller «trukket». Slett ikke raden: "
        "tiltak som ikke står i arket, blir ikke endret.",
        "Tilstand: utkast (vises bare for innloggede), vedtatt (krever vedtak: organ, dato og saksnummer, eller "
        "en kilde-id), avsluttet, trukket.",
        "Datoer som ÅÅÅÅ-MM-DD. Bærekraftsmål som tall fra 1 til 17 skilt med semikolon (13;17).",
        "En indikator trenger enhet, mål og retning («opp» eller «ned»).",
        "Alt lagres som nye revisjoner, samlet: er én rad feil, lagres ingenting. Har noen endret et tiltak etter at "
        "du lastet ned arket, blir lagringen avvist; last ned på nytt.",
    ]
    help_sheet(book, lines)


@dataclass
class PlanUpload:
    changes: list[PlanChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    preview: pd.DataFrame | None = None
    untouched: int = 0  # measures of the plan not in the sheet (left as they are)


def _error(file: str, row: int, column: str, problem: str, expected: str) -> str:
    return f"Feil i {file}, ark «{SHEET}», rad {row}, kolonne «{column}»: {problem} Forventet: {expected}."


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = DMY.fullmatch(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _year(value) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number.is_integer() and 1900 <= number <= 2100 else None


def _sdgs(value) -> list[int] | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    parts = [p.strip() for p in str(value).replace(",", ";").split(";") if p.strip()]
    if not all(p.isdigit() and 1 <= int(p) <= 17 for p in parts):
        return None
    return sorted({int(p) for p in parts})


PARSE_PROBLEMS = {
    "date": ("er ikke en dato.", "en dato som ÅÅÅÅ-MM-DD (for eksempel 2026-12-31)"),
    "number": ("er ikke et tall.", "et tall"),
    "year": ("er ikke et årstall.", "et årstall mellom 1900 og 2100"),
    "sdgs": ("er ikke bærekraftsmål.", "tall fra 1 til 17 skilt med semikolon (for eksempel 13;17)"),
    "revision": ("er ikke et revisjonsnummer.", "tallet fra det nedlastede arket"),
}


def _cell(name: str, value):
    """(parsed value, problem kind or None) of one cell of column `name`."""
    if name == "sdgs":
        found = [] if _blank(value) else _sdgs(value)
        return found, "sdgs" if found is None else None
    if _blank(value):
        return ("" if name in plan.TEXT_FIELDS else None), None
    if name in plan.DATE_FIELDS:
        found = _date(value)
        return found, "date" if found is None else None
    if name in plan.NUMBER_FIELDS:
        found = _number(value)
        return found, "number" if found is None else None
    if name in plan.YEAR_FIELDS:
        found = _year(value)
        return found, "year" if found is None else None
    if name == "revision":
        found = _number(value)
        ok = found is not None and found.is_integer() and found >= 0
        return (int(found) if ok else None), None if ok else "revision"
    return str(value).strip(), None


def read_upload(
    content: bytes, file: str, current: pd.DataFrame, goal_area_ids, source_ids, organisation: str, author: str
) -> PlanUpload:
    """Every row that differs from the current plan as a change, or every error; nothing half."""
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)  # formulas stay their text
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
        LOG.info("plan upload %s cannot be read as a workbook: %r", file, error)  # the details go to the log
        return PlanUpload(
            errors=[
                f"Feil i {file}: filen kan ikke leses som Excel (.xlsx). Forventet: malen lastet ned fra dashbordet."
            ]
        )
    if SHEET not in book.sheetnames:
        return PlanUpload(
            errors=[f"Feil i {file}: arket «{SHEET}» mangler. Forventet: handlingsplanen lastet ned fra dashbordet."]
        )
    rows = list(book[SHEET].iter_rows(values_only=True))
    header = [str(c).strip() if c is not None else "" for c in (rows[0] if rows else [])]
    missing = [name for name in HEADER if name not in header]
    if missing:
        return PlanUpload(
            errors=[
                f"Feil i {file}, ark «{SHEET}», rad 1: kolonnen «{missing[0]}» mangler. "
                f"Forventet: kolonnene {', '.join(HEADER)}."
            ]
        )
    at = {name: header.index(name) for name in HEADER}
    known = current.set_index("id", drop=False)
    upload, seen = PlanUpload(), {}
    for line, values in enumerate(rows[1:], start=2):
        cells = {name: (values[i] if i < len(values) else None) for name, i in at.items()}
        if all(_blank(v) for v in cells.values()):
            continue
        change = _row_change(file, line, cells, known, seen, goal_area_ids, source_ids, upload.errors)
        if change is not None:
            measure_id, based_on, new_content = change
            upload.changes.append(PlanChange(organisation, measure_id, based_on, new_content, author))
    if upload.errors:
        upload.changes = []
    upload.untouched = int((~known["id"].isin(list(seen))).sum())
    upload.preview = preview(upload.changes, known)
    return upload


def _row_change(file, line, cells, known, seen, goal_area_ids, source_ids, errors):
    """(measure id, based-on revision, content) of a row that changes the plan; None if unchanged or wrong (the
    errors are appended)."""
    before = len(errors)
    parsed = {}
    for label, value in cells.items():
        name = COLUMNS[label]
        parsed[name], problem = _cell(name, value)
        if problem:
            text, expected = PARSE_PROBLEMS[problem]
            errors.append(_error(file, line, label, f"«{value}» {text}", expected))
    measure_id = parsed["id"] or ""
    if measure_id in seen:
        errors.append(
            _error(file, line, ID, f"«{measure_id}» står også i rad {seen[measure_id]}.", "hvert tiltak én gang")
        )
    seen.setdefault(measure_id, line)
    exists = measure_id in known.index
    if exists and parsed["revision"] is None and len(errors) == before:
        errors.append(_error(file, line, REVISION, "revisjonen mangler.", "tallet fra det nedlastede arket"))
    if not exists and parsed["revision"] not in (None, 0):
        errors.append(
            _error(
                file,
                line,
                ID,
                f"«{measure_id}» er ikke et tiltak i planen.",
                "en Tiltak-id fra arket, eller Revisjon tom for et nytt tiltak",
            )
        )
    if len(errors) > before:
        return None
    content = {name: parsed[name] for name in plan.FIELDS}
    for name, problem in plan.problems(measure_id, content, goal_area_ids, source_ids):
        errors.append(_error(file, line, BY_FIELD.get(name, ID), problem[0].upper() + problem[1:], _expected(name)))
    if len(errors) > before:
        return None
    if exists:
        if plan.content_of(known.loc[measure_id]) == content:
            return None
        return measure_id, int(parsed["revision"]), content
    return measure_id, 0, content


def _expected(name: str) -> str:
    return {
        "id": "en id med små bokstaver a–z, sifre og bindestrek",
        "state": "én av " + ", ".join(plan.STATES),
        "kind": "én av " + ", ".join(MEASURE_KINDS),
        "goal_area_id": "en målområde-id fra listen",
        "decision_source": "en kilde-id fra listen",
        "source": "en kilde-id fra listen",
        "due": "en frist etter start",
        "indicator_direction": "«opp» eller «ned»",
        "decision_case": "organ, dato og saksnummer for vedtaket, eller en kilde-id",
    }.get(name, "en gyldig verdi, se arket «Veiledning»")


def kind_of_change(before: dict | None, after: dict) -> str:
    """ "ny", "avsluttet"/"trukket" (retired by this change) or "endret"."""
    if before is None:
        return "ny"
    if after["state"] in plan.RETIRED and before.get("state") not in plan.RETIRED:
        return after["state"]
    return "endret"


def preview(changes: list[PlanChange], known: pd.DataFrame, lang: str = "nb") -> pd.DataFrame:
    """One row per change: what kind, which measure, which fields from what to what (plain text in `lang`)."""
    rows = []
    for change in changes:
        before = plan.content_of(known.loc[change.measure_id]) if change.measure_id in known.index else None
        fields = plan.changed_fields(before, change.content)
        rows.append(
            {
                "Endring": kind_of_change(before, change.content),
                "Tiltak-id": change.measure_id,
                "Tittel": change.content["title_nb"],
                "Felt": "; ".join(
                    f"{plan.field_label(f, lang)}: {plan.display_value(f, old)} → {plan.display_value(f, new)}"
                    for f, old, new in fields
                ),
            }
        )
    return pd.DataFrame(rows, columns=["Endring", "Tiltak-id", "Tittel", "Felt"])
