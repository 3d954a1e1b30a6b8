"""The HTML report opened from disk in a real Chromium: every chart draws, data stays text, nothing leaves the machine."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.report_html import html_report
from tests.e2e.conftest import guard_requests
from tests.test_report import HOSTILE, bar_figure, line_with_gap, make_slide, many_categories

LOCAL = ("file:", "data:", "blob:")


@pytest.fixture
def offline_requests(context):
    """Abort every request that is not a local file (or data/blob) and collect its URL."""
    return guard_requests(context, LOCAL)


@pytest.fixture
def report_file(tmp_path):
    slides = [
        make_slide("bars", bar_figure(), metrics=(("Avtaler", "15"),)),
        make_slide("line", line_with_gap()),
        make_slide("many", many_categories()),
        make_slide("metrics", None, metrics=(("Nettverk", "30"),), table=pd.DataFrame()),
        make_slide("hostile", bar_figure().update_traces(name=HOSTILE), table=pd.DataFrame({"Navn": [HOSTILE]})),
    ]
    path = tmp_path / "rapport.html"
    path.write_text(html_report(slides, "Rapport", dt.date(2019, 8, 29), "nb"), encoding="utf-8")
    return path


def test_every_chart_draws_offline_from_a_file(page, offline_requests, report_file):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(report_file.as_uri())
    charts = page.locator(".plotly-graph-div")
    assert charts.count() == 4
    page.wait_for_function(
        "() => [...document.querySelectorAll('.plotly-graph-div')].every(c => c.querySelector('.main-svg .trace'))",
        timeout=30_000,
    )
    for index in range(charts.count()):
        assert charts.nth(index).locator(".main-svg").count() >= 1
        assert charts.nth(index).locator(".main-svg .trace").count() >= 1
    assert page.locator(".slide").count() == 5
    assert page.get_by_role("rowheader", name=HOSTILE).is_visible()  # a hostile cell is shown as text, not run
    assert dialogs == []
    assert offline_requests == []


def test_each_slide_starts_a_new_page_when_printed(page, offline_requests, report_file):
    page.goto(report_file.as_uri())
    page.emulate_media(media="print")
    breaks = page.locator(".slide").evaluate_all("els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page"] * 5
    assert offline_requests == []
