"""In the browser: every view in English shows no Norwegian UI word (issue 13), for Trondheim and NTNU."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import wait_until_rendered
from tests.test_english import norwegian_words

VIEWS = ["", "vennskapsbyer", "nettverk", "tiltak", "befolkning", "presentasjon", "utforsk", "om-dataene"]


@pytest.mark.parametrize("org", ["Trondheim+kommune", "NTNU"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_in_english_shows_no_norwegian_ui_word(page, server, outside_requests, view, org):
    page.goto(f"{server}/{view}?lang=English&org={org}")
    wait_until_rendered(page)
    text = page.get_by_test_id("stMain").inner_text()
    assert text.strip(), "the view rendered no text"
    found = {line: sorted(words) for line in text.splitlines() if (words := norwegian_words(line))}
    assert found == {}
    assert outside_requests == []


def test_the_check_finds_norwegian_in_the_bokmal_view(page, server):
    """The same reading of the page finds the words in bokmål: the English test can fail."""
    page.goto(f"{server}/tiltak")
    wait_until_rendered(page)
    words = set().union(*(norwegian_words(line) for line in page.get_by_test_id("stMain").inner_text().splitlines()))
    assert {"ikke", "av"} <= words
