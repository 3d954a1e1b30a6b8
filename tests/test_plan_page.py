"""AppTest of Tiltak's handlingsplan blocks: a plan owner writes, adopts and changes a measure; a visitor never sees
a draft; a reporter cannot edit; a save based on an old revision is refused and the editor's text is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from analytics import auth, plan
from analytics.formatting import escape_markdown
from analytics.store import PlanChange, Store, sqlite_url

PAGE = "views/tiltak/page.py"
HOSTILE = '<img src=x onerror=alert(1)> [lenke](http://x) =HYPERLINK("http://x")'
DIGEST = auth.hash_password("hemmelig", iterations=1000)
ACCOUNTS = {
    "kari": {"name": "Kari Planeier", "password_hash": DIGEST, "role": "planeier"},
    "ola": {"name": "Ola Rapportør", "password_hash": DIGEST},
}

pytestmark = pytest.mark.usefixtures("app_state")


def database(state) -> Store:
    return Store(sqlite_url(state / "status.sqlite"))


def page(signed_in: str | None = None, lang: str = "nb") -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.session_state["org"] = "trondheim"
    at.session_state["lang"] = lang
    at.secrets["editors"] = ACCOUNTS
    at.run()
    at.switch_page(PAGE).run()
    if signed_in:
        at.text_input(key="sign_in_user").input(signed_in)
        at.text_input(key="sign_in_password").input("hemmelig")
        label = "Sign in to report" if lang == "en" else "Logg inn for å rapportere"
        at.button[[b.label for b in at.button].index(label)].click().run()
    return at


def click(at: AppTest, label: str) -> AppTest:
    return at.button[[b.label for b in at.button].index(label)].click().run()


def field(at: AppTest, kind: str, name: str):
    return getattr(at, kind)(key=f"plan_f_{name}")


def write_new_measure(at: AppTest) -> AppTest:
    field(at, "text_input", "id").input("flere-utvekslinger")
    field(at, "selectbox", "goal_area_id").set_value("vennskapsby")
    field(at, "text_input", "title_nb").input(HOSTILE)
    field(at, "text_input", "title_en").input("More exchanges")
    field(at, "text_area", "description_en").input(HOSTILE)
    field(at, "text_input", "responsible").input("Internasjonalt kontor")
    field(at, "date_input", "start").set_value(dt.date(2025, 1, 1))
    field(at, "date_input", "due").set_value(dt.date(2026, 12, 31))
    field(at, "text_input", "indicator_unit").input("utvekslinger")
    field(at, "number_input", "indicator_baseline").set_value(4.0)
    field(at, "number_input", "indicator_baseline_year").set_value(2024)
    field(at, "number_input", "indicator_target").set_value(12.0)
    field(at, "number_input", "indicator_target_year").set_value(2026)
    field(at, "selectbox", "indicator_direction").set_value("opp")
    field(at, "multiselect", "sdgs").set_value([4, 17])
    return click(at, "Lagre endringen")


def test_a_plan_owner_writes_a_draft_that_a_visitor_never_sees(app_state):
    at = write_new_measure(page("kari"))
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == [f"Revisjon 1 av «{escape_markdown(HOSTILE)}» er lagret."]
    (stored,) = database(app_state).plan_revisions("trondheim").itertuples()
    assert (stored.measure_id, stored.revision, stored.author) == ("flere-utvekslinger", 1, "Kari Planeier")
    assert stored.content["state"] == "utkast" and stored.content["indicator_target_year"] == 2026
    assert stored.content["title_nb"] == HOSTILE and stored.content["sdgs"] == [4, 17]
    assert "flere-utvekslinger" in set(at.dataframe[0].value["Id"])  # the owner sees the draft
    assert at.selectbox(key="plan_choice").value == "flere-utvekslinger"  # the form now shows the new measure
    visitor = page()
    assert not visitor.exception
    assert "flere-utvekslinger" not in set(visitor.dataframe[0].value["Id"])
    assert "flere-utvekslinger" not in visitor.selectbox(key="measure").options
    assert not any(HOSTILE in m.value for m in visitor.markdown)


def test_adopting_needs_a_decision_and_then_everyone_sees_it(app_state):
    at = write_new_measure(page("kari"))
    field(at, "selectbox", "state").set_value("vedtatt")
    at = click(at, "Lagre endringen")
    assert len(at.error) == 1 and "Vedtak: saksnummer" in at.error[0].value
    assert len(database(app_state).plan_revisions()) == 1  # nothing written
    field(at, "text_input", "decision_organ").input("Bystyret")
    field(at, "date_input", "decision_date").set_value(dt.date(2025, 3, 27))
    field(at, "text_input", "decision_case").input("sak 31/25")
    at = click(at, "Lagre endringen")
    assert not at.error and [s.value for s in at.success] == [f"Revisjon 2 av «{escape_markdown(HOSTILE)}» er lagret."]
    visitor = page()
    table = visitor.dataframe[0].value.set_index("Id")
    assert table.loc["flere-utvekslinger", "Tiltak"] == HOSTILE  # shown in a table cell: text
    assert table.loc["flere-utvekslinger", "Tilstand"] == "vedtatt"
    visitor.selectbox(key="measure").set_value("flere-utvekslinger").run()
    assert any(h.value == f"Endringshistorikk: {escape_markdown(HOSTILE)}" for h in visitor.subheader)
    history = [d.value for d in visitor.dataframe if "Endret av" in d.value.columns][0]
    assert history[["Revisjon", "Endret av", "Felt", "Fra", "Til"]].values.tolist()[:4] == [
        [2, "Kari Planeier", "Tilstand", "utkast", "vedtatt"],
        [2, "Kari Planeier", "Vedtak: organ", "–", "Bystyret"],
        [2, "Kari Planeier", "Vedtak: dato", "–", "27.03.2025"],
        [2, "Kari Planeier", "Vedtak: saksnummer", "–", "sak 31/25"],
    ]
    assert not any(HOSTILE in m.value for m in visitor.markdown)


def test_a_save_based_on_an_old_revision_is_refused_and_the_editors_text_is_kept(app_state):
    store = database(app_state)
    at = page("kari")
    at.selectbox(key="plan_choice").set_value("vennskapsbyavtaler").run()
    field(at, "text_input", "responsible").input("Kulturenheten")
    current = plan.content_of(plan.from_measures(_shipped_measures()).set_index("id").loc["vennskapsbyavtaler"])
    store.add_plan_changes(
        [PlanChange("trondheim", "vennskapsbyavtaler", 0, {**current, "due": "2027-06-30"}, "Ola Konkurrent")]
    )
    at = click(at, "Lagre endringen")
    message = at.error[0].value
    assert "Ola Konkurrent" in message and "Frist" in message and "Ingenting" not in message.split(":")[0]
    assert at.text_input(key="plan_f_responsible").value == "Kulturenheten"  # still in the form
    yours = [d.value for d in at.dataframe if "Ditt forslag" in d.value.columns][0]
    assert yours.set_index("Felt").loc["Ansvarlig enhet", "Ditt forslag"] == "Kulturenheten"
    assert yours.set_index("Felt").loc["Frist", "Nyeste versjon"] == "30.06.2027"
    assert store.plan_revisions()["author"].tolist() == ["Ola Konkurrent"]
    at = click(at, "Last inn nyeste versjon (forkaster skjemaet)")
    assert at.date_input(key="plan_f_due").value == dt.date(2027, 6, 30)
    field(at, "text_input", "responsible").input("Kulturenheten")
    at = click(at, "Lagre endringen")
    assert not at.error and store.plan_revisions()["author"].tolist() == ["Ola Konkurrent", "Kari Planeier"]


def _shipped_measures():
    from analytics.bundle import load_bundle, load_sources
    from tests.conftest import DATA, TODAY

    return load_bundle(DATA / "trondheim", load_sources(DATA / "sources.yml")["id"], TODAY).measures


def test_a_reporter_reports_but_cannot_edit_the_plan(app_state):
    at = page("ola")
    assert not at.exception
    assert any("rollen planeier" in info.value for info in at.info)
    assert not [s for s in at.selectbox if s.key == "plan_choice"]  # no plan form
    assert not [u for u in at.get("file_uploader") if "plan_upload" in str(u.proto.id)]
    assert [s.key for s in at.selectbox if s.key == "report_measure"] == ["report_measure"]  # the report form


def test_a_visitor_is_told_to_ask_the_administrator_without_set_up_instructions(monkeypatch):
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.session_state["org"] = "trondheim"
    at.run()
    at.switch_page(PAGE).run()
    (notice,) = [info.value for info in at.info if "skrivebeskyttet" in info.value]
    assert "administratoren" in notice and "secrets.toml" not in notice and "[editors]" not in notice


def test_the_plan_blocks_run_in_english(app_state):
    at = page("kari", lang="en")
    assert not at.exception and not at.error
    assert any(h.value == "The action plan" for h in at.header)


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
def test_a_plan_owner_sees_the_plan_blocks_for_every_bundle(org):
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.session_state["org"] = org
    at.secrets["editors"] = ACCOUNTS
    at.run()
    at.switch_page(PAGE).run()
    at.text_input(key="sign_in_user").input("kari")
    at.text_input(key="sign_in_password").input("hemmelig")
    at.button[[b.label for b in at.button].index("Logg inn for å rapportere")].click().run()
    assert not at.exception and not at.error
    assert at.selectbox(key="plan_choice").value == "__new__"
