"""Pure partner analysis as tables of cases on tiny frames."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import partners as p

TINY = pd.DataFrame(
    {
        "id": ["a", "b", "c", "d"],
        "name": ["A", "B", "C", "D"],
        "agreement_type": ["vennskapsby", "vennskapsby", "intensjonsavtale", "mou"],
        "since_year": [1945, 1956, 2012, 2001],
        "status": ["aktiv", "hvilende", "aktiv", "aktiv"],
        "lon": [1.0, 2.0, 3.0, 4.0],
        "lat": [10.0, 20.0, 30.0, 40.0],
    }
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1944, []),
        (1945, ["a"]),
        (1950, ["a"]),
        (1956, ["a", "b"]),
        (2001, ["a", "b", "d"]),
        (2026, ["a", "b", "c", "d"]),
    ],
)
def test_partners_active_in(year, expected):
    assert list(p.partners_active_in(TINY, year)["id"]) == expected


@pytest.mark.parametrize(
    ("first", "last", "year", "type_", "count"),
    [
        (1945, 2026, 1945, "vennskapsby", 1),
        (1945, 2026, 1955, "vennskapsby", 1),
        (1945, 2026, 1956, "vennskapsby", 2),
        (1945, 2026, 2011, "intensjonsavtale", 0),
        (1945, 2026, 2012, "intensjonsavtale", 1),
        (1945, 2026, 2026, "mou", 1),
        (1950, 1960, 1950, "vennskapsby", 1),  # a start before the first year still counts
    ],
)
def test_partner_counts_by_year_are_cumulative(first, last, year, type_, count):
    counts = p.partner_counts_by_year(TINY, first, last)
    assert counts["year"].min() == first and counts["year"].max() == last
    assert len(counts) == (last - first + 1) * 3
    row = counts[(counts["year"] == year) & (counts["agreement_type"] == type_)]
    assert row["count"].tolist() == [count]


def test_arcs_run_from_home_to_each_partner():
    arcs = p.arcs_from_home(TINY, {"lon": 10.4, "lat": 63.4})
    assert arcs["source_position"].tolist() == [[10.4, 63.4]] * 4
    assert arcs["target_position"].tolist() == [[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]]
    assert arcs["status"].tolist() == ["aktiv", "hvilende", "aktiv", "aktiv"]


FACTS = pd.DataFrame(
    {
        "partner_id": ["a", "a", "a", "b"],
        "year": pd.array([2015, None, 1945, 1956], dtype="Int64"),
        "kind": ["milestone", "activity", "agreement", "milestone"],
        "area": [None, "culture", "youth", None],
        "text_nb": ["x", "y", "z", "w"],
        "source": ["s2", "s3", "s1", "s4"],
    }
)


def test_facts_for_puts_dated_facts_first_in_year_order():
    assert p.facts_for(FACTS, "a")["text_nb"].tolist() == ["z", "x", "y"]


@pytest.mark.parametrize(("partner", "areas"), [("a", ["youth", "culture"]), ("b", []), ("nobody", [])])
def test_activity_areas_of(partner, areas):
    assert p.activity_areas_of(FACTS, partner) == areas


def test_year_conflicts_pair_the_used_year_with_the_other():
    partners = TINY.assign(since_source="strategy")
    conflicts = pd.DataFrame(
        {
            "partner_id": ["b"],
            "field": ["since_year"],
            "value": [1960],
            "source": ["other"],
            "note_nb": ["n"],
            "note_en": [""],
        }
    )
    table = p.year_conflicts(partners, conflicts)
    assert table[["id", "since_year", "since_source", "other_year", "other_source"]].values.tolist() == [
        ["b", 1956, "strategy", 1960, "other"]
    ]


def test_sources_of_a_partner_are_listed_once_each(trondheim):
    ids = p.sources_of(trondheim.partners, trondheim.partner_facts, trondheim.partner_conflicts, "vallejo")
    assert ids == [
        "tk-strategi-2019",
        "egen-klassifisering",
        "geonames-cities15000",
        "vallejo-sister-city",
        "vallejo-sister-city-1997",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Split – Kroatia\nVennskapsby, siden 1956\nhvilende"),
        ("en", "Split – Croatia\nTwin city, since 1956\ndormant"),
    ],
)
def test_tooltips_are_plain_text_per_language(trondheim, lang, expected):
    split = trondheim.partners[trondheim.partners["id"] == "split"]
    assert p.partner_tooltips(split, lang).tolist() == [expected]


def test_counts_summary_states_first_peak_and_total(trondheim):
    assert p.counts_summary(trondheim.partners, "nb") == (
        "Første avtale: 1945. Flest nye avtaler i ett år: 4 i 1946. I alt 15 i 2012."
    )


def test_profile_of_vallejo_names_the_conflict_and_dates_each_fact(trondheim, sources):
    profile = p.profile_of(trondheim, sources, "vallejo", "nb")
    assert profile.title == "Vallejo – USA (California)"
    assert (profile.since, profile.type_label, profile.status_label) == (1956, "Vennskapsby", "aktiv (egen slutning)")
    (conflict,) = profile.conflicts
    assert conflict.startswith(
        "Kildene spriker om startåret: 1956 (Trondheim kommune, Internasjonal strategi 2019–2022)"
    )
    assert "mot 1960 (Vallejo Sister City Association)" in conflict
    assert profile.facts == [
        (
            "1960: Trondheim takket ja 8. november 1960; bystyret i Vallejo bekreftet 14. november 1960.",
            "Vallejo Sister City Association",
        ),
        (
            "1997: Offisielt besøk fra Vallejo til Trondheims tusenårsjubileum i 1997.",
            "Vallejo Sister City Association",
        ),
    ]
    assert list(profile.sources.index) == [
        "tk-strategi-2019",
        "egen-klassifisering",
        "geonames-cities15000",
        "vallejo-sister-city",
        "vallejo-sister-city-1997",
    ]


@pytest.mark.parametrize(
    ("partner", "lang", "status", "areas"),
    [
        ("split", "nb", "hvilende", []),
        ("split", "en", "dormant", []),
        ("keren", "en", "active (own inference)", ["solidarity", "culture", "environment"]),
        ("dunfermline", "nb", "aktiv (egen slutning)", ["ungdom"]),
    ],
)
def test_profile_labels_follow_the_language(trondheim, sources, partner, lang, status, areas):
    profile = p.profile_of(trondheim, sources, partner, lang)
    assert profile.status_label == status
    assert profile.areas == areas


def test_profile_of_tiraspol_carries_the_strategys_footnote(trondheim, sources):
    texts = [text for text, _ in p.profile_of(trondheim, sources, "tiraspol", "nb").facts]
    assert any("Transnistria" in text and "fotnote 1" in text for text in texts)


TYPE_LABELS = {"vennskapsby": "Vennskapsby", "intensjonsavtale": "Intensjonsavtale", "mou": "MoU"}


@pytest.mark.parametrize(
    ("rows", "first", "last", "lang", "expected"),
    [
        (  # one row per year in which a count changes; types that never occur stay out
            TINY,
            1945,
            2026,
            "nb",
            {
                "År": ["1945", "1956", "2001", "2012"],
                "Vennskapsby": ["1", "2", "2", "2"],
                "Intensjonsavtale": ["0", "0", "0", "1"],
                "MoU": ["0", "0", "1", "1"],
                "I alt": ["1", "2", "3", "4"],
            },
        ),
        (  # agreements begun before the first year are there from the first row
            TINY[TINY["agreement_type"] == "vennskapsby"],
            1950,
            1960,
            "en",
            {"Year": ["1950", "1956"], "Vennskapsby": ["1", "2"], "Total": ["1", "2"]},
        ),
        (  # nothing begun in the range: no rows, no type columns
            TINY[TINY["since_year"] > 2020],
            1945,
            2026,
            "nb",
            {"År": [], "I alt": []},
        ),
    ],
)
def test_counts_table_has_the_years_where_a_count_changes(rows, first, last, lang, expected):
    table = p.counts_table(p.partner_counts_by_year(rows, first, last), TYPE_LABELS, lang)
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected), check_dtype=False)


def test_counts_table_of_trondheim_ends_with_all_fifteen(trondheim):
    counts = p.partner_counts_by_year(trondheim.partners, 1945, 2026)
    table = p.counts_table(counts, TYPE_LABELS, "nb")
    assert table.iloc[-1].tolist() == ["2012", "13", "1", "1", "15"]
    assert table["År"].is_unique and "2026" not in table["År"].tolist()
