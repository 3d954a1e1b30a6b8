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
import logging
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from analytics.statuses import REPORT_STATUSES, Report

LOG = logging.getLogger(__name__)

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


def help_sheet(book, lines: list[str]) -> None:
    """A sheet «Veiledning» with one wrapped line of help a row."""
    sheet = book.create_sheet("Veiledning")
    for line in lines:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 110
    for row in sheet.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)


def headed_book(title: str, header: list[str], given: Callable) -> tuple:
    """(a workbook, its first sheet `title`) with a bold header row: blue over the columns that are given (`given`
    of the header cell is true), yellow over those to fill in."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DCE6F0" if given(cell) else "FFF2CC")
    return book, sheet


def template(measures: pd.DataFrame, goal_labels: dict[str, str], organisation: str) -> bytes:
    """An .xlsx with one row per measure and the columns to report in (status as a drop-down)."""
    book, sheet = headed_book(SHEET, HEADER, given=lambda cell: cell.column <= len(GIVEN))
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
    statuses = DataValidation(type="list", formula1='"{}"'.format(",".join(REPORT_STATUSES.values())), allow_blank=True)
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
    lines = [
        f"Statusrapport for {organisation}",
        "Fyll ut de gule kolonnene for tiltakene du rapporterer på; la raden stå tom for de andre.",
        "Periode: året (2026), måneden (2026-06) eller datoen (2026-06-30) rapporten gjelder.",
        "Status: " + ", ".join(REPORT_STATUSES.values()) + ".",
        "Fremdrift: et tall fra 0 til 100. Indikatorverdi: tallet for tiltakets indikator, der den finnes.",
        "En rapport endrer aldri en tidligere rapport: en rettelse er en ny rapport.",
    ]
    help_sheet(book, lines)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Bounds on an upload (the template of a handlingsplan is a few kB and a few dozen rows).
MAX_BYTES = 5 * 1024 * 1024  # also server.maxUploadSize (MB) in .streamlit/config.toml
MAX_UNZIPPED = 50 * 1024 * 1024  # what the .xlsx (a zip) holds, by the sizes its directory declares
MAX_ZIP_ENTRIES = 1_000
MAX_ROWS = 2_000  # rows under the header
MAX_LISTED_ERRORS = 20  # then «… og N feil til»
MAX_TEXT = 5_000  # characters in a comment
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # tab and line breaks are fine in a comment


@dataclass
class Upload:
    reports: list[Report] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # at most MAX_LISTED_ERRORS, then one line «… og N feil til»
    preview: pd.DataFrame | None = None
    error_count: int = 0  # every error found, listed or not


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
    """A finite number (a decimal comma and spaces as thousands separators are fine); inf and nan are not."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _status(value) -> str | None:
    text = str(value).strip().lower()
    by_label = {label: key for key, label in REPORT_STATUSES.items()}
    return text if text in REPORT_STATUSES else by_label.get(text)


class _Invalid(ValueError):
    """A cell that cannot be used; str() is the problem («… er ikke en status.»)."""


def _shown(value) -> str:
    text = "" if value is None else str(value)
    return CONTROL.sub("�", text[:80]) + ("…" if len(text) > 80 else "")


def _period_cell(value) -> str:
    period = parse_period(value) if value not in (None, "") else None
    if period is None:
        raise _Invalid(f"«{_shown(value)}» er ikke en periode.")
    return period


def _status_cell(value) -> str:
    status = _status(value) if value not in (None, "") else None
    if status is None:
        raise _Invalid(f"«{_shown(value)}» er ikke en status.")
    return status


def _progress_cell(value) -> float:
    number = _number(value)
    if number is None or not 0 <= number <= 100:
        raise _Invalid(f"«{_shown(value)}» er ugyldig.")
    return number


def _indicator_cell(value) -> float:
    number = _number(value)
    if number is None:
        raise _Invalid(f"«{_shown(value)}» er ikke et tall.")
    return number


def _comment_cell(value) -> str:
    text = str(value)
    if len(text) > MAX_TEXT:
        raise _Invalid(f"kommentaren har {len(text)} tegn.")
    if CONTROL.search(text):
        raise _Invalid("kommentaren har et kontrolltegn (for eksempel NUL).")
    return text


@dataclass(frozen=True)
class Cell:
    """A column to report in: how to read a filled cell, what it should hold, and whether it may be empty (then
    its value is `empty`)."""

    parse: Callable[[object], object]
    expected: str
    required: bool = True
    empty: object = None


CELLS = {
    "Periode": Cell(_period_cell, "et år (2026), en måned (2026-06) eller en dato (2026-06-30)"),
    "Status": Cell(_status_cell, "én av " + ", ".join(REPORT_STATUSES.values())),
    "Fremdrift (%)": Cell(_progress_cell, "et tall fra 0 til 100", required=False),
    "Indikatorverdi": Cell(_indicator_cell, "et tall", required=False),
    "Kommentar": Cell(_comment_cell, f"en tekst på høyst {MAX_TEXT} tegn uten kontrolltegn", required=False, empty=""),
}


def _parsed_row(file: str, line: int, cell: dict, known: set[str]) -> tuple[dict, list[str]]:
    """The row's values by column, and its errors (each naming file, row and column)."""
    values, errors = {}, []
    measure_id = _shown(cell["Tiltak-id"]).strip()
    if measure_id not in known:
        errors.append(
            _error(file, line, "Tiltak-id", f"«{measure_id}» er ikke et tiltak i malen.", "en Tiltak-id fra malen")
        )
    values["Tiltak-id"] = measure_id
    for name, column in CELLS.items():
        raw = cell[name]
        if raw in (None, "") and not column.required:
            values[name] = column.empty
            continue
        try:
            values[name] = column.parse(raw)
        except _Invalid as problem:
            values[name] = None
            errors.append(_error(file, line, name, str(problem), column.expected))
    return values, errors


def _unreadable(content: bytes, file: str) -> str | None:
    """Why the file is refused before openpyxl opens it (too large, or a zip that unpacks to too much)."""
    if len(content) > MAX_BYTES:
        return f"Feil i {file}: filen er på {len(content) / 1024 / 1024:.1f} MB. Forventet: høyst {MAX_BYTES // 1024 // 1024} MB."
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        LOG.info("upload %s is not a zip archive: %r", file, error)  # the details go to the log
        return f"Feil i {file}: filen kan ikke leses som Excel (.xlsx). Forventet: malen lastet ned fra dashbordet."
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED:
        return (
            f"Feil i {file}: filen pakker seg ut til {unpacked / 1024 / 1024:.0f} MB i {len(entries)} deler. "
            f"Forventet: malen fra dashbordet (høyst {MAX_UNZIPPED // 1024 // 1024} MB utpakket)."
        )
    return None


def _rows(content: bytes, file: str) -> tuple[list[str], Iterator[tuple]] | str:
    """(header, the rows under it) of the sheet, or why the file cannot be read."""
    refused = _unreadable(content, file)
    if refused:
        return refused
    try:
        # formulas as their text: a comment typed as "=…" is kept verbatim, never computed or lost
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
        LOG.info("upload %s cannot be read as a workbook: %r", file, error)
        return f"Feil i {file}: filen kan ikke leses som Excel (.xlsx). Forventet: malen lastet ned fra dashbordet."
    if SHEET not in book.sheetnames:
        return f"Feil i {file}: arket «{SHEET}» mangler. Forventet: malen lastet ned fra dashbordet."
    rows = book[SHEET].iter_rows(values_only=True, max_col=4 * len(HEADER))
    header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
    missing = [name for name in HEADER if name not in header]
    if missing:
        return (
            f"Feil i {file}, ark «{SHEET}», rad 1: kolonnen «{missing[0]}» mangler. "
            f"Forventet: kolonnene {', '.join(HEADER)}."
        )
    return header, rows


def read_upload(content: bytes, file: str, measures: pd.DataFrame, organisation: str, reporter: str) -> Upload:
    """Every filled row as a report, or the errors (the first MAX_LISTED_ERRORS and how many more); rows with
    nothing filled in are left out."""
    found = _rows(content, file)
    if isinstance(found, str):
        return Upload(errors=[found], preview=_preview([]), error_count=1)
    header, rows = found
    at = {name: header.index(name) for name in HEADER}
    known, errors, reports, seen = set(measures["id"]), [], [], {}
    for line, values in enumerate(rows, start=2):
        cell = {name: (values[i] if i < len(values) else None) for name, i in at.items()}
        if all(cell[name] in (None, "") for name in TO_FILL):
            continue
        if line > MAX_ROWS + 1:
            errors.append(
                f"Feil i {file}, ark «{SHEET}», rad {line}: filen har flere enn {MAX_ROWS} rader. "
                f"Forventet: høyst {MAX_ROWS} rader under overskriften."
            )
            break
        parsed, problems = _parsed_row(file, line, cell, known)
        key = (parsed["Tiltak-id"], parsed["Periode"])
        if parsed["Periode"] and parsed["Tiltak-id"] in known and key in seen:
            problems.append(
                _error(
                    file,
                    line,
                    "Periode",
                    f"{key[0]} for {key[1]} står også i rad {seen[key]}.",
                    "én rapport per tiltak og periode i samme fil",
                )
            )
        seen.setdefault(key, line)
        errors += problems
        if not problems:
            reports.append(_report(parsed, organisation, reporter))
    if errors:
        return Upload(errors=_capped(errors), preview=_preview([]), error_count=len(errors))
    return Upload(reports=reports, preview=_preview(reports))


def _capped(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors
    return [*errors[:MAX_LISTED_ERRORS], f"… og {len(errors) - MAX_LISTED_ERRORS} feil til."]


def _report(parsed: dict, organisation: str, reporter: str) -> Report:
    return Report(
        organisation,
        parsed["Tiltak-id"],
        parsed["Periode"],
        parsed["Status"],
        parsed["Fremdrift (%)"],
        parsed["Indikatorverdi"],
        parsed["Kommentar"],
        reporter,
    )


def _preview(reports: list[Report]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (r.measure_id, r.period, REPORT_STATUSES[r.status], r.progress, r.indicator_value, r.comment)
            for r in reports
        ],
        columns=["Tiltak-id", "Periode", "Status", "Fremdrift (%)", "Indikatorverdi", "Kommentar"],
    )


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
