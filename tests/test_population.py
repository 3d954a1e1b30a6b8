"""The shipped population snapshots, their checks, and the tables the Befolkning view draws."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics import population
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
    assert share["year"].min() == 2013 and share["year"].max() == 2023
    norway = share[share["region"] == "norge"].set_index("year")["value"]
    assert len(norway) == 11
    assert math.isnan(norway[2014]) and math.isnan(norway[2016]) and math.isnan(norway[2019])
    assert norway[2013] == 14.1 and norway[2022] == 18.7
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
