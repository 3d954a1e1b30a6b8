"""The Excel template and reading a filled one back (files written and read with openpyxl, as Excel saves them)."""

from __future__ import annotations

import datetime as dt
import io
import tomllib
import zipfile

import pytest
from openpyxl import load_workbook

from analytics import excel
from analytics.store import Report, Store, sqlite_url
from tests.conftest import ROOT

FILE = "statusrapport.xlsx"


@pytest.fixture
def measures(trondheim):
    return trondheim.measures


@pytest.fixture
def blank(measures, trondheim):
    labels = dict(zip(trondheim.goal_areas["id"], trondheim.goal_areas["short_nb"], strict=True))
    return excel.template(measures, labels, "Trondheim kommune")


def filled(blank: bytes, rows: dict[int, list]) -> bytes:
    """The template with values typed into the report columns of the given sheet rows."""
    book = load_workbook(io.BytesIO(blank))
    sheet = book[excel.SHEET]
    for row, values in rows.items():
        for offset, value in enumerate(values):
            sheet.cell(row=row, column=len(excel.GIVEN) + 1 + offset).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_lists_every_measure_with_a_status_drop_down(blank, measures):
    sheet = load_workbook(io.BytesIO(blank))[excel.SHEET]
    assert [c.value for c in sheet[1]] == excel.HEADER
    assert [sheet.cell(row=r, column=1).value for r in range(2, len(measures) + 2)] == list(measures["id"])
    assert sheet.cell(row=3, column=2).value == "Vennskapsbyer"
    (statuses, _) = sheet.data_validations.dataValidation
    assert "i rute" in statuses.formula1 and "E2" in str(statuses.sqref)


def test_a_filled_template_gives_reports_and_skips_empty_rows(blank, measures):
    content = filled(
        blank,
        {
            2: ["2026", "i rute", 40, None, "Utkast sendt"],
            3: [dt.datetime(2026, 6, 30), "forsinket", "35,5", 3, None],
            4: ["2026-06", "fullført", 100, None, '=HYPERLINK("http://x")'],
        },
    )
    upload = excel.read_upload(content, FILE, measures, "trondheim", "Kari")
    assert upload.errors == []
    assert upload.reports == [
        Report("trondheim", "handlingsplan", "2026", "i_rute", 40.0, None, "Utkast sendt", "Kari"),
        Report("trondheim", "vennskapsbyavtaler", "2026-06-30", "forsinket", 35.5, 3.0, "", "Kari"),
        Report("trondheim", "baerekraft-klima", "2026-06", "fullfort", 100.0, None, '=HYPERLINK("http://x")', "Kari"),
    ]
    assert upload.preview["Status"].tolist() == ["i rute", "forsinket", "fullført"]


def test_every_error_is_listed_by_row_and_column_and_nothing_is_returned(blank, measures):
    content = filled(
        blank,
        {
            2: ["2026", "ferdig", 40, None, None],
            3: ["juni", "i rute", 140, "mange", None],
            4: ["2026", "i rute", 10, None, None],
            5: ["2026-02-30", "i rute", None, None, None],
        },
    )
    book = load_workbook(io.BytesIO(content))
    book[excel.SHEET].cell(row=4, column=1).value = "handlingsplan"  # the same measure and period as row 2
    book[excel.SHEET].cell(row=6, column=1).value = "finnes-ikke"
    book[excel.SHEET].cell(row=6, column=4).value = "2026"
    book[excel.SHEET].cell(row=6, column=5).value = "i rute"
    out = io.BytesIO()
    book.save(out)
    upload = excel.read_upload(out.getvalue(), FILE, measures, "trondheim", "Kari")
    assert upload.reports == []
    prefix = f"Feil i {FILE}, ark «Rapporter», "
    assert upload.errors == [
        prefix + "rad 2, kolonne «Status»: «ferdig» er ikke en status. Forventet: én av ikke startet, i rute, "
        "forsinket, fullført, avbrutt.",
        prefix + "rad 3, kolonne «Periode»: «juni» er ikke en periode. Forventet: et år (2026), en måned (2026-06) "
        "eller en dato (2026-06-30).",
        prefix + "rad 3, kolonne «Fremdrift (%)»: «140» er ugyldig. Forventet: et tall fra 0 til 100.",
        prefix + "rad 3, kolonne «Indikatorverdi»: «mange» er ikke et tall. Forventet: et tall.",
        prefix + "rad 4, kolonne «Periode»: handlingsplan for 2026 står også i rad 2. Forventet: én rapport per "
        "tiltak og periode i samme fil.",
        prefix + "rad 5, kolonne «Periode»: «2026-02-30» er ikke en periode. Forventet: et år (2026), en måned "
        "(2026-06) eller en dato (2026-06-30).",
        prefix
        + "rad 6, kolonne «Tiltak-id»: «finnes-ikke» er ikke et tiltak i malen. Forventet: en Tiltak-id fra malen.",
    ]


@pytest.mark.parametrize(
    "content, message",
    [(b"not a spreadsheet", "kan ikke leses som Excel"), (None, "arket «Rapporter» mangler")],
    ids=["not-xlsx", "wrong-sheet"],
)
def test_a_file_that_is_not_the_template_is_named(measures, content, message):
    if content is None:
        from openpyxl import Workbook

        book, out = Workbook(), io.BytesIO()
        book.save(out)
        content = out.getvalue()
    upload = excel.read_upload(content, FILE, measures, "trondheim", "Kari")
    assert upload.reports == [] and len(upload.errors) == 1 and message in upload.errors[0]


def test_an_export_keeps_formula_like_comments_as_inert_text(tmp_path):
    import pandas as pd

    table = pd.DataFrame({"Kommentar": ["=1+1", "+2", "-3", "@SUM(A1)", "<b>x</b>"], "Fremdrift": [1, 2, 3, 4, 5]})
    sheet = load_workbook(io.BytesIO(excel.reports_workbook(table)))[excel.SHEET]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 7)]
    assert [c.value for c in cells] == ["=1+1", "+2", "-3", "@SUM(A1)", "<b>x</b>"]
    assert {c.data_type for c in cells} == {"s"}  # strings, not formulas
    assert sheet.cell(row=2, column=2).value == 1


def test_an_upload_is_written_in_one_transaction(blank, measures, tmp_path):
    content = filled(blank, {2: ["2026", "i rute", 40, None, "a"], 3: ["2026", "forsinket", 20, None, "b"]})
    upload = excel.read_upload(content, FILE, measures, "trondheim", "Kari")
    store = Store(sqlite_url(tmp_path / "status.sqlite"))
    assert store.add(upload.reports, batch="upload-1") == 2
    assert store.reports()["batch"].tolist() == ["upload-1", "upload-1"]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "NaN", "1e999", "Infinity"])
def test_an_indicator_value_must_be_a_finite_number(blank, measures, value):
    upload = excel.read_upload(filled(blank, {2: ["2026", "i rute", 40, value, None]}), FILE, measures, "t", "Kari")
    assert upload.reports == []
    assert upload.errors == [
        f"Feil i {FILE}, ark «Rapporter», rad 2, kolonne «Indikatorverdi»: «{value}» er ikke et tall. "
        "Forventet: et tall."
    ]


@pytest.mark.parametrize("value", ["inf", "nan"])
def test_progress_must_be_a_finite_number(blank, measures, value):
    upload = excel.read_upload(filled(blank, {2: ["2026", "i rute", value, None, None]}), FILE, measures, "t", "K")
    assert upload.reports == [] and "kolonne «Fremdrift (%)»" in upload.errors[0]


def test_thousands_of_bad_rows_give_a_short_list_and_stop_at_the_row_limit(blank, measures, monkeypatch):
    book = load_workbook(io.BytesIO(blank))
    sheet = book[excel.SHEET]
    for row in range(2, excel.MAX_ROWS + 100):
        sheet.cell(row=row, column=1).value = "handlingsplan"
        sheet.cell(row=row, column=4).value = "2026"
        sheet.cell(row=row, column=5).value = "ferdig"
    out = io.BytesIO()
    book.save(out)
    upload = excel.read_upload(out.getvalue(), FILE, measures, "trondheim", "Kari")
    assert upload.reports == []
    assert len(upload.errors) == excel.MAX_LISTED_ERRORS + 1
    assert upload.errors[0].startswith(f"Feil i {FILE}, ark «Rapporter», rad 2, kolonne «Status»: «ferdig»")
    # one status error per row up to the limit, then one saying the file is too long; the rest are not read
    assert upload.error_count == excel.MAX_ROWS + excel.MAX_ROWS - 1 + 1  # status, and «står også i rad 2»
    assert upload.errors[-1] == f"… og {upload.error_count - excel.MAX_LISTED_ERRORS} feil til."


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(measures, monkeypatch):
    monkeypatch.setattr(excel, "load_workbook", _must_not_open)
    upload = excel.read_upload(b"PK" + b"\0" * excel.MAX_BYTES, FILE, measures, "trondheim", "Kari")
    assert upload.errors == [f"Feil i {FILE}: filen er på 5.0 MB. Forventet: høyst 5 MB."]


def _must_not_open(*args, **kwargs):
    raise AssertionError("openpyxl was asked to open a file that should have been refused")


def test_a_zip_bomb_is_refused_by_its_declared_sizes_before_openpyxl_unpacks_it(blank, measures, monkeypatch):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blank)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for entry in source.infolist():
            bomb.writestr(entry, source.read(entry.filename))
        bomb.writestr("xl/media/zeros.bin", b"\0" * (excel.MAX_UNZIPPED + 1))
    assert len(out.getvalue()) < 200_000  # small on the wire
    monkeypatch.setattr(excel, "load_workbook", _must_not_open)
    upload = excel.read_upload(out.getvalue(), FILE, measures, "trondheim", "Kari")
    assert upload.reports == [] and len(upload.errors) == 1
    assert "pakker seg ut til 50 MB" in upload.errors[0] and "høyst 50 MB utpakket" in upload.errors[0]


def test_a_comment_over_the_text_limit_is_refused(blank, measures):
    long = "x" * (excel.MAX_TEXT + 1)
    upload = excel.read_upload(filled(blank, {2: ["2026", "i rute", 40, None, long]}), FILE, measures, "t", "Kari")
    assert upload.reports == []
    assert upload.errors == [
        f"Feil i {FILE}, ark «Rapporter», rad 2, kolonne «Kommentar»: kommentaren har {excel.MAX_TEXT + 1} tegn. "
        f"Forventet: en tekst på høyst {excel.MAX_TEXT} tegn uten kontrolltegn."
    ]


@pytest.mark.parametrize("comment, ok", [("a\x00b", False), ("bell\x07", False), ("linje 1\nlinje 2\tok", True)])
def test_a_comment_with_a_control_character_is_refused(comment, ok):
    parse = excel.CELLS["Kommentar"].parse
    if ok:
        assert parse(comment) == comment
    else:
        with pytest.raises(ValueError, match="kontrolltegn"):
            parse(comment)


def test_the_server_refuses_uploads_over_the_readers_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == excel.MAX_BYTES


def test_the_app_reads_an_uploaded_file_once_however_often_the_view_reruns(blank, measures, monkeypatch):
    from ui import cached

    calls = []
    real = excel.read_upload
    monkeypatch.setattr(excel, "read_upload", lambda *args: calls.append(args[1]) or real(*args))
    content = filled(blank, {2: ["2026", "i rute", 40, None, "en gang"]})
    first = cached.upload(content, "en.xlsx", measures, "trondheim", "Kari")
    again = cached.upload(content, "en.xlsx", measures, "trondheim", "Kari")
    other = cached.upload(filled(blank, {2: ["2026", "i rute", 41, None, None]}), "en.xlsx", measures, "trondheim", "K")
    assert calls == ["en.xlsx", "en.xlsx"]  # the second call with the same content is not parsed again
    assert first.reports == again.reports and first.reports != other.reports


def test_an_unreadable_upload_names_no_exception_class_to_the_reader(measures, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="analytics.excel"):
        upload = excel.read_upload(b"not a spreadsheet", FILE, measures, "trondheim", "Kari")
    (error,) = upload.errors
    assert "BadZipFile" not in error and "Error" not in error and "Forventet: malen" in error
    assert "BadZipFile" in caplog.text  # the details go to the log
