"""The plan followed up, in Chromium: the Word download opens as the adopted plan, the reminder's «open as e-mail»
link is a mailto: with the reminder text, and demo mode draws an indicator chart."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import docx
import pytest
from playwright.sync_api import expect

from analytics.bundle import load_bundle, load_sources
from tests.conftest import TODAY
from tests.e2e.conftest import ROOT, start_server, wait_until_rendered
from tests.e2e.test_committee import serious_violations
from tests.e2e.test_reporting import choose, open_measures


@pytest.fixture(scope="module")
def demo_server():
    process, url = start_server(ROOT / "data", env={"DASHBOARD_DEMO": "1"})
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_the_word_download_is_the_adopted_plan(page, server, outside_requests, tmp_path):
    open_measures(page, server)
    with page.expect_download() as started:
        page.get_by_role("button", name="Last ned handlingsplanen (Word)").click()
    download = started.value
    assert download.suggested_filename.startswith("handlingsplan-trondheim-") and download.suggested_filename.endswith(
        ".docx"
    )
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = docx.Document(saved)
    text = "\n".join(p.text for p in document.paragraphs)
    measures = load_bundle(ROOT / "data/trondheim", load_sources(ROOT / "data/sources.yml")["id"], TODAY).measures
    assert all(title in text for title in measures["title_nb"])
    owners = [row.cells[1].text for table in document.tables for row in table.rows if row.cells[0].text == "Ansvarlig"]
    assert sorted(owners) == sorted(measures["responsible"].replace("", "–"))
    assert "Strategiperioden 2019–2022 er over. 13 tiltak har ingen sluttrapport." in page.inner_text("body")
    assert outside_requests == []


def test_the_pdf_is_made_on_request_and_downloads_as_a_pdf(page, server, outside_requests, tmp_path):
    open_measures(page, server)
    page.get_by_role("button", name="Lag PDF av handlingsplanen").click()
    wait_until_rendered(page)
    button = page.get_by_role("button", name="Last ned handlingsplanen (PDF)")
    expect(button).to_have_count(1, timeout=60_000)
    with page.expect_download() as started:
        button.click()
    download = started.value
    assert download.suggested_filename.startswith("handlingsplan-trondheim-") and download.suggested_filename.endswith(
        ".pdf"
    )
    saved = tmp_path / "plan.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF") and saved.stat().st_size > 10_000
    assert outside_requests == []


def test_the_reminder_link_is_a_mailto_with_the_reminder_and_no_invented_address(page, server, outside_requests):
    open_measures(page, server)
    unit = page.locator("summary", has_text="Rådmannen: ")
    unit.click()
    link = page.get_by_role("link", name="Åpne som e-post").first
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == ""  # no recipient: the data has no address
    query = parse_qs(parts.query)
    assert query["subject"] == ["Påminnelse: sluttrapport – Trondheim kommune"]
    body = query["body"][0]
    assert body.startswith("Hei, Rådmannen\r\n\r\nFølgende ") and "mangler sluttrapport:" in body
    shown = page.get_by_test_id("stCode").first.inner_text()
    assert body.replace("\r\n", "\n").strip() == shown.strip()
    assert outside_requests == []


@pytest.mark.parametrize(
    ("lang", "query", "word", "title"),
    [
        ("nb", "", "bak den rette linjen", "FNs bærekraftsmål og klimamålene i handlingsplanen"),
        ("en", "?lang=English", "behind", "The UN SDGs and the climate goals in the action plan"),
    ],
)
def test_in_demo_mode_a_measure_with_an_example_indicator_shows_its_chart(
    page, demo_server, outside_requests, lang, query, word, title
):
    page.goto(f"{demo_server}/tiltak{query}")
    wait_until_rendered(page)
    choose(page, "measure", title)  # the picker names measures in the reader's language
    wait_until_rendered(page)
    chart = page.locator(".js-plotly-plot").filter(has_text="(eksempel)")
    expect(chart).to_have_count(1, timeout=30_000)
    expect(page.get_by_text(word, exact=False).first).to_be_visible()
    assert outside_requests == []


@pytest.mark.parametrize("view", ["", "tiltak"])
def test_the_follow_up_blocks_in_demo_mode_have_no_serious_accessibility_violation(page, demo_server, axe_script, view):
    page.goto(f"{demo_server}/{view}")
    wait_until_rendered(page)
    page.get_by_text("Programmet kjører uten internett.").wait_for(state="attached")
    if view == "tiltak":  # the blocks that are closed by default are looked at open
        page.locator("summary").filter(has_text="Rådmannen").click()
        page.locator("summary").filter(has_text="Sluttrapport per målområde").click()
        choose(page, "measure", "FNs bærekraftsmål og klimamålene i handlingsplanen")
        expect(page.locator(".js-plotly-plot").filter(has_text="(eksempel)")).to_have_count(1, timeout=30_000)
        wait_until_rendered(page)  # elements of a run in progress are faded, which axe would read as low contrast
    else:
        expect(page.get_by_role("heading", name="Målbare mål")).to_have_count(1)
    assert serious_violations(page, axe_script) == []
