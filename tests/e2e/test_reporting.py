"""Reporting in a real Chromium: sign-in, the report form, the Excel upload → preview → save flow, and two app
servers on two ports sharing one PostgreSQL. Editors come from a temporary secrets.toml outside the repo."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from analytics import auth, excel
from analytics.bundle import load_bundle, load_sources
from analytics.networks import goal_area_names
from analytics.store import REPORT_STATUSES, Store, sqlite_url
from tests.conftest import TODAY, new_postgres_database
from tests.e2e.conftest import ROOT, start_server, wait_until_rendered

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA = '=HYPERLINK("http://x")'
SCRIPT = "<script>alert(1)</script>"


def write_secrets(path: Path, accounts: dict[str, tuple[str, str]]) -> Path:
    """A secrets.toml at `path` with local accounts {user: (name, role or "")}, each with the password «hemmelig»."""
    digest = auth.hash_password("hemmelig", iterations=1000)  # few iterations: the tests sign in often
    path.write_text(
        "".join(
            f'[editors.{user}]\nname = "{name}"\npassword_hash = "{digest}"\n' + (f'role = "{role}"\n' if role else "")
            for user, (name, role) in accounts.items()
        ),
        encoding="utf-8",
    )
    return path


@contextlib.contextmanager
def sqlite_server(state: Path, secrets: Path):
    """A server with the accounts in `secrets` and its SQLite store in the folder `state`: (url, that store)."""
    process, url = start_server(ROOT / "data", env={"DASHBOARD_STATE_DIR": str(state)}, secrets=secrets)
    try:
        yield url, Store(sqlite_url(state / "status.sqlite"))
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor_secrets(tmp_path_factory) -> Path:
    """A secrets.toml with one local editor (kari / hemmelig), in a temporary folder, never the repo's .streamlit/."""
    return write_secrets(tmp_path_factory.mktemp("secrets") / "secrets.toml", {"kari": ("Kari Nordmann", "")})


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory, editor_secrets):
    """A server with editors and the default SQLite store; yields (url, the store it writes to)."""
    with sqlite_server(tmp_path_factory.mktemp("state"), editor_secrets) as served:
        yield served


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_server(request, tmp_path_factory, editor_secrets):
    """A server with editors on each database: the default SQLite file, then a fresh PostgreSQL database (which,
    unlike SQLite, enforces column lengths); yields (url, the store it writes to)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("editor_server")
        return
    database = new_postgres_database(request.getfixturevalue("postgres_url"))
    process, url = start_server(ROOT / "data", env={"DATABASE_URL": database}, secrets=editor_secrets)
    yield url, Store(database)
    process.terminate()
    process.wait(timeout=10)


def open_measures(page, url: str) -> None:
    page.goto(f"{url}/tiltak")
    wait_until_rendered(page)
    # the template button is the read-only part's last element: once it is there, the whole view is
    expect(page.get_by_role("button", name="Last ned Excel-mal")).to_have_count(1, timeout=30_000)


def sign_in(page, password: str) -> None:
    if not page.get_by_label("Brukernavn").is_visible():  # the expander stays open after a failed sign-in
        page.locator("summary", has_text="Logg inn for å rapportere").click()
    page.get_by_label("Brukernavn").fill("kari")
    page.get_by_label("Passord").fill(password)
    page.get_by_test_id("stForm").get_by_role("button", name="Logg inn for å rapportere").click()
    wait_until_rendered(page)


def choose(page, key: str, option: str) -> None:
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):  # a key pressed while a script run redraws the form can be lost: press again, at most 3 times
        wait_until_rendered(page)
        box.focus()
        box.press("ArrowDown")  # opens the list (a click on a filled box in a form does not, here)
        try:
            wanted.wait_for(timeout=5_000)
            break
        except PlaywrightTimeoutError:
            continue
    wanted.click()
    expect(box).to_have_value(option)


def rollup_line(page, goal_area: str):
    return page.get_by_test_id("stMarkdownContainer").filter(
        has_text=re.compile(f"^\\W*{goal_area} — ")
    )  # after the light's symbol


def cells(page, table: int = 0) -> list[str]:
    """The texts of a dataframe's cells, from the grid's accessible DOM table (the canvas has none)."""
    grid = page.get_by_test_id("stDataFrame").nth(table)
    grid.scroll_into_view_if_needed()  # the grid draws (and fills its DOM table) only once it is on screen
    grid.locator('[role="gridcell"]').first.wait_for(state="attached")  # a hidden table for screen readers
    return grid.locator('[role="gridcell"]').all_inner_texts()


def trondheim_template(fill: list[tuple]) -> tuple[bytes, dict[str, int]]:
    """The template as downloaded from the view, with rows filled in (measure id, status, progress, comment);
    returns the file and the row of each filled measure (an unknown id gets a new row at the end)."""
    sources = load_sources(ROOT / "data/sources.yml")
    bundle = load_bundle(ROOT / "data/trondheim", sources["id"], TODAY)
    content = excel.template(bundle.measures, goal_area_names(bundle.goal_areas, "nb"), "Trondheim kommune")
    book = load_workbook(io.BytesIO(content))
    sheet = book[excel.SHEET]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for measure_id, status, progress, comment in fill:
        row = rows.setdefault(measure_id, sheet.max_row + 1)
        sheet.cell(row=row, column=1).value = measure_id
        for column, value in zip(range(4, 9), ("2026-06", status, progress, None, comment), strict=True):
            sheet.cell(row=row, column=column).value = value  # a comment starting with "=" is a formula cell
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), {measure_id: rows[measure_id] for measure_id, *_ in fill}


def upload(page, name: str, content: bytes) -> None:
    uploader = page.get_by_test_id("stFileUploader").locator('input[type="file"]')
    uploader.set_input_files(files=[{"name": name, "mimeType": XLSX, "buffer": content}])
    wait_until_rendered(page)


def test_a_wrong_password_shows_an_error_and_writes_nothing(page, editor_server, outside_requests):
    url, store = editor_server
    open_measures(page, url)
    before = store.count()
    sign_in(page, "feil")
    page.get_by_text("Feil brukernavn eller passord. Ingenting er lagret.").wait_for()
    expect(page.get_by_role("button", name="Lagre rapport")).to_have_count(0)
    assert page.get_by_test_id("stFileUploader").count() == 0
    assert store.count() == before
    sign_in(page, "hemmelig")
    page.get_by_text("Innlogget som Kari Nordmann.").wait_for()
    expect(page.get_by_role("button", name="Lagre rapport")).to_have_count(1)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(1)
    assert store.count() == before
    assert outside_requests == []


def test_an_upload_is_previewed_then_saved_in_one_go_and_hostile_text_stays_text(page, store_server, outside_requests):
    url, store = store_server
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_measures(page, url)
    sign_in(page, "hemmelig")
    before = store.count()
    expect(rollup_line(page, "Vennskapsbyer")).to_have_text(
        re.compile(re.escape("Vennskapsbyer — 0 av 2 i rute eller fullført") + "$")
    )
    filled = [
        ("vennskapsbyavtaler", "i rute", 40, FORMULA),
        ("hovedstrategi-4", "fullført", 100, SCRIPT),
        ("handlingsplan", "forsinket", 10, "vanlig tekst"),
    ]
    content = trondheim_template(filled)[0]
    upload(page, "rapport.xlsx", content)
    page.get_by_text("Dette blir lagret (3 rapporter):").wait_for()
    page.get_by_role("button", name="Lagre alle 3").wait_for()  # drawn after the preview table: the table stands
    wait_until_rendered(page)
    preview = cells(page, -1)
    assert FORMULA in preview and SCRIPT in preview and "fullført" in preview
    assert store.count() == before  # a preview writes nothing
    page.get_by_role("button", name="Lagre alle 3").click()
    wait_until_rendered(page)
    page.get_by_text("3 rapporter er lagret.").wait_for()
    saved = store.reports("trondheim").tail(3)
    assert store.count() == before + 3
    assert saved["batch"].nunique() == 1  # one transaction, one batch
    by_measure = saved.set_index("measure_id")
    assert by_measure.loc["hovedstrategi-4", ["status", "progress", "comment", "reporter"]].tolist() == [
        "fullfort",
        100.0,
        SCRIPT,
        "Kari Nordmann",
    ]
    assert by_measure.loc["vennskapsbyavtaler", "comment"] == FORMULA  # kept as typed, never computed
    # the roll-up and the table follow the database
    expect(rollup_line(page, "Vennskapsbyer")).to_have_text(re.compile(r"Vennskapsbyer — 2 av 2 i rute eller fullført"))
    table = cells(page, 0)
    assert table[table.index("Handlingsplan med målbare mål") + 1].endswith(
        "forsinket"
    )  # title, then status (after its symbol)
    # the saved file is gone from the uploader: it cannot be saved twice by a second click
    expect(page.get_by_role("button", name="Lagre alle 3")).to_have_count(0)
    # hostile text is shown as text: no script ran, no element was made from it
    comments = " ".join(cells(page, 1) + cells(page, 2) + cells(page, 3))
    assert SCRIPT in comments and FORMULA in comments
    assert page.locator("script", has_text="alert(1)").count() == 0
    # the same file again: the preview warns that it was saved before, and nothing is written until confirmed
    upload(page, "rapport-igjen.xlsx", content)
    page.get_by_role("button", name="Lagre alle 3").wait_for()
    expect(page.get_by_test_id("stAlertContentWarning").filter(has_text="Denne fila ble lagret")).to_have_count(1)
    assert store.count() == before + 3
    assert dialogs == []
    assert outside_requests == []


def test_a_broken_upload_lists_every_error_by_row_and_column_and_writes_nothing(page, store_server, outside_requests):
    url, store = store_server
    open_measures(page, url)
    sign_in(page, "hemmelig")
    before = store.count()
    broken = [
        ("finnes-ikke", "i rute", 10, ""),
        ("vennskapsbyavtaler", "i rute", 150, ""),
        ("saharawi", "ferdig", 50, ""),
        ("handlingsplan", "i rute", 20, "denne raden er riktig, men lagres ikke"),
    ]
    content, rows = trondheim_template(broken)
    upload(page, "feil.xlsx", content)
    error = page.get_by_test_id("stAlertContentError")
    expect(error).to_contain_text("Filen har 3 feil. Ingenting er lagret.")
    listed = error.locator("li").all_inner_texts()
    assert listed == [
        f"Feil i feil.xlsx, ark «Rapporter», rad {row}, kolonne «{column}»: {problem} Forventet: {expected}."
        for row, column, problem, expected in sorted(
            [
                (
                    rows["finnes-ikke"],
                    "Tiltak-id",
                    "«finnes-ikke» er ikke et tiltak i malen.",
                    "en Tiltak-id fra malen",
                ),
                (rows["vennskapsbyavtaler"], "Fremdrift (%)", "«150» er ugyldig.", "et tall fra 0 til 100"),
                (
                    rows["saharawi"],
                    "Status",
                    "«ferdig» er ikke en status.",
                    "én av " + ", ".join(REPORT_STATUSES.values()),
                ),
            ]
        )
    ]
    expect(page.get_by_role("button", name=re.compile("^Lagre alle"))).to_have_count(0)
    assert store.count() == before
    assert outside_requests == []


def test_an_upload_with_many_errors_lists_the_first_twenty_and_says_how_many_more(
    page, editor_server, outside_requests
):
    url, store = editor_server
    open_measures(page, url)
    sign_in(page, "hemmelig")
    before = store.count()
    content, rows = trondheim_template([(f"finnes-ikke-{n}", "ferdig", 10, "") for n in range(30)])
    upload(page, "mange-feil.xlsx", content)
    error = page.get_by_test_id("stAlertContentError")
    expect(error).to_contain_text("Filen har 60 feil. Ingenting er lagret.")
    listed = error.locator("li").all_inner_texts()
    assert len(listed) == excel.MAX_LISTED_ERRORS + 1
    first = rows["finnes-ikke-0"]
    assert listed[0].startswith(f"Feil i mange-feil.xlsx, ark «Rapporter», rad {first}, kolonne «Tiltak-id»")
    assert listed[1].startswith(f"Feil i mange-feil.xlsx, ark «Rapporter», rad {first}, kolonne «Status»")
    assert listed[-1] == "… og 40 feil til."
    expect(page.get_by_role("button", name=re.compile("^Lagre alle"))).to_have_count(0)
    assert store.count() == before
    assert outside_requests == []


def test_two_servers_on_two_ports_share_one_postgresql(page, postgres_url, editor_secrets, outside_requests):
    database = new_postgres_database(postgres_url)
    writer, url_a = start_server(ROOT / "data", env={"DATABASE_URL": database}, secrets=editor_secrets)
    reader, url_b = start_server(ROOT / "data", env={"DATABASE_URL": database})
    try:
        assert url_a != url_b
        open_measures(page, url_b)
        expect(rollup_line(page, "Uten målområde")).to_have_text(
            re.compile(re.escape("Uten målområde — 0 av 6 i rute eller fullført") + "$")
        )
        open_measures(page, url_a)
        sign_in(page, "hemmelig")
        page.get_by_text("Innlogget som Kari Nordmann.").wait_for()
        choose(page, "report_measure", "Handlingsplan med målbare mål")
        page.locator(".st-key-report_period input").fill("2026-06")
        choose(page, "report_status", "fullført")
        page.locator(".st-key-report_progress input").fill("100")
        page.locator(".st-key-report_comment textarea").fill("levert til bystyret")
        page.get_by_role("button", name="Lagre rapport").click()
        wait_until_rendered(page)
        page.get_by_text("Rapporten er lagret.").wait_for()
        open_measures(page, url_b)  # server B, which never saw the form
        expect(rollup_line(page, "Uten målområde")).to_have_text(
            re.compile(re.escape("Uten målområde — 1 av 6 i rute eller fullført") + "$")
        )
        table = cells(page, 0)
        assert table[table.index("Handlingsplan med målbare mål") + 1].endswith(
            "fullført"
        )  # title, then status (after its symbol)
        stored = Store(database).reports("trondheim")
        assert stored[["measure_id", "period", "status", "progress", "reporter"]].values.tolist() == [
            ["handlingsplan", "2026-06", "fullfort", 100.0, "Kari Nordmann"]
        ]
        assert outside_requests == []
    finally:
        for process in (writer, reader):
            process.terminate()
            process.wait(timeout=10)
