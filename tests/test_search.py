"""analytics.search: one index over every organisation, tolerant of case and accents, each hit with its link."""

from __future__ import annotations

import pytest

from analytics import population, search
from analytics.bundle import list_bundles, load_bundle
from tests.conftest import DATA, TODAY


@pytest.fixture(scope="module")
def index(sources):
    organisations = []
    for org_id, name in list_bundles(DATA):
        path = DATA / org_id / population.FILE
        figures = population.load(path, sources["id"], TODAY) if path.exists() else population.empty(TODAY)
        organisations.append(
            search.Organisation(org_id, name, load_bundle(DATA / org_id, sources["id"], TODAY), figures)
        )
    return search.build_index(organisations, sources)


def first(index, query):
    hits, total = search.search(index, query)
    assert total > 0, query
    return hits.iloc[0]


@pytest.mark.parametrize("query", ["krakow", "KRAKÓW", "Krakow ", "kraków"])
def test_krakow_finds_the_twin_city_first_whatever_the_case_and_accents(index, query):
    hit = first(index, query)
    assert (hit["title"], hit["kind"], hit["view"]) == ("Kraków", "partner", "vennskapsbyer")
    assert hit["params"] == {"org": "Trondheim kommune", "city": "Kraków"}


def test_icorn_finds_the_network_of_trondheim(index):
    hit = first(index, "icorn")
    assert hit["kind"] == "network" and hit["view"] == "nettverk"
    assert hit["params"] == {"org": "Trondheim kommune", "network": "ICORN – International Cities of Refuge Network"}


def test_helse_finds_health_networks_of_two_organisations(index):
    hits, _ = search.search(index, "helse")
    networks = hits[hits["kind"] == "network"]
    assert {"Trondheim kommune", "Kuopion kaupunki (Kuopio)"} <= set(networks["org_name"])
    assert "WHO:n Euroopan Healthy Cities" in set(networks["title"])


def test_english_text_is_found_too(index):
    hit = first(index, "cities of refuge")
    assert "ICORN" in hit["title"]


def test_every_word_must_match_and_nothing_matches_nothing(index):
    assert search.search(index, "krakow icorn")[1] == 0
    assert search.search(index, "   ")[1] == 0


def test_a_measure_opens_the_measures_view_at_its_bokmal_title(index):
    hits, _ = search.search(index, "kompetansebygging")
    measure = hits[hits["kind"] == "measure"].iloc[0]
    assert measure["view"] == "tiltak" and measure["org_name"] == "Trøndelag fylkeskommune"
    assert measure["params"]["measure"] == measure["title"]


def test_a_country_background_opens_the_population_view_of_its_organisation(index):
    hits, _ = search.search(index, "syria")
    country = hits[hits["kind"] == "country"]
    assert set(country["view"]) == {"befolkning"} and "Trøndelag fylkeskommune" in set(country["org_name"])


def test_a_source_is_listed_once_under_an_organisation_that_cites_it(index, sources):
    found = index[index["kind"] == "source"]
    assert len(found) == len(sources)
    icorn = found[found["title"].str.contains("city of refuge", case=False)]
    assert set(icorn["org_name"]) == {"Trondheim kommune"}


def test_the_limit_and_the_total(index):
    hits, total = search.search(index, "trondheim", limit=3)
    assert len(hits) == 3 and total > 3


@pytest.mark.parametrize(("lang", "expected"), [("nb", {}), ("en", {"lang": "English"})])
def test_link_params_keep_the_language(index, lang, expected):
    hit = first(index, "krakow")
    assert search.link_params(hit, lang) == {"org": "Trondheim kommune", "city": "Kraków", **expected}
