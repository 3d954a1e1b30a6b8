"""The committee secretary's two exports clicked in a real Chromium: the HTML report and the PowerPoint deck.

AppTest cannot prove these: the PowerPoint button once passed in AppTest and crashed in the browser
(a value written to a download button's widget key)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from analytics import slides
from tests.e2e.conftest import wait_until_rendered
from tests.test_slides import inputs


@pytest.fixture(scope="module")
def expected(sources):
    """The slides the view offers Trondheim by default: every available one, in order."""
    data = inputs(sources, "trondheim")
    return [slides.build(slide_id, data) for slide_id in slides.available(data)]


def open_presentation(page, server: str) -> None:
    page.goto(f"{server}/presentasjon")
    wait_until_rendered(page)
    expect(page.get_by_role("button", name="Lag PowerPoint (16:9)")).to_have_count(1, timeout=30_000)


def test_the_powerpoint_button_hands_out_a_16_9_deck_with_a_slide_and_a_picture_per_chart(
    page, server, expected, outside_requests
):
    open_presentation(page, server)
    page.get_by_role("button", name="Lag PowerPoint (16:9)").click()
    download_button = page.get_by_role("button", name="Last ned PowerPoint")
    expect(download_button).to_have_count(1, timeout=180_000)  # kaleido draws every chart with the local Chromium
    assert page.get_by_test_id("stException").count() == 0  # the crash was a red box with a traceback
    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert download.suggested_filename.endswith("-lysbilder.pptx")
    deck = Presentation(io.BytesIO(Path(download.path()).read_bytes()))
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=1e-3)
    assert len(deck.slides) == len(expected) + 1  # a title slide, then one per chosen view
    for slide_data, slide in zip(expected, list(deck.slides)[1:], strict=True):
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if slide_data.figure is not None else 0), slide_data.id
        texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert slide_data.title in texts
    assert outside_requests == []


def test_the_html_report_button_hands_out_a_report_with_every_chosen_slide(page, server, expected, outside_requests):
    open_presentation(page, server)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Last ned rapport (HTML)").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-rapport.html")
    html = Path(download.path()).read_text(encoding="utf-8")
    assert html.count('class="slide"') == len(expected)
    charts = sum(slide.figure is not None for slide in expected)
    assert html.count('class="plotly-graph-div"') == charts
    assert page.get_by_test_id("stException").count() == 0
    assert outside_requests == []
