"""The committee room in a real browser: links reproduce a view, slides turn by keyboard, every view passes axe-core
(WCAG 2.1 AA, no serious or critical violation) and the main flows work by keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_until_rendered

VIEWS = [
    "",
    "vennskapsbyer",
    "nettverk",
    "tiltak",
    "befolkning",
    "presentasjon",
    "presentasjon?present=true",
    "utforsk",
    "utforsk?table=Befolkningstall&by_population=%C3%85r&search=krakow",  # the builder's chart, search hits
    "om-dataene",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page, axe_script) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 AA violations of the page as it stands, one line each."""
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`);
        }""",
        WCAG,
    )


def heading(page, level: int = 1):
    return page.get_by_test_id("stMainBlockContainer").get_by_role("heading", level=level)


def slide_heading(page):
    """The slide's title: the last h1 (the set-up's title above it is hidden while presenting)."""
    return page.get_by_test_id("stMainBlockContainer").locator("h1").last


def test_a_copied_link_opens_the_same_year_city_language_and_organisation(page, context, server, outside_requests):
    page.goto(f"{server}/vennskapsbyer?lang=English")
    wait_until_rendered(page)
    slider = page.get_by_role("slider")
    slider.focus()
    slider.press("Home")
    wait_until_rendered(page)
    expect(page.get_by_text("1 of 15 agreements had begun by 1945.")).to_have_count(1)
    chooser = page.get_by_test_id("stSelectbox").filter(has_text="Choose a city")
    chooser.click()
    chooser.locator("input").fill("Vallejo")
    page.get_by_role("option", name="Vallejo").click()
    wait_until_rendered(page)
    page.get_by_role("heading", name=re.compile("^Vallejo")).wait_for()
    expect(page).to_have_url(re.compile(r"year=1945"))
    link = page.url
    assert "lang=English" in link and "city=Vallejo" in link

    fresh = context.new_page()
    fresh.goto(link)
    wait_until_rendered(fresh)
    expect(fresh.get_by_text("1 of 15 agreements had begun by 1945.")).to_have_count(1)
    assert fresh.get_by_role("slider").get_attribute("aria-valuetext") == "1945"
    fresh.get_by_role("heading", name=re.compile("^Vallejo")).wait_for()
    assert heading(fresh).first.inner_text() == "Twin cities and cooperation agreements"
    assert outside_requests == []


def test_a_link_to_another_organisation_and_its_filters_opens_them(page, server, outside_requests):
    page.goto(f"{server}/tiltak?org=NTNU&measures_status=ikke+rapportert")
    wait_until_rendered(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("combobox", name="Organisasjon")).to_have_value("NTNU")
    status_filter = page.get_by_test_id("stMultiSelect").filter(has_text="Status")
    expect(status_filter).to_contain_text("ikke rapportert")
    # a switch of view keeps the organisation (it is in the link of every view)
    sidebar.get_by_role("link", name="Oversikt").click()
    wait_until_rendered(page)
    expect(heading(page).first).to_have_text("NTNUs internasjonale handlingsplan 2018–2021")
    assert "org=NTNU" in page.url
    assert outside_requests == []


def press(page, key: str) -> None:
    """Press a key once the script run has finished and the slide's buttons stand (a key pressed mid-run is lost)."""
    wait_until_rendered(page)
    page.locator(".st-key-slide_next button").wait_for()
    page.keyboard.press(key)


def test_slides_turn_with_the_arrow_keys_each_with_its_own_link_and_esc_leaves(page, context, server, outside_requests):
    page.goto(f"{server}/presentasjon?present=true")
    wait_until_rendered(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(slide_heading(page)).to_have_text("Internasjonal strategi Trondheim kommune 2019–2022")
    press(page, "ArrowRight")
    expect(slide_heading(page)).to_have_text("Vennskapsbyer og samarbeidsavtaler")
    # the slide map is drawn when the slide opens (once it was still blank 3 s after the key press): its arcs,
    # dots and labels are on the page within expect's 5 s
    expect(page.get_by_test_id("stPlotlyChart").locator(".scatterlayer .trace").first).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").locator("text", has_text="Klaksvík")).to_have_count(1)
    press(page, "ArrowRight")
    expect(slide_heading(page)).to_have_text("Antall nettverk per målområde")
    expect(page).to_have_url(re.compile(r"slide=3"))
    press(page, "ArrowLeft")
    expect(slide_heading(page)).to_have_text("Vennskapsbyer og samarbeidsavtaler")
    expect(page).to_have_url(re.compile(r"slide=2"))
    # each slide keeps its source line and the date of its data (the sources' years), never today's date
    expect(page.get_by_text(re.compile(r"^Kilder: .* · Kilder datert \d{4}(–\d{4})?$"))).to_have_count(1)

    shared = context.new_page()
    shared.goto(page.url)
    wait_until_rendered(shared)
    expect(slide_heading(shared)).to_have_text("Vennskapsbyer og samarbeidsavtaler")
    expect(shared.get_by_test_id("stSidebar")).to_be_hidden()

    press(page, "Escape")
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    expect(heading(page).first).to_have_text("Presentasjon for møtet")
    assert outside_requests == []


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_has_no_serious_or_critical_accessibility_violation(page, server, axe_script, view):
    page.goto(f"{server}/{view}")
    wait_until_rendered(page)
    heading(page).first.wait_for()
    # the footer is drawn after the view: once it is there, the whole view is (hidden while presenting)
    page.get_by_text("Programmet kjører uten internett.").wait_for(state="attached")
    assert serious_violations(page, axe_script) == []


@pytest.mark.parametrize("slide", [2, 5])  # the map and the population chart: the tallest slides
def test_the_slide_buttons_stay_on_a_1400x900_screen_while_presenting(page, server, outside_requests, slide):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server}/presentasjon?present=true&slide={slide}")
    wait_until_rendered(page)
    for name in ("Forrige", "Neste", "Avslutt"):
        button = page.get_by_role("button", name=re.compile(name))
        expect(button).to_be_in_viewport(ratio=1)
    shown = slide_heading(page).inner_text()
    page.get_by_role("button", name=re.compile("Forrige")).click()  # and it works where it stands
    wait_until_rendered(page)
    expect(slide_heading(page)).not_to_have_text(shown)
    assert outside_requests == []


def test_the_main_flow_works_by_keyboard_alone(page, server, outside_requests):
    """Tab to a view in the navigation, open it with Enter, reach the year slider and move it with the arrows."""
    page.goto(f"{server}/")
    wait_until_rendered(page)
    heading(page).first.wait_for()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => (document.activeElement.getAttribute('href') || '').endsWith('/vennskapsbyer')"):
            break
    else:
        raise AssertionError("Tab never reached the Vennskapsbyer link")
    page.keyboard.press("Enter")
    wait_until_rendered(page)
    expect(heading(page).first).to_have_text("Vennskapsbyer og samarbeidsavtaler")
    page.get_by_role("slider").wait_for()  # the controls are drawn before Tab walks to them (a busy CI was slower)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "range":
            break
    else:
        raise AssertionError("Tab never reached the year slider")
    page.keyboard.press("Home")
    wait_until_rendered(page)
    expect(page.get_by_text("1 av 15 avtaler var inngått i 1945.")).to_have_count(1)
    assert outside_requests == []
