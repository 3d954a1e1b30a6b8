"""AppTest of the follow-up blocks on Oversikt and Tiltak: the leadership sentence, the period note, the final
report, reminders with mailto links, the indicator chart (demo mode) and the Word download."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from analytics import plan_pdf
from analytics.formatting import escape_markdown
from analytics.i18n import t
from analytics.store import Report, Store, sqlite_url
from tests.markup_check import shown

pytestmark = pytest.mark.usefixtures("app_state")
HOSTILE = "<img src=x onerror=alert(1)> [lenke](http://x) =1+1"


def run(view: str, lang: str = "nb", measure: str | None = None) -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["org"] = "trondheim"
    at.session_state["lang"] = lang
    if measure:
        at.session_state["measure"] = measure
    at.run()
    at.switch_page(view).run()
    assert not at.exception and not at.error
    return at


def link_buttons(at: AppTest) -> list:
    return [element for element in at.get("link_button")]


def test_oversikt_opens_with_the_leadership_sentence_and_says_the_strategy_is_over(app_state):
    at = run("views/oversikt/page.py")
    assert at.markdown[1].value == (
        "**Av 13 tiltak er 0 i rute, 0 bak planen, 0 forsinket etter frist og 13 ikke rapportert\\. "
        "Ingen rapporter ennå\\.**"
    )
    assert [w.value for w in at.warning] == [
        "Strategiperioden 2019–2022 er over\\. 13 tiltak har ingen sluttrapport\\."
    ]


def test_the_leadership_sentence_counts_a_report_and_gives_its_date(app_state):
    store = Store(sqlite_url(app_state / "status.sqlite"))
    store.add(
        [Report("trondheim", "handlingsplan", "2026", "i_rute", 50, None, HOSTILE, "Kari")],
        batch="b1",
    )
    today = dt.date.today().strftime("%d.%m.%Y")
    at = run("views/oversikt/page.py", "en")
    sentence = (
        f"Of 13 measures: 1 on track, 0 behind plan, 0 past their due date and 12 not reported. Latest report: {today}."
    )
    assert at.markdown[1].value == f"**{escape_markdown(sentence)}**"


def test_tiltak_lists_who_has_to_report_with_a_reminder_and_a_mailto_link(app_state):
    at = run("views/tiltak/page.py")
    assert "Strategiperioden 2019–2022 er over\\. 13 tiltak har ingen sluttrapport\\." in [w.value for w in at.warning]
    units = [e.label for e in at.expander if e.label.endswith(" tiltak")]
    assert units and units[0].startswith("Rådmannen\\: ")  # the label is escaped: a unit name is data
    reminders = [c.value for c in at.code]
    assert reminders[0].startswith("Hei, Rådmannen\n\nFølgende ") and "mangler sluttrapport" in reminders[0]
    links = link_buttons(at)
    assert len(links) == len(units)
    query = parse_qs(urlsplit(links[0].proto.url).query)
    assert urlsplit(links[0].proto.url).scheme == "mailto" and urlsplit(links[0].proto.url).path == ""
    assert query["body"] == [reminders[0].replace("\n", "\r\n")]
    final = [d.value for d in at.dataframe if "Sluttrapport" in d.value.columns][0]
    assert len(final) == 13 and set(final["Sluttrapport"]) == {"nei"}
    assert [b.proto.label for b in at.get("download_button") if b.proto.label.endswith("(Word)")] == [
        "Last ned handlingsplanen (Word)"
    ]


def test_a_measure_without_an_indicator_says_so(app_state):
    at = run("views/tiltak/page.py", measure="handlingsplan")
    assert "Handlingsplan med målbare mål har ingen målbar indikator i planen\\." in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_in_demo_mode_a_measure_with_an_example_indicator_shows_its_chart(app_state, monkeypatch, lang):
    monkeypatch.setenv("DASHBOARD_DEMO", "1")
    at = run("views/tiltak/page.py", lang, measure="baerekraft-klima")
    charts = [c for c in at.get("plotly_chart") if "(eksempel)" in c.proto.spec]
    assert len(charts) == 1
    word = "bak den rette linjen" if lang == "nb" else "behind the straight path"
    assert any(word in m.value for m in at.markdown)
    (source,) = [shown(c.value) for c in at.caption if shown(c.value).startswith(t("indicator.source", lang))]
    latest = "Siste rapport" if lang == "nb" else "Latest report"
    assert re.fullmatch(rf"{re.escape(t('indicator.source', lang))} · {latest} \d\d\.\d\d\.20\d\d", source)


@pytest.mark.skipif(
    not plan_pdf.CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)
def test_making_the_pdf_offers_it_for_download(app_state):
    at = run("views/tiltak/page.py")
    assert not [b for b in at.get("download_button") if b.proto.label.endswith("(PDF)")]
    at.button(key="plan_pdf_make").click().run()
    assert not at.exception and not at.error
    assert [b.proto.label for b in at.get("download_button") if b.proto.label.endswith("(PDF)")] == [
        "Last ned handlingsplanen (PDF)"
    ]
    org, lang, made = at.session_state["plan_pdf_file"]
    assert (org, lang) == ("trondheim", "nb") and made.startswith(b"%PDF")


def test_hostile_text_in_a_measure_stays_text_in_the_new_blocks(app_state, data_copy, monkeypatch):
    path = data_copy / "trondheim/measures.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",Rådmannen,", f",{HOSTILE.replace(',', ' ')},", 1), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    hostile = HOSTILE.replace(",", " ")
    at = run("views/tiltak/page.py")
    labels = [e.label for e in at.expander if e.label.endswith(" tiltak")]
    assert escape_markdown(f"{hostile}: 1 tiltak") in labels
    assert any(c.value.startswith(f"Hei, {hostile}\n") for c in at.code)
    assert not any("<img" in m.value for m in at.markdown)


def test_oversikt_lists_the_measurable_goals_in_demo_mode_only(app_state, monkeypatch):
    at = run("views/oversikt/page.py")
    assert not [h for h in at.header if h.value == "Målbare mål"]  # the shipped measures have no indicator
    monkeypatch.setenv("DASHBOARD_DEMO", "1")
    at = run("views/oversikt/page.py")
    assert [h.value for h in at.header if h.value == "Målbare mål"] == ["Målbare mål"]
    table = [d.value for d in at.dataframe if "Mot linjen til målet" in d.value.columns][0]
    assert len(table) > 0 and all("(eksempel)" in goal for goal in table["Målbart mål"])


def test_reminders_count_one_measure_in_the_singular(app_state):
    labels = [e.label for e in run("views/tiltak/page.py", "en").expander if e.label.endswith(("measure", "measures"))]
    counts = [label.rsplit(": ", 1)[1] for label in labels]
    assert "1 measure" in counts and "1 measures" not in counts  # Trondheim kommune is responsible for one
    assert any(c.endswith(" measures") for c in counts)
