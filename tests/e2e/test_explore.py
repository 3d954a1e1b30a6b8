"""Utforsk in a real Chromium: the issue's five questions answered by opening a link, the sidebar search landing on
the right record, and the CSV and Excel downloads holding the rows shown."""

from __future__ import annotations

import csv
import io
import re
import shutil
from urllib.parse import urlencode

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, start_server, wait_until_rendered

# Three measures get an owner and a due date (the shipped data has neither), so that question 4 has an answer.
MEASURE_CHANGES = {0: ("Kultur", "2026-06-30"), 1: ("Kultur", "2025-12-31"), 2: ("Byutvikling", "2026-03-01")}


@pytest.fixture(scope="module")
def explore_server(tmp_path_factory):
    target = tmp_path_factory.mktemp("explore") / "data"
    shutil.copytree(ROOT / "data", target)
    path = target / "trondheim/measures.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for number, (responsible, due) in MEASURE_CHANGES.items():
        rows[number]["responsible"], rows[number]["due"] = responsible, due
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    process, url = start_server(target)
    yield url, rows
    process.terminate()
    process.wait(timeout=10)


def opened(page, url: str, params: list[tuple[str, str]]):
    page.goto(f"{url}/utforsk?" + urlencode(params))
    wait_until_rendered(page)
    page.get_by_text("Programmet kjører uten internett.").wait_for(state="attached")


def cells(page, table: int = 0) -> list[str]:
    """The texts of a dataframe's cells, from the grid's accessible DOM table (the canvas has none)."""
    grid = page.get_by_test_id("stDataFrame").nth(table)
    grid.scroll_into_view_if_needed()  # the grid fills its DOM table only once it is on screen
    grid.locator('[role="gridcell"]').first.wait_for(state="attached")
    return grid.locator('[role="gridcell"]').all_inner_texts()


QUESTIONS = {
    "networks in målområde 2 with a European scope": (
        [
            ("table", "Nettverk og målområder"),
            ("facet_networks_goal_area", "2 · EU-prosjekter"),
            ("facet_networks_scope", "europeisk"),
        ],
        "4 av 32 rader",
        0,
        ["EUniverCities Network", "POLIS", "europeisk", "2 · EU-prosjekter"],
    ),
    "sources published by SSB": (
        [
            ("table", "Kilder"),
            ("facet_sources_publisher", "Statistisk sentralbyrå (SSB)"),
            ("facet_sources_publisher", "Statistics Norway (SSB)"),
            ("facet_sources_publisher", "Statistisk sentralbyrå (SSB), Statistikkbanken, hentet med PxWebApi v2"),
        ],
        "9 av 69 rader",
        0,
        ["ssb-09817", "ssb-innvbef-2011-tab10", "ssb-innvbef-2021"],  # ids: the first column is always on screen
    ),
    "partner cities by country and agreement type": (
        [("table", "Vennskapsbyer"), ("by_partners", "Land"), ("then_partners", "Avtaletype")],
        "15 av 15 rader",
        1,
        ["Polen", "Intensjonsavtale", "Eritrea", "MoU / solidaritet"],
    ),
    "measures owned by Kultur due in 2026": (
        [
            ("table", "Tiltak med siste rapport"),
            ("facet_measures_responsible", "Kultur"),
            ("range_measures_due_year", "2026"),
            ("range_measures_due_year", "2026"),
        ],
        "1 av 13 rader",
        0,
        ["handlingsplan", "Kultur"],  # of the two Kultur measures, the one due in 2026
    ),
    "Trøndelag's country backgrounds in 2023, sorted": (
        [
            ("org", "Trøndelag fylkeskommune"),
            ("table", "Befolkningstall"),
            ("range_population_year", "2023"),
            ("range_population_year", "2023"),
            ("by_population", "Landbakgrunn"),
            ("agg_population", "Sum"),
            ("of_population", "Verdi"),
        ],
        "8 av 16 rader",  # 2023 of Trøndelag's 16 population rows
        1,
        ["Polen", "7255", "Syria", "3741", "Litauen", "3198", "Ukraina", "3021"],  # the grid's DOM: raw numbers
    ),
}


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_a_link_reopens_the_answer_to_each_question(page, explore_server, outside_requests, question):
    url, _ = explore_server
    params, rows, table, expected = QUESTIONS[question]
    opened(page, url, params)
    page.get_by_text(rows, exact=True).wait_for()
    shown = cells(page, table)
    found = [value for value in expected if value in shown]
    assert found == expected
    if question.startswith("Trøndelag"):  # largest first
        numbers = [shown.index(value) for value in expected[1::2]]
        assert numbers == sorted(numbers)
    assert not page.get_by_test_id("stException").count()
    assert outside_requests == []


SEARCHES = [
    ("krakow", "Kraków – Vennskapsby · Trondheim kommune", "Vennskapsbyer og samarbeidsavtaler", "Kraków – Polen"),
    (
        "icorn",
        "ICORN – International Cities of Refuge Network – Nettverk · Trondheim kommune",
        "Internasjonale nettverk",
        "ICORN – International Cities of Refuge Network",
    ),
    (
        "helse",
        "WHO:n Euroopan Healthy Cities – Nettverk · Kuopion kaupunki (Kuopio)",
        "Internasjonale nettverk",
        "WHO:n Euroopan Healthy Cities",
    ),
]


@pytest.mark.parametrize(("query", "hit", "view", "record"), SEARCHES)
def test_the_sidebar_search_lands_on_the_record(page, explore_server, outside_requests, query, hit, view, record):
    url, _ = explore_server
    opened(page, url, [])
    box = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Søk i alle organisasjoner")
    box.fill(query)
    box.press("Enter")
    link = page.get_by_test_id("stSidebar").get_by_role("link", name=hit, exact=True)
    link.click()
    wait_until_rendered(page)
    main = page.get_by_test_id("stMainBlockContainer")
    expect(main.get_by_role("heading", level=1).first).to_have_text(view)
    expect(main.get_by_role("heading", name=record, exact=True)).to_have_count(1)
    if "Kuopio" in hit:
        organisation = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Organisasjon")
        expect(organisation).to_have_value("Kuopion kaupunki (Kuopio)")
    assert outside_requests == []


def test_the_downloads_hold_the_rows_shown_and_the_excel_file_its_sources(page, explore_server, outside_requests):
    url, _ = explore_server
    params, rows, *_ = QUESTIONS["Trøndelag's country backgrounds in 2023, sorted"]
    opened(page, url, params)
    page.get_by_text(rows, exact=True).wait_for()
    with page.expect_download() as caught:
        page.locator(".st-key-rows_population_downloads").get_by_role("button", name="Last ned CSV").click()
    assert caught.value.suggested_filename == "trondelag-population.csv"
    text = caught.value.path().read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0][:3] == ["Region", "År", "Mål (tall)"] and len(lines) == 1 + 8
    with page.expect_download() as caught:
        page.locator(".st-key-result_population_downloads").get_by_role("button", name="Last ned Excel").click()
    assert caught.value.suggested_filename == "trondelag-population-gruppert.xlsx"
    book = load_workbook(io.BytesIO(caught.value.path().read_bytes()))  # the saved file has no extension
    assert book.sheetnames == ["Data", "Kilder"]
    data = list(book["Data"].values)
    assert data[0] == ("Landbakgrunn", "Sum: Verdi") and data[1] == ("Polen", 7255)
    assert len(data) == 5
    sources = list(book["Kilder"].values)
    assert sources[1][0] == "trondelagitall-trondere" and sources[1][2]  # with its publisher
    assert outside_requests == []


def test_the_sql_box_answers_and_refuses_a_file_in_the_browser(page, explore_server, outside_requests):
    url, _ = explore_server
    opened(page, url, [("sql", "select name, since_year from partners where since_year < 1950 order by name")])
    shown = cells(page, -1)  # the SQL result, below the table of the chosen table
    assert "Kópavogur" in shown and "Graz" not in shown
    opened(page, url, [("sql", "select * from read_csv('/etc/passwd')")])
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("lese eller skrive en fil")
    expect(page.get_by_text("root:")).to_have_count(0)
    assert outside_requests == []


def test_grouping_by_country_draws_the_map_and_puts_it_in_the_link(page, explore_server, outside_requests):
    url, _ = explore_server
    opened(page, url, [("table", "Vennskapsbyer")])
    box = page.locator(".st-key-by_partners").get_by_role("combobox")
    box.focus()
    box.press("ArrowDown")  # opens the list of columns
    page.get_by_role("option", name="Land", exact=True).click()
    expect(box).to_have_value("Land")
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart).to_contain_text("Antall etter Land", timeout=30_000)  # the rerun after the choice
    wait_until_rendered(page)
    traces = chart.locator(".js-plotly-plot").evaluate("plot => plot.data.map(trace => trace.hovertext || null)")
    places = {text.split(":")[0] for text in traces[1]}
    assert {"Polen", "Tyskland", "Færøyene", "Eritrea"} <= places and traces[0] is None  # the land under them
    expect(page).to_have_url(re.compile("by_partners=Land"))
    page.goto(page.url)  # the link reopens the map
    wait_until_rendered(page)
    expect(page.get_by_test_id("stPlotlyChart").first).to_contain_text("Antall etter Land", timeout=30_000)
    assert outside_requests == []
