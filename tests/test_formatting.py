"""Norwegian formats, as a table."""

from __future__ import annotations

import datetime as dt

import pytest

from analytics.formatting import (
    NBSP,
    ZWJ,
    escape_markdown,
    format_change,
    format_date,
    format_decimal,
    format_int,
    format_percent,
    literal,
)
from tests.markup_check import HOSTILE, _unescaped, markup_left


@pytest.mark.parametrize(
    ("value", "expected"),
    [(29539, "29 539"), (916625, "916 625"), (15, "15"), (0, "0"), (-1200, "−1 200"), (None, "–"), (float("nan"), "–")],
)
def test_format_int(value, expected):
    assert format_int(value) == expected.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(15.3, 1, "15,3 %"), (17.25, 1, "17,2 %"), (18.5, 1, "18,5 %"), (100, 0, "100 %"), (None, 1, "–")],
)
def test_format_percent(value, decimals, expected):
    assert format_percent(value, decimals) == expected.replace(" ", NBSP)


def test_format_decimal_groups_thousands_and_uses_a_decimal_comma():
    assert format_decimal(1234.56, 2) == f"1{NBSP}234,56"


@pytest.mark.parametrize(
    ("value", "expected"), [(dt.date(2019, 8, 29), "29.08.2019"), ("2013-10-24", "24.10.2013"), (None, "–"), ("", "–")]
)
def test_format_date(value, expected):
    assert format_date(value) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "<img src=x onerror=alert(1)>",
        "![x](http://example.com/x.png)",
        "[klikk](javascript:alert(1))",
        ":red[alarm]",
        "$x^2$",
    ],
)
def test_escape_markdown_leaves_no_markup(hostile):
    escaped = escape_markdown(hostile)
    for special in "<>[]()!:$":
        assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch == special)


@pytest.mark.parametrize(
    ("value", "percent", "expected"),
    [
        (281, 22.39, "+281 (+22,4\u00a0%)"),
        (-1200, -3.04, "−1\u00a0200 (−3,0\u00a0%)"),
        (0, 0.0, "0 (0,0\u00a0%)"),
        (12, None, "+12"),
        (12, float("inf"), "+12"),  # from zero persons: no percentage
        (float("nan"), float("nan"), "–"),
    ],
)
def test_format_change_signs_the_change_and_its_percentage(value, percent, expected):
    assert format_change(value, percent) == expected


@pytest.mark.parametrize("hostile", HOSTILE + ["See https://x.no and www.x.no", "mailto:ond@x.no", "WWW.X.NO"])
def test_escape_markdown_leaves_no_link_image_html_heading_or_emphasis(hostile):
    assert markup_left(hostile)  # the checker sees the raw text as markup …
    assert markup_left(escape_markdown(hostile)) == []  # … and nothing once escaped


@pytest.mark.parametrize("text", HOSTILE + ["Vedtatt 12.03.2024: 1 200 kr (15 %) – «sitat» *", "a\\b"])
def test_escape_markdown_shows_the_exact_text(text):
    shown = "".join(c for c, _ in _unescaped(escape_markdown(text))).replace(ZWJ, "")
    assert shown == text
    assert literal is escape_markdown
