"""AppTest of the Tiltak view: read-only without editors, sign-in, a report written to a real SQLite file."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from analytics import auth
from analytics.store import Report, Store, sqlite_url

PAGE = "views/tiltak/page.py"
HOSTILE = '<img src=x onerror=alert(1)> =HYPERLINK("http://x")'


pytestmark = pytest.mark.usefixtures("app_state")


def database(state) -> Store:
    return Store(sqlite_url(state / "status.sqlite"))


def page(org: str = "trondheim", editors: dict | None = None, lang: str = "nb") -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["org"] = org
    at.session_state["lang"] = lang
    if editors:
        at.secrets["editors"] = editors
    at.run()
    at.switch_page(PAGE).run()
    return at


EDITORS = {"kari": {"name": "Kari Nordmann", "password_hash": auth.hash_password("hemmelig", iterations=1000)}}


def test_without_editors_the_view_is_read_only_and_says_how_to_enable_editing(app_state):
    at = page()
    assert not at.exception and not at.error
    assert any("skrivebeskyttet" in info.value for info in at.info)
    assert any("Ingen rapporter ennå" in info.value for info in at.info)
    assert [w.key for w in at.text_input] == ["search"]  # no sign-in, no form: only the sidebar search
    assert "report_form" not in [form.id for form in at.get("form")]
    statuses = at.dataframe[0].value["Status"]
    assert set(statuses) == {"? ikke rapportert"} and len(statuses) == 13


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="sign_in_user").input(username)
    at.text_input(key="sign_in_password").input(password)
    return at.button[[b.label for b in at.button].index("Logg inn for å rapportere")].click().run()


def test_a_wrong_password_writes_nothing_and_shows_no_form(app_state):
    at = _sign_in(page(editors=EDITORS), "kari", "feil")
    assert [e.value for e in at.error] == ["Feil brukernavn eller passord. Ingenting er lagret."]
    assert not [s for s in at.selectbox if s.key == "report_measure"]
    assert database(app_state).count() == 0


def test_after_three_wrong_passwords_even_the_right_one_must_wait(app_state, monkeypatch):
    import ui.editing

    monkeypatch.setattr(ui.editing, "time", SimpleNamespace(time=lambda: 1_000_000.0))  # the clock stands still
    at = page(editors=EDITORS)
    for _ in range(auth.USERNAME_LIMITS.free):
        at = _sign_in(at, "kari", "feil")
        assert [e.value for e in at.error] == ["Feil brukernavn eller passord. Ingenting er lagret."]
    at = _sign_in(at, "kari", "hemmelig")
    (refusal,) = [e.value for e in at.error]
    assert refusal == "For mange mislykkede innlogginger. Vent 1 s og prøv igjen. Ingenting er lagret."
    assert not any(c.value == "Innlogget som Kari Nordmann." for c in at.caption)
    assert not [s for s in at.selectbox if s.key == "report_measure"]


def test_an_editor_reports_and_the_view_shows_it_as_text(app_state):
    at = _sign_in(page(editors=EDITORS), "kari", "hemmelig")
    assert any(c.value == "Innlogget som Kari Nordmann." for c in at.caption)
    at.selectbox(key="report_measure").set_value("vennskapsbyavtaler")
    at.text_input(key="report_period").input("2026-06")
    at.selectbox(key="report_status").set_value("forsinket")
    at.number_input(key="report_progress").set_value(30)
    at.text_area(key="report_comment").input(HOSTILE)
    at.button[[b.label for b in at.button].index("Lagre rapport")].click().run()
    assert not at.exception
    stored = database(app_state).reports("trondheim")
    assert stored[["measure_id", "period", "status", "progress", "comment", "reporter"]].values.tolist() == [
        ["vennskapsbyavtaler", "2026-06", "forsinket", 30.0, HOSTILE, "Kari Nordmann"]
    ]
    assert [s.value for s in at.success] == ["Rapporten er lagret."]
    table = at.dataframe[0].value.set_index("Id")
    assert table.loc["vennskapsbyavtaler", "Status"] == "▲ forsinket"
    assert not any("<img" in m.value for m in at.markdown)  # the comment is only ever in tables (text)


def test_an_invalid_period_writes_nothing(app_state):
    at = _sign_in(page(editors=EDITORS), "kari", "hemmelig")
    at.text_input(key="report_period").input("neste år")
    at.button[[b.label for b in at.button].index("Lagre rapport")].click().run()
    assert any("Perioden må være" in e.value for e in at.error)
    assert database(app_state).count() == 0


def test_the_rollup_and_what_changed_follow_the_store(app_state):
    store = database(app_state)
    store.add([Report("trondheim", "vennskapsbyavtaler", "2026", "i_rute", 50, None, "ok", "Kari")])
    store.add([Report("trondheim", "teknologihovedstad", "2026", "forsinket", 10, None, "", "Ola")])
    at = page()
    rollup = [m.value.split("</span>")[-1] for m in at.markdown if "i rute eller fullført" in m.value]
    assert "**Vennskapsbyer** — 1 av 2 i rute eller fullført" in rollup
    assert "**FoU og næringsliv** — 0 av 2 i rute eller fullført" in rollup
    transitions = [frame.value for frame in at.dataframe if "Fra" in frame.value.columns]
    assert transitions and set(transitions[0]["Til"]) == {"i rute", "forsinket"}


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_view_runs_for_every_bundle(org, lang):
    at = page(org=org, lang=lang)
    assert not at.exception and not at.error
