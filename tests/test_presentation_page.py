"""AppTest: the presentation view and the overview, opened from links (query parameters) and driven by buttons."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.usefixtures("app_state")

TITLES_NB = [
    "Internasjonal strategi Trondheim kommune 2019–2022",
    "Vennskapsbyer og samarbeidsavtaler",
    "Antall nettverk per målområde",
    "Status per målområde",
    "Andel av befolkningen med innvandrerbakgrunn",
]


def opened(page: str, **params: str) -> AppTest:
    """The app opened at a link with these query parameters, then the page (as a link to /page?... does)."""
    at = AppTest.from_file("../app.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "views/oversikt/page.py":
        at.switch_page(page).run()
    assert not at.exception
    return at


def slide_title(at: AppTest) -> str:
    return at.title[-1].value


@pytest.mark.parametrize(("number", "title"), list(enumerate(TITLES_NB, start=1)))
def test_a_link_with_a_slide_number_opens_that_slide(number, title):
    at = opened("views/presentasjon/page.py", slide=str(number))
    assert slide_title(at) == title
    assert any(f"lysbilde {number} av 5" in caption.value for caption in at.caption)


def test_next_and_previous_move_one_slide_and_stop_at_the_ends():
    at = opened("views/presentasjon/page.py", slide="4")
    at.button(key="slide_next").click().run()
    assert slide_title(at) == TITLES_NB[4] and at.query_params["slide"] == "5"
    at.button(key="slide_next").click().run()
    assert slide_title(at) == TITLES_NB[4]
    at.button(key="slide_previous").click().run()
    assert slide_title(at) == TITLES_NB[3] and at.query_params["slide"] == "4"


def test_the_chosen_slides_and_the_language_come_from_the_link():
    at = opened("views/presentasjon/page.py", lang="English", slides=["Status of the measures", "Twin cities on a map"])
    assert at.multiselect(key="slides").value == ["tiltak", "vennskapsbyer"]
    assert slide_title(at) == "Status per goal area"
    at.button(key="slide_next").click().run()
    assert slide_title(at) == "Twin cities and cooperation agreements"


def test_a_slide_number_past_the_chosen_slides_shows_the_last_one():
    at = opened("views/presentasjon/page.py", slides=["Status for tiltakene"], slide="4")
    assert slide_title(at) == "Status per målområde"


def test_presentation_mode_hides_the_chrome_and_offers_leaving_by_esc():
    at = opened("views/presentasjon/page.py", present="true", slide="2")
    assert any('[data-testid="stSidebar"]' in m.value for m in at.markdown)
    leave = at.button(key="slide_leave")
    leave.click().run()
    assert not at.toggle(key="present").value
    assert not any('[data-testid="stSidebar"]' in m.value for m in at.markdown)
    assert slide_title(at) == TITLES_NB[1]


def test_without_presentation_mode_the_report_can_be_downloaded():
    at = opened("views/presentasjon/page.py")
    assert "Lag PowerPoint (16:9)" in [b.label for b in at.button]
    with pytest.raises(KeyError):
        at.button(key="slide_leave")


def test_every_organisation_presents_at_least_its_overview():
    for org in ["Kuopion kaupunki (Kuopio)", "NTNU", "Trøndelag fylkeskommune", "Universitetskommunen TRD3.0"]:
        at = opened("views/presentasjon/page.py", org=org)
        assert at.multiselect(key="slides").value[0] == "oversikt"
        assert not at.error


def test_the_overview_takes_its_date_from_the_link():
    at = opened("views/oversikt/page.py", since="2026-01-15")
    assert at.date_input(key="since").value.isoformat() == "2026-01-15"
    assert any("Ingen endringer siden 15.01.2026." in c.value for c in at.caption)


def test_making_the_powerpoint_offers_it_for_download(chromium):
    at = opened("views/presentasjon/page.py", slides=["Status for tiltakene"])
    at.button(key="report_pptx_make").click().run()
    assert not at.error
    assert at.session_state["report_pptx_deck"][:2] == b"PK"  # a zip: the .pptx the download button hands out


def test_without_chromium_the_powerpoint_says_so_and_writes_nothing(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = opened("views/presentasjon/page.py", slides=["Status for tiltakene"])
    at.button(key="report_pptx_make").click().run()
    assert any("HTML-rapporten virker uten" in e.value for e in at.error)
    assert "report_pptx_deck" not in at.session_state
