"""AppTest: every page runs; the year control filters the map; hostile data stays text; bad data stops cleanly."""

from __future__ import annotations

import base64
import json
import shutil

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DATA
from tests.markup_check import markup_left, shown

PAGES = [
    "views/oversikt/page.py",
    "views/vennskapsbyer/page.py",
    "views/nettverk/page.py",
    "views/om_dataene/page.py",
    "views/befolkning/page.py",
    "views/tiltak/page.py",
    "views/presentasjon/page.py",
]
HOSTILE = "<img src=x onerror=alert(1)>"


def run_page(page: str, lang: str = "nb", org: str = "trondheim") -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["org"] = org
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


def elements(at: AppTest, kind: str):
    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)

    return [el for el in walk(at.main) if el.type == kind]


def plotly_values(values) -> list:
    """Plotly's JSON packs numeric arrays as base64 ("bdata"); unpack them."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def deck_layer(at: AppTest, layer_id: str) -> list[dict]:
    (deck,) = elements(at, "deck_gl_json_chart")
    spec = json.loads(deck.proto.json)
    return next(layer["data"] for layer in spec["layers"] if layer["id"] == layer_id)


pytestmark = pytest.mark.usefixtures("app_state")


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception_for_every_bundle(page, lang, org):
    at = run_page(page, lang, org)
    assert not at.exception
    assert not at.error
    assert at.title


def test_overview_shows_the_strategy_its_headline_figures_and_five_goal_areas():
    at = run_page(PAGES[0])
    assert shown(at.title[0].value) == "Internasjonal strategi Trondheim kommune 2019–2022"
    assert [m.label for m in at.metric] == [
        "Vennskapsbyer og avtaler",
        "Nettverk",
        "Tiltak å følge opp",
        "Innvandrerbakgrunn 2018",
    ]
    assert [m.value for m in at.metric] == ["15", "32", "13", "15,3\u00a0%"]
    assert {"14 aktive (egen slutning)", "13 ikke rapportert"} <= {shown(c.value) for c in at.caption}
    assert "Vedtatt av Bystyret 29.08.2019 (sak 87/19, arkivsak 19/8286). Periode 2019–2022." in [
        shown(m.value) for m in at.markdown
    ]
    assert [shown(e.label) for e in at.expander][:5] == [
        "1 · Globalt partnerskap og solidaritet",
        "2 · Utvikling gjennom deltagelse i EU-prosjekter og internasjonalt prosjektsamarbeid",
        "3 · Styrke samspillet mellom forskning og utvikling (FoU), næringsliv og offentlig sektor",
        "4 · Vennskapsbysamarbeid",
        "5 · Det internasjonale samfunnet i Trondheim",
    ]


def test_moving_the_year_to_1950_leaves_exactly_the_partners_begun_by_1950():
    at = run_page(PAGES[1])
    assert len(deck_layer(at, "partners")) == 15
    at.slider(key="year").set_value(1950).run()
    assert sorted(row["id"] for row in deck_layer(at, "partners")) == [
        "dunfermline",
        "kopavogur",
        "norrkoping",
        "odense",
        "tampere",
    ]
    assert len(deck_layer(at, "arcs")) == 5
    assert "5 av 15 avtaler var inngått i 1950." in [m.value for m in at.markdown]


def test_the_profile_shows_conflicting_years_with_their_sources():
    at = run_page(PAGES[1])
    at.selectbox(key="city").set_value("vallejo").run()
    (warning,) = at.warning
    assert "1956" in warning.value and "1960" in warning.value
    assert "Vallejo Sister City Association" in warning.value


def test_a_partner_profile_shows_an_inferred_status_beside_a_sourced_one():
    at = run_page(PAGES[1])
    at.selectbox(key="city").set_value("keren").run()
    statuses = {m.label: m.value for m in at.metric}
    assert statuses["Status (egen slutning)"] == "aktiv"
    assert any("Ingen kilde daterer Memorandum of Understanding" in c.value for c in at.caption)  # escaped text
    assert any(m.value.startswith("**Aktivitetsområder (dashboardets klassifisering") for m in at.markdown)
    at.selectbox(key="city").set_value("split").run()
    assert {m.label: m.value for m in at.metric}["Status"] == "hvilende"  # a source says so: no mark


def test_a_network_profile_marks_a_description_the_dashboard_wrote():
    at = run_page(PAGES[2], "en")
    at.selectbox(key="network").set_value("icorn").run()
    texts = [t.value for t in at.text]
    assert "Network of cities of refuge for persecuted writers and artists. (written by the dashboard)" in texts
    at.selectbox(key="network").set_value("sdg-cities").run()
    assert "The strategy lists a letter of intent." in [t.value for t in at.text]


@pytest.mark.parametrize(
    ("org", "heading", "words"),
    [
        ("trd30", "Partene forplikter seg til", "i løpet av en periode på inntil fire år"),
        ("ntnu", "Gjennomgående mål", "dokumentert høyt internasjonalt nivå"),
        ("kuopio", "Visjon 2020", "150 000 asukkaan"),
    ],
)
def test_oversikt_shows_the_strategys_own_statements_with_their_source(org, heading, words):
    at = run_page(PAGES[0], "nb", org)
    assert heading in [shown(h.value) for h in at.subheader]
    assert any(words in t.value for t in at.text)
    if org == "kuopio":
        assert "3 aktive (egen slutning) · 2 med status ikke oppgitt" in [shown(c.value) for c in at.caption]


def test_every_chart_and_table_on_the_map_page_has_a_source_line():
    at = run_page(PAGES[1])
    captions = [shown(c.value) for c in at.caption]
    chart_tables = [e for e in at.expander if e.label == "Tallene bak figuren"]  # share their chart's source line
    tables = len(at.dataframe) - len(chart_tables)
    charts = len(elements(at, "deck_gl_json_chart")) + len(elements(at, "plotly_chart")) + tables
    assert sum(c.startswith(("Kilde:", "Kilder:")) for c in captions) >= charts == 3


def test_the_network_matrix_for_trondheim_has_the_five_goal_areas():
    at = run_page(PAGES[2])
    (matrix, counts, mix) = elements(at, "plotly_chart")
    spec = json.loads(matrix.proto.spec)
    assert {x for trace in spec["data"] for x in trace["x"]} == {"1", "2", "3", "4", "5"}
    assert "5 · Internasjonalt samfunn" in spec["data"][-1]["hovertemplate"]
    assert sum(len(trace["y"]) for trace in spec["data"]) == 30
    bars = json.loads(counts.proto.spec)["data"][0]
    assert dict(zip(bars["y"], plotly_values(bars["x"]), strict=True)) == {
        "1 · Globalt partnerskap": 10,
        "2 · EU-prosjekter": 9,
        "3 · FoU og næringsliv": 5,
        "4 · Vennskapsbyer": 4,
        "5 · Internasjonalt samfunn": 2,
    }
    assert "Færrest nettverk: 5 · Internasjonalt samfunn (2)." in " ".join(shown(m.value) for m in at.markdown)


def test_networks_that_serve_no_goal_area_are_said_so_in_words(data_copy, monkeypatch):
    path = data_copy / "trondheim/network_goal_areas.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = run_page(PAGES[2])
    assert not at.exception
    texts = [shown(m.value) for m in at.markdown]
    assert "32 nettverk. Ingen av dem er knyttet til et målområde i dataene." in texts
    assert not any("nan" in text or "Færrest" in text for text in texts)


@pytest.fixture
def hostile_data(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    path = target / "trondheim/partners.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Graz,Graz,", f",{HOSTILE},Graz,"), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(target))
    return target


def test_a_hostile_city_name_reaches_the_map_only_as_data_and_the_profile_escaped(hostile_data):
    at = run_page(PAGES[1])
    assert not at.exception
    names = [row["name"] for row in deck_layer(at, "partners")]
    assert HOSTILE in names
    at.selectbox(key="city").set_value("graz").run()
    assert any(HOSTILE in shown(s.value) for s in at.subheader)  # escaped: shown as text, not HTML
    assert all(markup_left(s.value) == [] for s in at.subheader)
    for block in at.markdown:
        if "img" in block.value:
            assert "\\<img" in block.value and not block.proto.allow_html


def test_a_broken_bundle_stops_every_page_with_its_message(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    path = target / "trondheim/partners.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("49.87056", "123"), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(target))
    for page in PAGES:
        at = run_page(page)
        assert not at.exception
        (error,) = at.error
        assert "partners.csv, rad 2, kolonne «lat»" in shown(error.value)
        assert not elements(at, "deck_gl_json_chart")


@pytest.fixture
def bundle_without_partners(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    (target / "uten-partnere").mkdir()
    (target / "uten-partnere/organisation.yml").write_text(
        "id: uten-partnere\nname: Organisasjon uten partnerbyer\nkind: testorganisasjon\n", encoding="utf-8"
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(target))


@pytest.mark.parametrize("page", PAGES)
def test_a_bundle_with_only_an_organisation_file_says_what_it_lacks(bundle_without_partners, page):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["org"] = "uten-partnere"
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception and not at.error
    assert "Organisasjon uten partnerbyer" in at.selectbox(key="org").options
    messages = [info.value for info in at.info] + [caption.value for caption in at.caption]
    expected = {
        PAGES[0]: "Denne organisasjonen har ingen strategi i dataene.",
        PAGES[1]: "Organisasjon uten partnerbyer har ingen vennskapsbyer i dataene.",
        PAGES[2]: "Organisasjon uten partnerbyer har ingen nettverk i dataene.",
        PAGES[3]: "Ingen kjente uenigheter mellom kildene.",
        PAGES[4]: "Det finnes ingen befolkningstall for Organisasjon uten partnerbyer i datapakken.",
        PAGES[5]: "Organisasjon uten partnerbyer har ingen tiltak å følge opp i dataene.",
        PAGES[6]: "lysbilde 1 av 1",  # only the overview slide: the bundle has nothing else to show
    }[page]
    assert any(expected in message for message in messages)


def test_the_organisation_chooser_lists_every_bundle_in_the_data_folder():
    at = run_page(PAGES[0])
    assert at.selectbox(key="org").options == [
        "Kuopion kaupunki (Kuopio)",
        "NTNU",
        "Trondheim kommune",
        "Trøndelag fylkeskommune",
        "Universitetskommunen TRD3.0",
    ]


def test_ntnu_says_it_has_no_twin_cities_instead_of_failing():
    at = run_page(PAGES[1], org="ntnu")
    assert [i.value for i in at.info] == ["NTNU har ingen vennskapsbyer i dataene."]


def test_the_file_list_names_every_file_of_the_bundle():
    at = run_page(PAGES[3])
    (files,) = [frame for frame in at.dataframe if "Fil" in frame.value.columns]
    assert "trondheim/networks.csv" in files.value["Fil"].tolist()
    assert files.value.set_index("Fil").loc["trondheim/network_goal_areas.csv", "Rader"] == "30"
    assert files.value.set_index("Fil").loc["trondheim/population.csv", "Rader"] == "57"


@pytest.mark.parametrize(
    "breakage, message",
    [
        ("outlines", "shared/countries-110m.geojson: filen finnes ikke."),
        ("long-field", "trondheim/partner_facts.csv, rad 2: et felt er lengre enn 131 072 tegn."),
        ("no-region-key", "trondheim/organisation.yml, kolonne «population.regions[0].key»"),
    ],
)
def test_a_malformed_data_folder_stops_every_page_with_one_message_and_no_server_path(
    tmp_path, monkeypatch, breakage, message
):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    if breakage == "outlines":
        (target / "shared/countries-110m.geojson").unlink()
    elif breakage == "long-field":
        path = target / "trondheim/partner_facts.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("møttes i Graz", "x" * 131_073), encoding="utf-8")
    else:
        path = target / "trondheim/organisation.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("{key: trondheim, ", "{"), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(target))
    for page in PAGES:
        at = run_page(page)
        assert not at.exception
        (error,) = at.error
        assert message in shown(error.value) and str(tmp_path) not in shown(error.value)
