"""Hostile text in every data file reaches every view only as literal text (issue 12, «data is text»).

A copy of data/ where every free-text field (organisation and strategy, målområder, partners, networks, facts,
measures, population notes, source names) carries Markdown links and images, bare URLs, HTML, a heading and
emphasis; every page of every organisation must run without an exception, and no element Streamlit renders as
Markdown may keep any of that markup (tests/markup_check.py)."""

from __future__ import annotations

import csv
import shutil

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from tests import test_pages
from tests.conftest import DATA
from tests.markup_check import markup_left

PAYLOAD = (
    "# heading ![x](http://evil.example/x.png) [klikk](http://evil.example) https://evil.example/bare "
    "www.evil.example ond@evil.example <b>html</b> **bold** "
)
CSV_TEXT = {
    "name_nb", "name_en", "short_nb", "short_en", "goal", "main_strategy", "title_nb", "title_en",
    "description_nb", "description_en", "responsible", "text_nb", "text_en", "name", "name_in_source",
    "country_nb", "country_en", "since_note_nb", "since_note_en", "note_nb", "note_en", "region_name",
}  # fmt: skip
ORG_TEXT = ("name",)
STRATEGY_TEXT = ("title", "adopted_by", "case", "archive_case")
SOURCE_TEXT = ("short", "title", "publisher", "note")
PAGES = [*test_pages.PAGES, "views/utforsk/page.py"]
ORGS = ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"]
# Elements Streamlit renders as Markdown: their value, and every widget's or container's label.
MARKDOWN_TYPES = {"markdown", "caption", "title", "header", "subheader", "error", "warning", "info", "success"}


def taint(text):
    return f"{PAYLOAD}{text}" if isinstance(text, str) and text.strip() else text


def hostile_copy(target):
    shutil.copytree(DATA, target)
    for path in target.glob("*/*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows:
            continue
        fields = list(rows[0])
        for row in rows:
            for column in CSV_TEXT & set(fields):
                row[column] = taint(row[column])
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    for path in target.glob("*/organisation.yml"):
        org = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ORG_TEXT:
            org[key] = taint(org[key])
        strategy = org.get("strategy") or {}
        for key in STRATEGY_TEXT:
            if key in strategy:
                strategy[key] = taint(strategy[key])
        if "desired_results" in strategy:
            strategy["desired_results"] = [taint(r) for r in strategy["desired_results"]]
        path.write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sources_path = target / "sources.yml"
    sources = yaml.safe_load(sources_path.read_text(encoding="utf-8"))
    for source in sources.values():
        for key in SOURCE_TEXT:
            if key in source:
                source[key] = taint(source[key])
    sources_path.write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    return hostile_copy(tmp_path_factory.mktemp("hostile") / "data")


def rendered_texts(node):
    """(what, text) for every Markdown-rendered value and every label under `node`."""
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", "")
        if kind in MARKDOWN_TYPES:
            yield kind, child.value
        label = getattr(child, "label", None)
        if isinstance(label, str):
            yield f"{kind} label", label
        if kind == "radio":  # radio options are Markdown too
            for option in child.options:
                yield "radio option", option
        yield from rendered_texts(child)


def run_page(page, org, monkeypatch, data):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.session_state["org"] = org
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


@pytest.mark.parametrize("org", ORGS)
@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_shown_literally_on_every_view(page, org, hostile_data, monkeypatch):
    at = run_page(page, org, monkeypatch, hostile_data)
    assert not at.exception
    assert not at.error, [e.value for e in at.error]  # the hostile copy is a valid bundle
    texts = list(rendered_texts(at._tree))
    tables = [frame.value.to_string() for frame in at.dataframe]
    assert any("evil" in text for _, text in texts) or any("evil" in table for table in tables)  # it got there …
    left = [(what, text[:120], problems) for what, text in texts if (problems := markup_left(text))]
    assert left == [], "\n".join(map(str, left))  # … and none of it as markup


def test_the_checker_sees_the_payload_as_markup():
    assert set(markup_left(PAYLOAD)) >= {"image", "link to evil.example", "HTML tag", "heading", "emphasis"}
