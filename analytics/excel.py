"""The Excel template for status reports, and reading a filled one back with every error listed.

The template lists an organisation's measures, one row each, with empty columns to report in. Reading a filled
template checks every row (unknown measure, status not in the list, progress outside 0–100, a period that is not
a date, the same measure and period twice) and returns either reports to write in one transaction, or all errors
in Norwegian by row and column — never a part of the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from analytics.store import REPORT_STATUSES as STATUSES  # the new name arrives with the rewrite of excel.py
from analytics.store import Report

SHEET = "Rapporter"
GIVEN = ["Tiltak-id", "Målområde", "Tittel"]
TO_FILL = ["Periode", "Status", "Fremdrift (%)", "Indikatorverdi", "Kommentar"]
HEADER = GIVEN + TO_FILL
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
FORMULA_START = ("=", "+", "-", "@")


def upload_batch(content: bytes) -> str:
    """The batch id of an uploaded file: its content hash, so the same file saved twice is recognised
    (39 characters: it fits the store's 40-character column, which PostgreSQL enforces)."""
    return "upload-" + hashlib.sha256(content).hexdigest()[:32]


def _text_cell(cell, value) -> None:
    """A string cell that Excel shows as text and never runs, even if it starts with = + - @."""
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"


def template(measures: pd.DataFrame, goal_labels: dict[str, str], organisation: str) -> bytes:
    """An .xlsx with one row per measure and the columns to report in (status as a drop-down)."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F0" if cell.column <= len(GIVEN) else "FFF2CC")
    for row, measure in enumerate(measures.itertuples(), start=2):
        for column, value in enumerate(
            (
                measure.id,
                goal_labels.get(measure.goal_area_id, "") if isinstance(measure.goal_area_id, str) else "",
                measure.title_nb,
            ),
            start=1,
        ):
            _text_cell(sheet.cell(row=row, column=column), value)
    statuses = DataValidation(type="list", formula1='"{}"'.format(",".join(STATUSES.values())), allow_blank=True)
    statuses.error, statuses.errorTitle = "Velg en status fra listen.", "Ugyldig status"
    sheet.add_data_validation(statuses)
    statuses.add(f"E2:E{max(len(measures) + 1, 2)}")
    progress = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    progress.error = "Fremdrift er et tall fra 0 til 100."
    sheet.add_data_validation(progress)
    progress.add(f"F2:F{max(len(measures) + 1, 2)}")
    for letter, width in zip("ABCDEFGH", (24, 28, 60, 12, 16, 14, 14, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D2"
    help_sheet = book.create_sheet("Veiledning")
    lines = [
        f"Statusrapport for {organisation}",
        "Fyll ut de gule kolonnene for tiltakene du rapporterer på; la raden stå tom for de andre.",
        "Periode: året (2026), måneden (2026-06) eller datoen (2026-06-30) rapporten gjelder.",
        "Status: " + ", ".join(STATUSES.values()) + ".",
        "Fremdrift: et tall fra 0 til 100. Indikatorverdi: tallet for tiltakets indikator, der den finnes.",
        "En rapport endrer aldri en tidligere rapport: en rettelse er en ny rapport.",
    ]
    for line in lines:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    for row in help_sheet.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class Upload:
    reports: list[Report] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    preview: pd.DataFrame | None = None


def _error(file: str, row: int, column: str, problem: str, expected: str) -> str:
    return f"Feil i {file}, ark «{SHEET}», rad {row}, kolonne «{column}»: {problem} Forventet: {expected}."


def parse_period(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and float(value).is_integer() and 1900 <= value <= 2100:
        return str(int(value))
    text = str(value).strip()
    if PERIOD.fullmatch(text):
        try:
            dt.date.fromisoformat(text if len(text) == 10 else f"{text}-01" if len(text) == 7 else f"{text}-01-01")
        except ValueError:
            return None
        return text
    return None


def _number(value) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None


def _status(value) -> str | None:
    text = str(value).strip().lower()
    by_label = {label: key for key, label in STATUSES.items()}
    return text if text in STATUSES else by_label.get(text)


def read_upload(content: bytes, file: str, measures: pd.DataFrame, organisation: str, reporter: str) -> Upload:
    """Every filled row as a report, or every error; rows with nothing filled in are left out."""
    try:
        # formulas as their text: a comment typed as "=…" is kept verbatim, never computed or lost
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
        return Upload(errors=[f"Feil i {file}: filen kan ikke leses som Excel (.xlsx) ({type(error).__name__})."])
    if SHEET not in book.sheetnames:
        return Upload(errors=[f"Feil i {file}: arket «{SHEET}» mangler. Forventet: malen lastet ned fra dashbordet."])
    rows = list(book[SHEET].iter_rows(values_only=True))
    header = [str(c).strip() if c is not None else "" for c in (rows[0] if rows else [])]
    missing = [name for name in HEADER if name not in header]
    if missing:
        return Upload(
            errors=[
                f"Feil i {file}, ark «{SHEET}», rad 1: kolonnen «{missing[0]}» mangler. "
                f"Forventet: kolonnene {', '.join(HEADER)}."
            ]
        )
    at = {name: header.index(name) for name in HEADER}
    known = set(measures["id"])
    upload, seen = Upload(), {}
    for line, values in enumerate(rows[1:], start=2):
        cell = {name: (values[i] if i < len(values) else None) for name, i in at.items()}
        if all(cell[name] in (None, "") for name in TO_FILL):
            continue
        errors_before = len(upload.errors)
        measure_id = str(cell["Tiltak-id"] or "").strip()
        if measure_id not in known:
            upload.errors.append(
                _error(file, line, "Tiltak-id", f"«{measure_id}» er ikke et tiltak i malen.", "en Tiltak-id fra malen")
            )
        period = parse_period(cell["Periode"]) if cell["Periode"] not in (None, "") else None
        if period is None:
            upload.errors.append(
                _error(
                    file,
                    line,
                    "Periode",
                    f"«{cell['Periode'] or ''}» er ikke en periode.",
                    "et år (2026), en måned (2026-06) eller en dato (2026-06-30)",
                )
            )
        status = _status(cell["Status"]) if cell["Status"] not in (None, "") else None
        if status is None:
            upload.errors.append(
                _error(
                    file,
                    line,
                    "Status",
                    f"«{cell['Status'] or ''}» er ikke en status.",
                    "én av " + ", ".join(STATUSES.values()),
                )
            )
        progress = None
        if cell["Fremdrift (%)"] not in (None, ""):
            progress = _number(cell["Fremdrift (%)"])
            if progress is None or not 0 <= progress <= 100:
                upload.errors.append(
                    _error(
                        file, line, "Fremdrift (%)", f"«{cell['Fremdrift (%)']}» er ugyldig.", "et tall fra 0 til 100"
                    )
                )
        indicator = None
        if cell["Indikatorverdi"] not in (None, ""):
            indicator = _number(cell["Indikatorverdi"])
            if indicator is None:
                upload.errors.append(
                    _error(file, line, "Indikatorverdi", f"«{cell['Indikatorverdi']}» er ikke et tall.", "et tall")
                )
        key = (measure_id, period)
        if period and measure_id in known and key in seen:
            upload.errors.append(
                _error(
                    file,
                    line,
                    "Periode",
                    f"{measure_id} for {period} står også i rad {seen[key]}.",
                    "én rapport per tiltak og periode i samme fil",
                )
            )
        seen.setdefault(key, line)
        if len(upload.errors) == errors_before:
            comment = "" if cell["Kommentar"] is None else str(cell["Kommentar"])
            upload.reports.append(
                Report(organisation, measure_id, period, status, progress, indicator, comment, reporter)
            )
    if upload.errors:
        upload.reports = []
    upload.preview = pd.DataFrame(
        [
            (r.measure_id, r.period, STATUSES[r.status], r.progress, r.indicator_value, r.comment)
            for r in upload.reports
        ],
        columns=["Tiltak-id", "Periode", "Status", "Fremdrift (%)", "Indikatorverdi", "Kommentar"],
    )
    return upload


def reports_workbook(table: pd.DataFrame) -> bytes:
    """Reports as .xlsx for the meeting papers; every text cell is a string, so a comment like =HYPERLINK() is inert."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(table.columns))
    for row, values in enumerate(table.itertuples(index=False), start=2):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, int | float) and not isinstance(value, bool) and not pd.isna(value):
                cell.value = value
            else:
                _text_cell(cell, "" if value is None or (isinstance(value, float) and pd.isna(value)) else value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
