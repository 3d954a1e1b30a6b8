"""Issue 13 in a real browser: no plotly toolbar on a slide, and slide 1's table as wide as its columns."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import wait_until_rendered


def test_a_slide_chart_has_no_toolbar_even_under_the_mouse(page, server, outside_requests):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server}/presentasjon?present=true&slide=3")
    wait_until_rendered(page)
    chart = page.locator(".stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=30_000)  # plotly loads after the run
    chart.hover()
    expect(chart.locator(".modebar")).to_have_count(0)


def test_slide_one_keeps_the_number_column_narrow(page, server, outside_requests):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server}/presentasjon?present=true&slide=1")
    wait_until_rendered(page)
    frame = page.get_by_test_id("stDataFrame").first
    expect(frame).to_be_visible()
    # the table is as wide as its columns (60 + 700 px), not stretched over the slide (where «Nr.» took half)
    assert 700 < frame.bounding_box()["width"] < 900 < page.viewport_size["width"]
