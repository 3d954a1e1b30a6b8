"""In Chromium: hostile text in every data file stays text (issue 12) — no image or link to evil.example and no
request to it, while the text itself is shown as written."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import start_server, wait_until_rendered
from tests.test_hostile_text import hostile_copy


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory):
    process, url = start_server(hostile_copy(tmp_path_factory.mktemp("hostile") / "data"))
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("path", ["", "nettverk"])
def test_hostile_markdown_in_the_data_shows_as_text_and_fetches_nothing(page, evil_server, outside_requests, path):
    page.goto(f"{evil_server}/{path}")
    wait_until_rendered(page)
    main = page.get_by_test_id("stMainBlockContainer")
    title = main.get_by_role("heading", level=1).first
    title.wait_for()
    if path == "":  # the strategy title, with the payload in front, as written
        text = title.inner_text().replace("\u200d", "")
        assert text.startswith("# heading ![x](http://evil.example/x.png) [klikk](http://evil.example)")
        assert "<b>html</b> **bold**" in text
    evil = page.locator("img[src*='evil.example'], a[href*='evil.example'], source[srcset*='evil.example']")
    assert evil.count() == 0, [
        e.evaluate('e => e.closest("[data-testid^=st]").outerHTML.slice(0, 600)') for e in evil.all()
    ]
    assert page.locator("[data-testid='stMainBlockContainer'] b").filter(has_text="html").count() == 0
    assert not page.get_by_test_id("stException").count()
    assert outside_requests == []
