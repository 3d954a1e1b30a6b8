"""The handlingsplan in a real Chromium: a plan owner writes and adopts a measure that a reporter reports on and a
visitor then sees; the Excel round trip; two plan owners on two servers sharing one PostgreSQL; hostile text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from analytics import plan, plan_excel
from analytics.store import PlanChange, Store
from tests.conftest import new_postgres_database
from tests.e2e.conftest import LOOPBACK, ROOT, guard_requests, start_server, wait_until_rendered
from tests.e2e.test_reporting import XLSX, cells, choose, rollup_line, sqlite_server, write_secrets

HOSTILE = {
    "title_nb": "<img src=x onerror=alert(1)>Fiendtlig tittel",
    "title_en": "[lenke](http://example.com) **fet**",
    "description_nb": "<script>alert(2)</script>",
    "description_en": '=HYPERLINK("http://x","klikk")',
    "responsible": "+1+1",
    "plan_period": "@SUM(A1)",
    "indicator_unit": "<b>enheter</b>",
    "decision_organ": "-2+3",
    "decision_case": "[sak](javascript:alert(3))",
}


@pytest.fixture(scope="module")
def plan_secrets(tmp_path_factory) -> Path:
    """Two plan owners (kari, per) and a reporter (ola), password «hemmelig», outside the repo."""
    accounts = {
        "kari": ("Kari Planeier", "planeier"),
        "per": ("Per Planeier", "planeier"),
        "ola": ("Ola Rapportør", ""),
    }
    return write_secrets(tmp_path_factory.mktemp("secrets") / "secrets.toml", accounts)


@pytest.fixture(scope="module")
def plan_server(tmp_path_factory, plan_secrets):
    with sqlite_server(tmp_path_factory.mktemp("state"), plan_secrets) as served:
        yield served


def open_measures(page, url: str) -> None:
    page.goto(url if "/tiltak" in url else f"{url}/tiltak")
    wait_until_rendered(page)
    expect(page.get_by_role("button", name="Last ned Excel-mal")).to_have_count(1, timeout=30_000)


def sign_in(page, user: str) -> None:
    page.locator("summary", has_text="Logg inn for å rapportere").click()
    page.get_by_label("Brukernavn").fill(user)
    page.get_by_label("Passord").fill("hemmelig")
    page.get_by_test_id("stForm").get_by_role("button", name="Logg inn for å rapportere").click()
    wait_until_rendered(page)
    page.get_by_text(re.compile(r"^Innlogget som ")).wait_for()


def fill(page, field: str, value: str) -> None:
    box = page.locator(f".st-key-plan_f_{field}").locator("input, textarea").first
    box.fill(value)


def save_plan(page) -> None:
    page.get_by_role("button", name="Lagre endringen").click()
    wait_until_rendered(page)


def until(page, condition) -> None:
    """Poll a condition (on the database) until it holds, at most 30 s; the test fails if it never does."""
    for _ in range(300):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the condition never held")


def upload(page, name: str, content: bytes) -> None:
    """Into the plan's uploader (the report template has its own)."""
    uploader = page.locator('[class*="st-key-plan_upload_"] input[type="file"]')
    uploader.set_input_files(files=[{"name": name, "mimeType": XLSX, "buffer": content}])
    wait_until_rendered(page)


OUTSIDE: list[list[str]] = []  # what each new_page's guard aborted; every test asserts all are empty


def new_page(browser):
    """A page in a context of its own (its own session), with every non-loopback request aborted and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nb-NO")
    OUTSIDE.append(guard_requests(context, LOOPBACK))
    return context.new_page()


def expect_in_history(page, values) -> None:
    """Each value stands in a cell of the measure's change history (the grid fills its accessible table for the
    rows on screen, so the history is brought to the top of the screen and each cell waited for)."""
    grid = page.locator(".st-key-plan_history").get_by_test_id("stDataFrame")
    grid.evaluate("e => e.scrollIntoView({block: 'start'})")
    for value in values:
        expect(grid.locator('[role="gridcell"]').filter(has_text=value).first).to_have_text(value)


def test_owner_writes_and_adopts_reporter_reports_visitor_sees_it(browser, plan_server, outside_requests):
    url, store = plan_server
    owner = new_page(browser)
    open_measures(owner, url)
    sign_in(owner, "kari")
    fill(owner, "id", "flere-utvekslinger")
    fill(owner, "title_nb", "Flere ungdomsutvekslinger")
    fill(owner, "title_en", "More youth exchanges")
    choose(owner, "plan_f_goal_area_id", "Vennskapsbyer")
    fill(owner, "responsible", "Internasjonalt kontor")
    fill(owner, "indicator_unit", "utvekslinger")
    fill(owner, "indicator_baseline", "4")
    fill(owner, "indicator_target", "12")
    choose(owner, "plan_f_indicator_direction", "opp (høyere er bedre)")
    save_plan(owner)
    owner.get_by_text("Revisjon 1 av «Flere ungdomsutvekslinger» er lagret.").wait_for()
    # a visitor (this test's own page, never signed in) does not see the draft, on Tiltak or on Oversikt
    page = new_page(browser)
    open_measures(page, url)
    assert "Flere ungdomsutvekslinger" not in cells(page, 0) and "Handlingsplan med målbare mål" in cells(page, 0)
    page.goto(url)
    wait_until_rendered(page)
    expect(rollup_line(page, "Vennskapsbyer")).to_have_text(re.compile("Vennskapsbyer — 0 av 2 "))
    # the owner adopts it on the source of the decision
    choose(owner, "plan_f_state", "vedtatt")
    choose(owner, "plan_f_decision_source", "tk-bystyret-sak-87-19")
    save_plan(owner)
    owner.get_by_text("Revisjon 2 av «Flere ungdomsutvekslinger» er lagret.").wait_for()
    # a reporter reports two indicator values
    reporter = new_page(browser)
    open_measures(reporter, url)
    sign_in(reporter, "ola")
    expect(reporter.get_by_text(re.compile("rollen planeier"))).to_have_count(1)

    def reported() -> int:
        return int(store.reports("trondheim")["measure_id"].eq("flere-utvekslinger").sum())

    for number, (period, value, status) in enumerate((("2025", "6", "i rute"), ("2026-06", "9", "i rute")), 1):
        choose(reporter, "report_measure", "Flere ungdomsutvekslinger")
        reporter.locator(".st-key-report_period input").fill(period)
        choose(reporter, "report_status", status)
        reporter.locator(".st-key-report_indicator input").fill(value)
        reporter.get_by_role("button", name="Lagre rapport").click()
        wait_until_rendered(reporter)
        reporter.get_by_text("Rapporten er lagret.").wait_for()
        until(reporter, lambda n=number: reported() == n)  # the same message stands after each save: ask the store
    saved = store.reports("trondheim")
    mine = saved[saved["measure_id"] == "flere-utvekslinger"]
    assert mine[["period", "indicator_value", "reporter"]].values.tolist() == [
        ["2025", 6.0, "Ola Rapportør"],
        ["2026-06", 9.0, "Ola Rapportør"],
    ]
    # the visitor now sees it, adopted and reported, on Tiltak and Oversikt
    open_measures(page, url)
    table = cells(page, 0)
    at = table.index("Flere ungdomsutvekslinger")  # title, then status (after its symbol)
    assert table[at + 1].endswith("i rute")
    page.goto(url)
    wait_until_rendered(page)
    expect(rollup_line(page, "Vennskapsbyer")).to_have_text(re.compile("Vennskapsbyer — 1 av 3 i rute"))
    assert outside_requests == [] and all(found == [] for found in OUTSIDE)


def download_plan(page) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned handlingsplanen (Excel)").click()
    return Path(download.value.path()).read_bytes()


def grid_after(page, text: str) -> int:
    """The number of the first dataframe on the page that comes after the paragraph starting with `text`."""
    return page.evaluate(
        """text => {
            const mark = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
                .find(e => e.innerText.startsWith(text));
            const grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
            return grids.findIndex(g => mark.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        text,
    )


def test_the_excel_round_trip_saves_exactly_the_five_changes_and_a_bad_row_saves_nothing(
    page, plan_server, outside_requests
):
    url, store = plan_server
    open_measures(page, url)
    sign_in(page, "kari")
    book = load_workbook(io.BytesIO(download_plan(page)))
    sheet = book[plan_excel.SHEET]
    column = {name: i + 1 for i, name in enumerate(plan_excel.HEADER)}
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows["handlingsplan"], column["Frist"]).value = "2026-12-31"
    sheet.cell(rows["vennskapsbyavtaler"], column["Ansvarlig enhet"]).value = "Kulturenheten"
    sheet.cell(rows["teknologihovedstad"], column["Indikator: enhet"]).value = "prosjekter"
    sheet.cell(rows["teknologihovedstad"], column["Indikator: mål"]).value = 5
    sheet.cell(rows["teknologihovedstad"], column["Indikator: retning"]).value = "opp"
    sheet.cell(rows["baerekraft-klima"], column["Tilstand"]).value = "avsluttet"
    new = sheet.max_row + 1
    for name, value in {"Tiltak-id": "ny-fra-excel", "Type": "tiltak", "Tittel (bokmål)": "Nytt fra Excel"}.items():
        sheet.cell(new, column[name]).value = value
    sheet.cell(new, column["Tilstand"]).value = "utkast"
    out = io.BytesIO()
    book.save(out)
    before = len(store.plan_revisions())
    upload(page, "plan.xlsx", out.getvalue())
    page.get_by_text("Dette blir lagret (1 nye, 3 endrede, 1 avsluttede eller trukne tiltak):").wait_for()
    page.get_by_role("button", name="Lagre alle 5 endringer").wait_for()
    wait_until_rendered(page)
    preview = cells(page, grid_after(page, "Dette blir lagret"))
    assert preview[::4] == ["endret", "endret", "avsluttet", "endret", "ny"]
    assert preview[1::4] == [
        "handlingsplan",
        "vennskapsbyavtaler",
        "baerekraft-klima",
        "teknologihovedstad",
        "ny-fra-excel",
    ]
    assert len(store.plan_revisions()) == before  # a preview writes nothing
    page.get_by_role("button", name="Lagre alle 5 endringer").click()
    wait_until_rendered(page)
    page.get_by_text("5 endringer i handlingsplanen er lagret som nye revisjoner.").wait_for()
    saved = store.plan_revisions("trondheim").iloc[before:]
    assert sorted(saved["measure_id"]) == sorted(
        ["handlingsplan", "vennskapsbyavtaler", "baerekraft-klima", "teknologihovedstad", "ny-fra-excel"]
    )
    assert saved["batch"].nunique() == 1 and set(saved["author"]) == {"Kari Planeier"}
    # 200 rows, one of them bad: nothing is written, and the message names the row and the column
    book = load_workbook(io.BytesIO(download_plan(page)))
    sheet = book[plan_excel.SHEET]
    first = sheet.max_row + 1
    for offset in range(200 - (first - 2)):
        for name, value in {"Tiltak-id": f"masse-{offset}", "Type": "tiltak", "Tittel (bokmål)": f"M {offset}"}.items():
            sheet.cell(first + offset, column[name]).value = value
        sheet.cell(first + offset, column["Tilstand"]).value = "utkast"
    assert sheet.max_row == 201
    sheet.cell(first + 150, column["Indikator: år for mål"]).value = "snart"
    out = io.BytesIO()
    book.save(out)
    before = len(store.plan_revisions())
    upload(page, "plan200.xlsx", out.getvalue())
    error = page.get_by_test_id("stAlertContentError")
    expect(error).to_contain_text("Filen har 1 feil. Ingenting er lagret.")
    assert error.locator("li").all_inner_texts() == [
        f"Feil i plan200.xlsx, ark «Handlingsplan», rad {first + 150}, kolonne «Indikator: år for mål»: «snart» er "
        "ikke et årstall. Forventet: et årstall mellom 1900 og 2100."
    ]
    expect(page.get_by_role("button", name=re.compile("^Lagre alle"))).to_have_count(0)
    assert len(store.plan_revisions()) == before
    assert outside_requests == []


def test_hostile_text_in_every_new_field_stays_text_in_the_view_and_the_download(page, plan_server, outside_requests):
    url, store = plan_server
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    content = plan.content_of(
        {**HOSTILE, "kind": "tiltak", "state": "vedtatt", "decision_source": "tk-bystyret-sak-87-19",
         "indicator_target": 10.0, "indicator_direction": "opp", "goal_area_id": "vennskapsby"}
    )  # fmt: skip
    store.add_plan_changes([PlanChange("trondheim", "fiendtlig", 0, content, "<i>Mallory</i>")])
    open_measures(page, f"{url}/tiltak?measures_goal=Vennskapsbyer")  # a short table: every row is drawn
    table = cells(page, 0)
    assert HOSTILE["title_nb"] in table  # the first columns (the grid draws the columns on screen)
    choose(page, "measure", HOSTILE["title_nb"])
    wait_until_rendered(page)
    expect_in_history(page, [*HOSTILE.values(), "<i>Mallory</i>"])
    assert page.locator("img[src=x]").count() == 0 and page.locator("script", has_text="alert(2)").count() == 0
    assert page.locator("a", has_text="lenke").count() == 0 and page.locator("a", has_text="sak").count() == 0
    book = load_workbook(io.BytesIO(download_plan(page)))
    sheet = book[plan_excel.SHEET]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "fiendtlig")
    for name, value in HOSTILE.items():
        cell = sheet.cell(row, plan_excel.HEADER.index(plan.FIELD_LABELS[name][0]) + 1)
        assert (cell.value, cell.data_type) == (value, "s")
    assert dialogs == []
    assert outside_requests == []


def test_two_owners_on_two_servers_one_save_wins_the_other_is_refused_and_nothing_is_lost(
    browser, postgres_url, plan_secrets
):
    database = new_postgres_database(postgres_url)
    first, url_a = start_server(ROOT / "data", env={"DATABASE_URL": database}, secrets=plan_secrets)
    second, url_b = start_server(ROOT / "data", env={"DATABASE_URL": database}, secrets=plan_secrets)
    pages = [new_page(browser) for _ in "ab"]
    try:
        for page, url, user in ((pages[0], url_a, "kari"), (pages[1], url_b, "per")):
            open_measures(page, url)
            sign_in(page, user)
            choose(page, "plan_choice", "Sak om innholdet i hver vennskapsbyavtale (vennskapsbyavtaler)")
            page.get_by_text("Du endrer tiltaket slik det står i datafilen (revisjon 0).").wait_for()
            wait_until_rendered(page)  # the form is drawn for the chosen measure before anything is typed
        kari, per = pages
        fill(kari, "responsible", "Kulturenheten")
        fill(per, "plan_period", "2025–2026")
        expect(per.locator(".st-key-plan_f_plan_period input")).to_have_value("2025–2026")
        save_plan(kari)
        kari.get_by_text("Revisjon 1 av «Sak om innholdet i hver vennskapsbyavtale» er lagret.").wait_for()
        save_plan(per)
        refusal = per.get_by_test_id("stAlertContentError")
        expect(refusal).to_contain_text("ble endret av Kari Planeier")
        expect(refusal).to_contain_text("Endret i mellomtiden: Ansvarlig enhet.")
        expect(per.locator(".st-key-plan_f_plan_period input")).to_have_value("2025–2026")  # still in the form
        assert Store(database).plan_revisions()["author"].tolist() == ["Kari Planeier"]
        per.get_by_role("button", name="Last inn nyeste versjon (forkaster skjemaet)").click()
        wait_until_rendered(per)
        per.get_by_text("Du endrer revisjon 1 (Kari Planeier).").wait_for()  # the form is drawn from revision 1
        expect(per.locator(".st-key-plan_f_responsible input")).to_have_value("Kulturenheten")
        fill(per, "plan_period", "2025–2026")
        save_plan(per)
        per.get_by_text("Revisjon 2 av «Sak om innholdet i hver vennskapsbyavtale» er lagret.").wait_for()
        # both revisions in the history, read on the other server
        open_measures(kari, url_a)
        choose(kari, "measure", "Sak om innholdet i hver vennskapsbyavtale")
        wait_until_rendered(kari)
        expect_in_history(kari, ["Kulturenheten", "2025–2026", "Kari Planeier", "Per Planeier"])
        assert all(found == [] for found in OUTSIDE)
    finally:
        for process in (first, second):
            process.terminate()
            process.wait(timeout=10)
