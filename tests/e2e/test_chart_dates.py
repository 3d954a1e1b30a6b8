"""In a real Chromium: each chart's source line ends with the date of its own data, in bokmål and in English."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_until_rendered


@pytest.mark.parametrize(
    ("query", "dates"),
    [
        ("", ["Tall for 2013–2026", "Tall for 2011–2018", "Tall for 2012", "Tall for 2011–2012"]),
        (
            "?lang=English",
            ["Figures for 2013–2026", "Figures for 2011–2018", "Figures for 2012", "Figures for 2011–2012"],
        ),
    ],
    ids=["bokmål", "English"],
)
def test_the_population_charts_show_the_years_of_their_figures_under_each_chart(
    page, server, outside_requests, query, dates
):
    page.goto(f"{server}/befolkning{query}")
    wait_until_rendered(page)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(4, timeout=30_000)
    captions = page.get_by_test_id("stCaptionContainer").all_inner_texts()
    sources = [c for c in captions if c.startswith(("Kilde:", "Kilder:", "Source:", "Sources:"))]
    chart_sources = [c for c in sources if " · " in c]
    assert [c.rsplit(" · ", 1)[1] for c in chart_sources] == dates
    assert outside_requests == []
