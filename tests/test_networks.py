"""Coverage, gaps, scope mix and comparison as tables of cases on tiny frames."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import networks as nw
from analytics.bundle import THEMES

GOALS = pd.DataFrame(
    {
        "id": ["a", "b", "c"],
        "number": [1, 2, 3],
        "name_nb": ["Alfa", "Beta", "Gamma"],
        "name_en": ["Alpha", "Beta", "Gamma"],
        "short_nb": ["A", "", "C"],
        "short_en": ["", "", ""],
    }
)
NETS = pd.DataFrame(
    {
        "id": ["n1", "n2", "n3", "n4"],
        "name": ["Net 1", "Net 2", "Net 3", "Net 4"],
        "scope": ["global", "nordic", "global", "local"],
        "theme": ["sustainability", "smart_city", "smart_city", "transport"],
    }
)
LINKS = pd.DataFrame({"network_id": ["n1", "n2", "n2", "n3"], "goal_area_id": ["a", "a", "b", "a"]})


def test_networks_per_goal_area_counts_every_goal_area_including_empty_ones():
    counts = nw.networks_per_goal_area(LINKS, GOALS)
    assert counts[["id", "networks"]].values.tolist() == [["a", 3], ["b", 1], ["c", 0]]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([3, 1, 0], ["c"]), ([2, 1, 1], ["b", "c"]), ([0, 0, 0], ["a", "b", "c"])],
)
def test_fewest_networks_keeps_ties(counts, expected):
    frame = GOALS.assign(networks=counts)
    assert nw.fewest_networks(frame)["id"].tolist() == expected


def test_networks_without_goal_area():
    assert nw.networks_without_goal_area(NETS, LINKS)["id"].tolist() == ["n4"]


def test_themes_not_covered_keep_the_fixed_order():
    missing = nw.themes_not_covered(NETS)
    assert missing == [theme for theme in THEMES if theme not in {"sustainability", "smart_city", "transport"}]


def test_coverage_matrix_has_one_row_per_link_in_goal_area_order():
    matrix = nw.coverage_matrix(NETS, LINKS, GOALS)
    assert matrix[["number", "name"]].values.tolist() == [[1, "Net 1"], [1, "Net 2"], [1, "Net 3"], [2, "Net 2"]]


def test_scope_mix_counts_scopes_per_goal_area_with_zeros():
    mix = nw.scope_mix(NETS, LINKS, GOALS).set_index(["goal_area_id", "scope"])["networks"]
    assert (mix["a", "global"], mix["a", "nordic"], mix["b", "nordic"], mix["c", "global"], mix["a", "local"]) == (
        2,
        1,
        1,
        0,
        0,
    )


@pytest.mark.parametrize(
    ("theme", "who", "first", "second"),
    [
        ("smart_city", "both", ["Net 2", "Net 3"], ["Other smart"]),
        ("sustainability", "first", ["Net 1"], []),
        ("health_ageing", "second", [], ["Healthy"]),
        ("culture_heritage", "none", [], []),
    ],
)
def test_compare_by_theme(theme, who, first, second):
    other = pd.DataFrame({"name": ["Other smart", "Healthy"], "theme": ["smart_city", "health_ageing"]})
    row = nw.compare_by_theme(NETS, other).set_index("theme").loc[theme]
    assert (row["who"], row["first"], row["second"]) == (who, first, second)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nb", {1: "1 · A", 2: "2 · Beta", 3: "3 · C"}), ("en", {1: "1 · Alpha", 2: "2 · Beta", 3: "3 · Gamma"})],
)
def test_goal_labels_prefer_short_names(lang, expected):
    assert nw.goal_labels(GOALS, lang) == expected


def test_trondheim_and_kuopio_compared_by_theme(trondheim, sources):
    from analytics.bundle import load_bundle
    from tests.conftest import DATA, TODAY

    kuopio = load_bundle(DATA / "kuopio", sources["id"], TODAY)
    comparison = nw.compare_by_theme(trondheim.networks, kuopio.networks).set_index("theme")["who"].to_dict()
    assert {theme for theme, who in comparison.items() if who == "both"} == {
        "sustainability",
        "education_research",
        "health_ageing",
        "eu_access",
    }
    assert {theme for theme, who in comparison.items() if who == "first"} == {
        "smart_city",
        "culture_heritage",
        "business_rd",
        "transport",
        "refugees_human_rights",
        "twin_nordic",
    }
    summary = nw.comparison_summary(
        nw.compare_by_theme(trondheim.networks, kuopio.networks), "Trondheim", "Kuopio", "nb"
    )
    assert summary.endswith("Bare Kuopio: ingen.")


def test_network_profile_of_icorn_has_join_year_and_dated_facts(trondheim, sources):
    profile = nw.network_profile(trondheim, sources, "icorn", "nb")
    assert profile.goal_areas == ["5 · Internasjonalt samfunn (egen slutning)"]
    assert (profile.scope, profile.theme, profile.join_year) == (
        "globalt",
        "flyktninger og menneskerettigheter",
        "2004",
    )
    assert [text[:4] for text, _ in profile.facts] == ["2004", "2006", "ICOR"]  # dated first, then the explanation
    assert profile.source_ids == [
        "tk-strategi-2019",
        "egen-klassifisering",
        "icorn-trondheim",
        "norskpen-icorn",
        "penopp-icorn-2016",
    ]


def test_network_profile_without_join_year_says_it_was_not_found(trondheim, sources):
    assert nw.network_profile(trondheim, sources, "polis", "en").join_year == "not found in the sources"


LABELS = {1: "1 · A", 2: "2 · Beta", 3: "3 · C"}


@pytest.mark.parametrize(
    ("links", "lang", "expected"),
    [
        (
            LINKS,
            "nb",
            "Hver prikk er et nettverk som strategien knytter til målområdet. "
            "4 prikker for 3 nettverk; 1 av dem er knyttet til mer enn ett målområde.",
        ),
        (
            LINKS.iloc[:1],
            "en",
            "Each dot is a network the strategy ties to the goal area. "
            "1 dots for 1 networks; 0 of them are tied to more than one goal area.",
        ),
    ],
)
def test_coverage_summary_counts_dots_networks_and_those_serving_several(links, lang, expected):
    assert nw.coverage_summary(nw.coverage_matrix(NETS, links, GOALS), lang) == expected


@pytest.mark.parametrize(
    ("links", "lang", "expected"),
    [
        (
            LINKS,
            "nb",
            {"Nettverk": ["Net 1", "Net 2", "Net 3"], "1 · A": ["ja", "ja", "ja"], "2 · Beta": ["", "ja", ""]},
        ),
        (LINKS.iloc[1:3], "en", {"Network": ["Net 2"], "1 · A": ["yes"], "2 · Beta": ["yes"]}),
    ],
)
def test_coverage_table_has_a_row_per_network_and_a_column_per_goal_area(links, lang, expected):
    table = nw.coverage_table(nw.coverage_matrix(NETS, links, GOALS), LABELS, lang)
    expected = expected | {"3 · C": [""] * len(next(iter(expected.values())))}
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "Antall nettverk per målområde: 1 · A (3); 2 · Beta (1); 3 · C (0). Et nettverk kan høre til flere målområder.",
        ),
        (
            "en",
            "Number of networks per goal area: 1 · A (3); 2 · Beta (1); 3 · C (0). A network may belong to several goal areas.",
        ),
    ],
)
def test_counts_summary_names_every_goal_area_with_its_count(lang, expected):
    assert nw.counts_summary(nw.networks_per_goal_area(LINKS, GOALS), LABELS, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", {"Målområde": ["1 · A", "2 · Beta", "3 · C"], "Antall nettverk": ["3", "1", "0"]}),
        ("en", {"Goal area": ["1 · A", "2 · Beta", "3 · C"], "Number of networks": ["3", "1", "0"]}),
    ],
)
def test_counts_table(lang, expected):
    table = nw.counts_table(nw.networks_per_goal_area(LINKS, GOALS), LABELS, lang)
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


SCOPE_LABELS = {
    "global": "globalt",
    "european": "europeisk",
    "nordic": "nordisk",
    "national_regional": "nasjonalt",
    "local": "lokalt",
    "unknown": "ukjent",
}


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (
            LINKS,
            "Nettverkene etter omfang, talt én gang for hvert målområde de tjener (4 i alt): globalt 2, nordisk 2.",
        ),
        (
            pd.DataFrame({"network_id": ["n2", "n2", "n3"], "goal_area_id": ["a", "b", "a"]}),
            "Nettverkene etter omfang, talt én gang for hvert målområde de tjener (3 i alt): nordisk 2, globalt 1.",
        ),
        (LINKS.iloc[:0], "Nettverkene etter omfang, talt én gang for hvert målområde de tjener (0 i alt): ingen."),
    ],
)
def test_scope_summary_counts_scopes_largest_first(links, expected):
    assert nw.scope_summary(nw.scope_mix(NETS, links, GOALS), SCOPE_LABELS, "nb") == expected


def test_scope_table_has_a_column_per_scope_that_occurs_and_the_total():
    table = nw.scope_table(nw.scope_mix(NETS, LINKS, GOALS), LABELS, SCOPE_LABELS, "nb")
    expected = {
        "Målområde": ["1 · A", "2 · Beta", "3 · C"],
        "globalt": ["2", "0", "0"],
        "nordisk": ["1", "1", "0"],
        "I alt": ["3", "1", "0"],
    }
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


def per_goal_area_with_labels(links: pd.DataFrame, goals: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = nw.networks_per_goal_area(links, goals)
    return frame.assign(label=frame["number"].map(nw.goal_labels(goals, lang)))


@pytest.mark.parametrize(
    ("links", "goals", "lang", "expected"),
    [
        (LINKS, GOALS, "nb", "4 nettverk. Færrest nettverk: 3 · C (0)."),
        (LINKS[LINKS["goal_area_id"] == "a"], GOALS, "en", "4 networks. Fewest networks: 2 · Beta, 3 · Gamma (0)."),
        (LINKS.iloc[0:0], GOALS, "nb", "4 nettverk. Ingen av dem er knyttet til et målområde i dataene."),
        (LINKS.iloc[0:0], GOALS.iloc[0:0], "nb", "4 nettverk. Ingen av dem er knyttet til et målområde i dataene."),
        (LINKS.iloc[0:0], GOALS.iloc[0:0], "en", "4 networks. None of them is tied to a goal area in the data."),
    ],
    ids=["fewest", "two share the fewest", "no links", "no goal areas (Kuopio)", "no goal areas, English"],
)
def test_the_networks_summary_names_the_fewest_or_says_in_words_that_none_is_linked(links, goals, lang, expected):
    summary = nw.networks_summary(NETS, per_goal_area_with_labels(links, goals, lang), lang)
    assert summary == expected and "nan" not in summary
