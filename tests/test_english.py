"""English mode is English: no Norwegian UI word in any view's text, for every organisation (issue 13)."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest
import yaml

from analytics import overview
from analytics.bundle import load_sources
from analytics.provenance import source_line, source_texts
from tests.conftest import DATA
from tests.markup_check import shown
from tests.test_pages import PAGES as _PAGES
from tests.test_pages import run_page

PAGES = [*_PAGES, "views/utforsk/page.py"]

# Norwegian words that never belong in English UI text. Whole words only, case-insensitive.
NORWEGIAN = {
    "ikke", "og", "av", "velg", "kilde", "kilder", "sak", "tiltak", "målområde", "målområder",
    "vennskapsby", "vennskapsbyer", "nettverk", "rapport", "siden", "fra", "til", "med", "uten", "eller",
    "på", "er", "som", "den", "det", "ingen", "antall", "alle", "vis", "år", "hele",
    "befolkning", "innvandrere", "oppgitt", "vedtatt", "strategien", "skal", "dashboardets", "egen",
    "klassifisering", "utviklingsmål", "avtale", "avtaler", "samarbeid", "mellom", "ble", "blir",
}  # fmt: skip
# «per» and «for» are English words too («per cent», «for the meeting»), so they are not on the list.

# Data text with no English version: proper names, quotes from the sources, sak numbers.
ALLOWED = [
    r"\b(ark)?sak \d+/\d+",  # case numbers
    r"\b[a-z0-9]+(-[a-z0-9]+)+\b",  # technical ids (measure ids in e-mail drafts)
    r"Trondheim kommune",
    r"Trøndelag fylkeskommune",
    r"Bystyret",
    r"Fylkestinget",
    r"Trondheim og omland",
]

# Columns of data text that are names or quotes from the sources and have no English version.
DATA_TEXT_COLUMNS = ("name", "goal", "main_strategy", "responsible")


@cache
def data_texts() -> tuple[str, ...]:
    """Text from the data folder with no English version: names, quoted goals and strategies, bokmål texts whose
    `_en` is empty, source titles and publishers. Longest first, so a long text is removed before a part of it."""
    found: set[str] = set()
    for path in DATA.glob("*/*.csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in frame.columns:
            if column in DATA_TEXT_COLUMNS:
                found.update(frame[column])
            elif column.endswith("_nb"):
                english = frame.get(column[:-3] + "_en", pd.Series([""] * len(frame)))
                found.update(frame.loc[english.eq(""), column])
    for entry in yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8")).values():
        found.update(str(entry.get(key) or "") for key in ("title", "publisher", "licence", "note"))
        if not entry.get("short_en"):
            found.add(str(entry.get("short") or ""))
    for path in DATA.glob("*/organisation.yml"):
        organisation = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.add(organisation["name"])
    texts = {" ".join(text.split()) for text in found}
    return tuple(sorted((text for text in texts if len(text) > 3), key=len, reverse=True))


def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


def texts(at) -> list[tuple[str, str]]:
    """(kind, text) for every piece of text a reader sees: bodies, labels, option labels and column names."""
    out = []
    for el in walk(at.main):
        kind = el.type
        for attr in ("value", "body", "label", "help", "placeholder"):
            try:
                value = getattr(el, attr, None)
            except Exception:  # noqa: BLE001 - some elements raise for attributes they do not have
                value = None
            if isinstance(value, str):
                out.append((kind, value))
        options = getattr(getattr(el, "proto", None), "options", None)
        if options is not None and kind in ("selectbox", "multiselect", "radio", "select_slider"):
            out.extend((kind + ".option", str(o)) for o in options)
        if kind in ("dataframe", "table"):
            try:
                frame = el.value
                out.extend((kind + ".column", str(c)) for c in frame.columns)
            except Exception:  # noqa: BLE001
                pass
    for tab in getattr(at, "tabs", []):
        out.append(("tab", tab.label))
    return out


def norwegian_words(text: str) -> set[str]:
    """The Norwegian words in a text, after data text, proper names, case numbers, ids and quotes are taken out."""
    text = " ".join(text.replace("\\", "").split())  # Markdown escapes; one space between words
    for data_text in data_texts():
        text = text.replace(data_text, " ")
    for allowed in ALLOWED:
        text = re.sub(allowed, " ", text)
    text = re.sub(r"«[^»]*»|\"[^\"]*\"", " ", text)  # quotes from the sources stay as they are
    words = set(re.findall(r"[a-zæøå]+", text.lower()))
    return words & NORWEGIAN


def findings(page: str, org: str) -> list[str]:
    at = run_page(page, "en", org)
    assert not at.exception
    found = []
    for kind, text in texts(at):
        words = norwegian_words(text)
        if words:
            found.append(f"{kind}: {sorted(words)} in {text[:160]!r}")
    return found


@pytest.mark.usefixtures("app_state")
@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("page", PAGES)
def test_english_mode_shows_no_norwegian_ui_word(page, org):
    assert findings(page, org) == []


def test_the_word_list_finds_norwegian_and_spares_proper_names():
    assert norwegian_words("Velg et tiltak fra listen") == {"velg", "tiltak", "fra"}
    assert norwegian_words("Adopted by Bystyret, «Internasjonal strategi og tiltak»") == set()
    assert norwegian_words("Choose a measure") == set()


def test_organisation_texts_have_english_alternatives_and_bokmal_stays():
    strategy = {"title": "Strategi", "title_en": "Strategy", "adopted_by": "Bystyret"}
    assert overview.own_text(strategy, "title", "en") == "Strategy"
    assert overview.own_text(strategy, "title", "nb") == "Strategi"
    assert overview.own_text(strategy, "adopted_by", "en") == "Bystyret"  # no English version: shown as written
    line = overview.strategy_line({"adopted_by": "Bystyret", "adopted_by_en": "the city council (Bystyret)",
                                   "adopted_date": "2019-08-29", "case": "sak 87/19"}, "en")  # fmt: skip
    assert line == "Adopted by the city council (Bystyret) on 29.08.2019 (sak 87/19)."


def test_the_dashboards_own_source_is_named_in_english():
    sources = load_sources(DATA / "sources.yml")
    assert source_line(sources, ["egen-klassifisering"], "en") == "Source: The dashboard's own classification"
    assert source_line(sources, ["egen-klassifisering"], "nb") == "Kilde: Dashboardets egen klassifisering"
    own = sources[sources["id"] == "egen-klassifisering"]
    assert source_texts(own, "publisher", "en").tolist() == ["This dashboard (not an external source)"]
    assert source_texts(sources, "title", "en").tolist()[:1] == sources["title"].tolist()[:1]  # no _en: as written


@pytest.mark.usefixtures("app_state")
def test_the_measure_pickers_and_the_strategy_use_english_titles():
    at = run_page("views/tiltak/page.py", "en")
    picker = next(s for s in at.selectbox if s.key == "measure")
    assert "Action plan with measurable goals" in picker.options
    assert "Handlingsplan med målbare mål" not in picker.options
    overview_page = run_page("views/oversikt/page.py", "en")
    assert shown(overview_page.title[0].value) == "International strategy, Trondheim kommune 2019–2022"
    assert any(text.value.startswith("• Increased value creation") for text in overview_page.text)
    metric_labels = [shown(m.label) for m in overview_page.metric]
    assert "Immigrant background 2018" in metric_labels  # short enough that the year is not cut at 1400 px
    assert "share of the population of Trondheim (SSB)" in [shown(c.value) for c in overview_page.caption]


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
def test_every_shipped_measure_has_an_english_title(org):
    path = DATA / org / "measures.csv"
    if not path.exists():
        pytest.skip(f"{org} ships no measures")
    measures = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(measures.loc[measures["title_en"].str.strip() == "", "id"]) == []  # Trøndelag's deltiltak had none
