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
    assert profile.goal_areas == ["5 · Internasjonalt samfunn"]
    assert (profile.scope, profile.theme, profile.join_year) == (
        "globalt",
        "flyktninger og menneskerettigheter",
        "2004",
    )
    assert [text[:4] for text, _ in profile.facts] == ["2004", "2006"]
    assert profile.source_ids == ["tk-strategi-2019", "egen-klassifisering", "icorn-trondheim", "norskpen-icorn"]


def test_network_profile_without_join_year_says_it_was_not_found(trondheim, sources):
    assert nw.network_profile(trondheim, sources, "polis", "en").join_year == "not found in the sources"
