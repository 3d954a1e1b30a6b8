"""Views adapted to the organisation (issue 13): links only to views with data, its own term, its own types, and a
footer that says something."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from analytics import overview, partners
from analytics.bundle import load_bundle, load_sources
from tests.conftest import DATA
from tests.test_pages import run_page

pytestmark = pytest.mark.usefixtures("app_state")


def link_labels(at) -> list[str]:
    return [el.proto.label for el in at.main.children.values() for el in _walk(el) if el.type == "page_link"]


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def test_go_further_links_only_to_views_with_data():
    trondheim = link_labels(run_page("views/oversikt/page.py", "nb", "trondheim"))
    assert "Se vennskapsbyene på kartet" in trondheim and "Se nettverkene per målområde" in trondheim
    ntnu = link_labels(run_page("views/oversikt/page.py", "nb", "ntnu"))
    assert "Se vennskapsbyene på kartet" not in ntnu  # NTNU has no twin cities, networks or population figures
    assert "Se nettverkene per målområde" not in ntnu
    assert "Se befolkningstallene" not in ntnu
    assert "Følg opp tiltakene" in ntnu and "Kilder og datanotater" in ntnu


def test_headings_say_the_organisations_own_term():
    ntnu = run_page("views/tiltak/page.py", "nb", "ntnu")
    assert "Status per utviklingsmål" in [h.value for h in ntnu.header]
    trondelag = run_page("views/oversikt/page.py", "en", "trondelag")
    assert "Status by measure" in [h.value for h in trondelag.header]  # its singular term
    trd30 = run_page("views/tiltak/page.py", "nb", "trd30")
    assert "Status per innsatsområde" in [h.value for h in trd30.header]
    assert trd30.multiselect(key="measures_goal").label == "Innsatsområde"  # the filter says it too
    trondheim = run_page("views/tiltak/page.py", "nb", "trondheim")
    assert "Status per målområde" in [h.value for h in trondheim.header]


def test_term_heading_falls_back_to_the_house_word():
    assert overview.term_heading({}, "measures.rollup", "en") == "Status per goal area"
    own = {"terms": {"goal_areas_nb": "Utviklingsmål", "goal_areas_en": "Development goals"}}
    assert overview.term_heading(own, "periods.final_heading", "en") == "Final report by development goals"
    own["terms"]["goal_area_en"] = "Development goal"
    assert overview.term_heading(own, "periods.final_heading", "en") == "Final report by development goal"
    assert overview.term({}, "goal_area", "nb") == "Målområde"


def test_the_legend_lists_only_the_agreement_types_the_organisation_has():
    sources = load_sources(DATA / "sources.yml")
    kuopio = load_bundle(DATA / "kuopio", set(sources["id"]), dt.date(2026, 11, 30))
    trondheim = load_bundle(DATA / "trondheim", set(sources["id"]), dt.date(2026, 11, 30))
    assert partners.legend_entries(kuopio.partners) == (["vennskapsby"], False)
    types, dormant = partners.legend_entries(trondheim.partners)
    assert set(types) == {"vennskapsby", "intensjonsavtale", "mou"} and dormant
    at = run_page("views/vennskapsbyer/page.py", "en", "kuopio")
    legend = next(m.value for m in at.markdown if 'role="list"' in m.value)
    assert "Twin city" in legend
    assert "MoU" not in legend and "Letter of intent" not in legend and "dormant" not in legend


def test_the_footer_does_not_read_data_data():
    at = run_page("views/oversikt/page.py", "nb", "trondheim")
    captions = [c.value for c in at.caption]
    assert "Alle tall med kilde. Programmet kjører uten internett." in captions
    assert not any("Data: data" in c for c in captions)


@pytest.mark.parametrize("page", ["views/oversikt/page.py", "views/tiltak/page.py"])
def test_the_status_line_and_headline_figures_say_the_datas_date(page):
    captions = [c.value for c in run_page(page, "nb", "trondheim").caption]
    assert any("Ingen rapporter ennå" in c for c in captions)  # the status roll-up: no report in the shipped data
    if page.startswith("views/oversikt"):
        assert any(re.search(r"Kilder datert (19|20)\d\d", c) for c in captions)  # the headline figures
