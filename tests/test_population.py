"""The shipped population snapshots, their checks, and the tables the Befolkning view draws."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics import population, population_tables
from analytics.checks import DataError
from tests.conftest import DATA, TODAY


@pytest.fixture(scope="module")
def snapshot(sources):
    return population.load(DATA / "trondheim" / population.FILE, sources["id"], TODAY)


@pytest.mark.parametrize("org", ["trondheim", "trondelag", "kuopio", "ntnu", "trd30"])
def test_every_bundle_loads_and_the_shipped_rows_are_not_from_the_api(org, sources):
    frame = population.load(DATA / org / population.FILE, sources["id"], TODAY)
    assert frame["table"].isna().all()  # the shipped file must not pretend to be an SSB answer
    assert population.origin(frame) in ("snapshot", "")
    assert frame["source"].isin(sources["id"]).all()


def test_the_verified_figures_are_there_with_their_sources(snapshot):
    def figure(region, year, measure, country=None):
        rows = snapshot[(snapshot["region"] == region) & (snapshot["year"] == year) & (snapshot["measure"] == measure)]
        rows = rows[rows["country_code"] == country] if country else rows[rows["country_code"].isna()]
        return rows["value"].item(), rows["source"].item()

    assert figure("trondheim", 2018, "innvandrerbakgrunn") == (29539, "tk-strategi-2019")
    assert figure("trondheim", 2018, "andel_innvandrerbakgrunn") == (15.3, "tk-strategi-2019")
    assert figure("trondheim", 2011, "innvandrerbakgrunn", "PL") == (1255, "ssb-innvbef-2011-tab10")
    assert figure("trondheim", 2012, "innvandrerbakgrunn") == (20331, "ssb-innvbef-2012-tab10")
    assert figure("norge", 2018, "andel_innvandrerbakgrunn") == (17.3, "ssb-342245")
    assert figure("norge", 2021, "innvandrerbakgrunn") == (997942, "ssb-innvbef-2021")
    assert figure("trondelag", 2023, "norskfodte") == (9949, "trondelagitall-trondere")


def test_parts_add_up_where_the_source_gives_all_three(snapshot):
    table = population.split(snapshot, "norge").dropna()
    assert (table["innvandrere"] + table["norskfodte"] == table["innvandrerbakgrunn"]).all()
    assert len(table) == 5  # 2013, 2015, 2017, 2018, 2021 (2020 has no total in its source)


def test_series_has_a_row_for_every_year_and_nan_where_nobody_measured(snapshot):
    share = population.series(snapshot, "andel_innvandrerbakgrunn")
    assert share["year"].min() == 2013 and share["year"].max() == 2026
    norway = share[share["region"] == "norge"].set_index("year")["value"]
    assert len(norway) == 14
    assert math.isnan(norway[2014]) and math.isnan(norway[2016]) and math.isnan(norway[2019])
    assert math.isnan(norway[2023]) and math.isnan(norway[2025])  # measured years only: no line across the gap
    assert norway[2013] == 14.1 and norway[2022] == 18.7 and norway[2024] == 20.8 and norway[2026] == 21.8
    assert list(dict.fromkeys(share["region"])) == ["trondheim", "trondelag", "norge"]


def test_largest_backgrounds_and_change_between_two_years(snapshot):
    top = population.countries(snapshot, "trondheim", 2012)
    assert top["country_name"].tolist()[:3] == ["Polen", "Tyrkia", "Sverige"]
    moved = population.change(snapshot, "trondheim", 2011, 2012).set_index("country_code")
    assert moved.loc["PL", "change"] == 1536 - 1255
    assert moved.loc["PL", "change_percent"] == pytest.approx(100 * 281 / 1255)
    assert moved.index[0] == "PL"  # the largest increase first
    assert population.country_years(snapshot, "trondheim") == [2011, 2012]


def test_partner_countries_match_by_code_or_norwegian_name(snapshot, trondheim):
    table = population.partner_backgrounds(snapshot, trondheim.partners, "trondheim", 2012).set_index("partner_id")
    assert table.loc["darmstadt", "value"] == 921  # Tyskland
    assert table.loc["krakow", "value"] == 1536  # Polen
    assert table.loc["norrkoping", "value"] == 1083  # Sverige
    assert math.isnan(table.loc["graz", "value"])  # Østerrike is not among the figures: missing, not 0
    assert population.partner_highlights(table) == {"DE": "Darmstadt", "SE": "Norrköping", "PL": "Kraków"}
    ssb_style = pd.DataFrame(
        [
            {
                "region": "trondheim",
                "year": 2024,
                "measure": "innvandrerbakgrunn",
                "country_code": "139",
                "country_name": "Storbritannia",
                "value": 812.0,
                "source": "ssb-09817",
            }
        ]
    )
    matched = population.partner_backgrounds(ssb_style, trondheim.partners, "trondheim", 2024).set_index("partner_id")
    assert matched.loc["dunfermline", "value"] == 812  # «Skottland (Storbritannia)» ↔ SSB's «Storbritannia»
    assert population.partner_highlights(matched) == {"139": "Dunfermline"}


def test_latest_measured_figure(snapshot):
    row = population.latest(snapshot, "trondheim", "andel_innvandrerbakgrunn")
    assert (row["year"], row["value"]) == (2018, 15.3)
    assert population.latest(snapshot, "trondheim", "innvandrere") is None


HEADER = "region,region_name,year,measure,country_code,country_name,value,status,unit,source,table,updated,fetched,note_nb,note_en\n"
BREAKAGES = [
    ("trondheim,Trondheim,2018,innvandrere,,,,,personer,tk-strategi-2019,,,,,", 2, "value", "verdien mangler"),
    ("trondheim,Trondheim,2018,innvandrere,,,12,:,personer,tk-strategi-2019,,,,,", 2, "value", "både et tall og"),
    ("trondheim,Trondheim,2018,andel_innvandrere,,,101,,prosent,tk-strategi-2019,,,,,", 2, "value", "over 100"),
    ("trondheim,Trondheim,2018,innvandrere,,,12,,prosent,tk-strategi-2019,,,,,", 2, "unit", "enheten passer ikke"),
    ("trondheim,Trondheim,2018,innvandrere,,,12,,personer,ukjent-kilde,,,,,", 2, "source", "«ukjent-kilde»"),
    ("trondheim,Trondheim,2018,innvandrerz,,,12,,personer,tk-strategi-2019,,,,,", 2, "measure", "ugyldig"),
    ("trondheim,Trondheim,2031,innvandrere,,,12,,personer,tk-strategi-2019,,,,,", 2, "year", "ugyldig"),
    ("trondheim,Trondheim,2018,innvandrere,,,12,**,personer,tk-strategi-2019,,,,,", 2, "status", "ugyldig"),
    (
        "trondheim,Trondheim,2018,innvandrere,,,12,,personer,tk-strategi-2019,,,,,\n"
        "trondheim,Trondheim,2018,innvandrere,,,13,,personer,tk-strategi-2019,,,,,",
        3,
        "measure",
        "to ganger",
    ),
]


@pytest.mark.parametrize("rows, line, column, message", BREAKAGES, ids=[b[3][:16] for b in BREAKAGES])
def test_a_broken_snapshot_names_row_and_column(tmp_path, sources, rows, line, column, message):
    path = tmp_path / population.FILE
    path.write_text(HEADER + rows + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        population.load(path, sources["id"], TODAY)
    assert (caught.value.row, caught.value.column) == (line, column)
    assert message in str(caught.value) and population.FILE in str(caught.value)


def test_a_symbol_without_a_value_is_allowed(tmp_path, sources):
    path = tmp_path / population.FILE
    path.write_text(HEADER + "trondheim,Trondheim,2018,innvandrere,PL,Polen,,:,personer,ssb-09817,09817,,,,\n")
    frame = population.load(path, sources["id"], TODAY)
    assert frame["status"].tolist() == [":"] and frame["value"].isna().all()


NB = "\u00a0"


def figures(*rows) -> pd.DataFrame:
    """Rows: (region, region_name, year, measure, country_code, country_name, value, status)."""
    columns = ["region", "region_name", "year", "measure", "country_code", "country_name", "value", "status"]
    frame = pd.DataFrame(rows, columns=columns).astype({"year": "Int64", "value": "float64"})
    frame["unit"] = frame["measure"].map(population.MEASURES)
    frame["source"] = "s"
    frame["note_nb"], frame["note_en"] = None, None
    return frame


SHARES = figures(
    ("by", "By", 2018, "andel_innvandrerbakgrunn", None, None, 15.3, None),
    ("by", "By", 2020, "andel_innvandrerbakgrunn", None, None, None, ".."),
    ("land", "Landet", 2016, "andel_innvandrerbakgrunn", None, None, 16.0, None),
    ("land", "Landet", 2018, "andel_innvandrerbakgrunn", None, None, 17.3, None),
    ("fylke", "Fylket", 2018, "andel_innvandrerbakgrunn", None, None, None, ":"),
)


@pytest.mark.parametrize(
    ("rows", "lang", "items"),
    [
        (SHARES, "nb", f"By 15,3{NB}% (2018); Landet 17,3{NB}% (2018); Fylket : (2018)"),
        (SHARES[SHARES["region"] == "land"], "en", f"Landet 17,3{NB}% (2018)"),
        (SHARES[SHARES["year"] == 2020], "nb", "By .. (2020)"),  # only a symbol: the symbol, never a number
    ],
)
def test_share_summary_gives_each_regions_latest_measured_share(rows, lang, items):
    summary = population_tables.share_summary(population.series(rows, "andel_innvandrerbakgrunn"), lang)
    assert summary.startswith(("Siste målte andel: " if lang == "nb" else "Latest measured share: ") + items + ".")


def test_share_summary_says_when_a_region_has_no_figure_at_all():
    share = pd.DataFrame(
        {"region": ["by"], "region_name": ["By"], "year": [2018], "value": [float("nan")], "status": [None]}
    )
    assert population_tables.share_summary(share, "nb").startswith("Siste målte andel: By: ingen målte tall.")


def test_share_table_has_a_row_per_year_with_a_figure_and_keeps_symbols():
    table = population_tables.share_table(population.series(SHARES, "andel_innvandrerbakgrunn"), "nb")
    expected = {
        "År": ["2016", "2018", "2020"],
        "By": ["–", f"15,3{NB}%", ".."],
        "Landet": [f"16,0{NB}%", f"17,3{NB}%", "–"],
        "Fylket": ["–", ":", "–"],
    }
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


PERSONS = figures(
    ("by", "By", 2011, "innvandrerbakgrunn", None, None, 18501, None),
    ("by", "By", 2020, "innvandrere", None, None, 790497, None),
    ("by", "By", 2020, "norskfodte", None, None, 188757, None),
    ("by", "By", 2021, "innvandrerbakgrunn", None, None, 997942, None),
    ("by", "By", 2021, "innvandrere", None, None, 800094, None),
    ("by", "By", 2021, "norskfodte", None, None, None, ":"),
)


@pytest.mark.parametrize(
    ("years", "lang", "expected"),
    [
        (
            [2011],
            "nb",
            "By hadde 18\u00a0501 innbyggere med innvandrerbakgrunn i 2011. Skravert søyle: kilden oppgir bare summen, "
            "ikke fordelingen på innvandrere og norskfødte.",
        ),
        (
            [2020],  # the parts without a total: no total is made up from them
            "en",
            "The source gives no total for By, only its parts.",
        ),
        (
            [2011, 2020, 2021],
            "nb",
            "By hadde 997\u00a0942 innbyggere med innvandrerbakgrunn i 2021. I 2011 var tallet 18\u00a0501. Skravert "
            "søyle: kilden oppgir bare summen, ikke fordelingen på innvandrere og norskfødte.",
        ),
        (
            [2020, 2021],  # 2021's Norwegian-born are suppressed: the total stands alone, hatched
            "en",
            "By had 997\u00a0942 residents with an immigrant background in 2021. Hatched bar: the source gives only the "
            "total, not the split into immigrants and Norwegian-born.",
        ),
    ],
)
def test_persons_summary_gives_the_latest_total_and_never_adds_up_parts(years, lang, expected):
    rows = PERSONS[PERSONS["year"].isin(years)]
    assert population_tables.persons_summary(population.split(rows, "by"), "By", lang) == expected


def test_persons_summary_names_the_parts_where_the_source_gives_both():
    rows = figures(
        ("land", "Landet", 2021, "innvandrerbakgrunn", None, None, 997942, None),
        ("land", "Landet", 2021, "innvandrere", None, None, 800094, None),
        ("land", "Landet", 2021, "norskfodte", None, None, 197848, None),
    )
    assert population_tables.persons_summary(population.split(rows, "land"), "Landet", "nb") == (
        "Landet hadde 997\u00a0942 innbyggere med innvandrerbakgrunn i 2021: 800\u00a0094 innvandrere og "
        "197\u00a0848 norskfødte med innvandrerforeldre."
    )


def test_persons_table_keeps_symbols_and_marks_what_the_source_does_not_give():
    table = population_tables.persons_table(PERSONS, "en")
    expected = {
        "Year": ["2011", "2020", "2021"],
        "Immigrants": ["–", "790\u00a0497", "800\u00a0094"],
        "Norwegian-born to immigrant parents": ["–", "188\u00a0757", ":"],
        "Immigrants and Norwegian-born to immigrant parents": ["18\u00a0501", "–", "997\u00a0942"],
    }
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


COUNTRIES = figures(
    ("by", "By", 2011, "innvandrerbakgrunn", "PL", "Polen", 1255, None),
    ("by", "By", 2011, "innvandrerbakgrunn", "SE", "Sverige", 1044, None),
    ("by", "By", 2011, "innvandrerbakgrunn", "NR", "Nauru", None, ":"),
    ("by", "By", 2012, "innvandrerbakgrunn", "PL", "Polen", 1536, None),
    ("by", "By", 2012, "innvandrerbakgrunn", "SE", "Sverige", 1000, None),
    ("by", "By", 2012, "innvandrerbakgrunn", "IQ", "Irak", 930, None),
    ("by", "By", 2012, "innvandrerbakgrunn", "NR", "Nauru", 4, None),
)


@pytest.mark.parametrize(
    ("shown", "highlight", "expected"),
    [
        (
            15,
            {"PL": "Kraków"},
            "Største landbakgrunner i By i 2012: Polen 1\u00a0536, Sverige 1\u00a0000, Irak 930. Viser landene kilden "
            "nevner (4), ikke alle land. Mørkeblå søyle: land med en partnerby (vennskapsby, intensjonsavtale eller "
            "MoU). Partnerbyenes land: Polen 1\u00a0536 "
            "(Kraków).",
        ),
        (
            2,
            {"IQ": "Bagdad"},  # a twin city's country not among the bars drawn is not named
            "Største landbakgrunner i By i 2012: Polen 1\u00a0536, Sverige 1\u00a0000, Irak 930. De 2 største av 4 "
            "landbakgrunner. Mørkeblå søyle: land med en partnerby (vennskapsby, intensjonsavtale eller MoU).",
        ),
    ],
)
def test_countries_summary_names_the_largest_and_the_twin_cities_countries(shown, highlight, expected):
    top = population.countries(COUNTRIES, "by", 2012)
    assert population_tables.countries_summary(top, shown, highlight, "By", 2012, "nb") == expected


def test_countries_table_keeps_symbols_and_names_the_twin_cities():
    top = population.countries(COUNTRIES, "by", 2011)
    table = population_tables.countries_table(top, {"PL": "Kraków", "SE": "Norrköping"}, "nb")
    expected = {
        "Landbakgrunn": ["Polen", "Sverige", "Nauru"],
        "Personer": ["1\u00a0255", "1\u00a0044", ":"],
        "Partnerby": ["Kraków", "Norrköping", ""],
    }
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


@pytest.mark.parametrize(
    ("rows", "lang", "expected"),
    [
        (
            COUNTRIES,
            "nb",
            "1 av 2 landbakgrunner med tall i begge år økte fra 2011 til 2012; 1 gikk ned. Størst endring: Polen "
            "+281 (+22,4\u00a0%). Ikke med i begge år (ingen endring beregnet): Irak, Nauru.",
        ),
        (
            COUNTRIES[COUNTRIES["country_code"] == "SE"],
            "en",
            "0 of 1 country backgrounds with figures in both years grew from 2011 to 2012; 1 fell. Largest change: "
            "Sverige −44 (−4,2\u00a0%).",
        ),
        (
            COUNTRIES[COUNTRIES["country_code"] == "IQ"],
            "nb",
            "Ingen landbakgrunn har tall i både 2011 og 2012. Ikke med i begge år (ingen endring beregnet): Irak.",
        ),
    ],
)
def test_change_summary_counts_growth_and_decline_and_names_the_largest(rows, lang, expected):
    moved = population.change(rows, "by", 2011, 2012)
    assert population_tables.change_summary(moved, 2011, 2012, lang) == expected


def test_change_table_shows_both_years_and_the_change_with_missing_values_as_such():
    table = population_tables.change_table(population.change(COUNTRIES, "by", 2011, 2012), 2011, 2012, "nb")
    expected = {
        "Landbakgrunn": ["Polen", "Sverige", "Irak", "Nauru"],
        "2011": ["1\u00a0255", "1\u00a0044", "–", ":"],
        "2012": ["1\u00a0536", "1\u00a0000", "930", "4"],
        "Endring": ["+281", "−44", "–", "–"],
        "Endring i prosent": ["+22,4\u00a0%", "−4,2\u00a0%", "–", "–"],
    }
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected))


@pytest.mark.parametrize(
    ("notes", "lang", "expected"),
    [
        ([("a", "a-en"), ("a", "a-en"), (None, None)], "nb", ["Merknad: a"]),
        ([("a", "a-en"), ("b", None)], "en", ["Note: a-en", "Note: b"]),
    ],
)
def test_notes_of_gives_each_note_once_in_the_language(notes, lang, expected):
    rows = pd.DataFrame(notes, columns=["note_nb", "note_en"])
    assert population_tables.notes_of(rows, lang) == expected
