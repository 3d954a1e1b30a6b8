"""Utforsk in AppTest: the issue's five questions answered by a link (query parameters alone), the search in the
sidebar, the SQL box, and every bundle in both languages."""

from __future__ import annotations

import csv
import html
import json
import re

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from analytics.formatting import escape_markdown
from tests.markup_check import shown

PAGE = "views/utforsk/page.py"

pytestmark = pytest.mark.usefixtures("app_state")


def opened(**params) -> AppTest:
    """The app opened at /utforsk?<params>, as a link would open it."""
    at = AppTest.from_file("../app.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


@pytest.mark.parametrize(
    ("org", "first"),
    [("Trondheim kommune", "partners"), ("Trøndelag fylkeskommune", "measures"), ("NTNU", "measures")],
)
def test_the_view_opens_on_a_table_the_organisation_has_rows_in(org, first):
    at = opened(org=org)
    assert at.selectbox(key="table").value == first  # Trøndelag and NTNU have no twin cities
    assert not [i for i in at.info if "har ingen rader" in i.value]


def shown_rows(at: AppTest, number: int = 0):
    return at.dataframe[number].value


def displayed(at: AppTest, number: int = 0):
    """What the grid draws in each cell: the Norwegian number text the server sent beside the numbers."""
    return pa.ipc.open_stream(at.dataframe[number].proto.arrow_data.styler.display_values).read_pandas()


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_view_runs_for_every_bundle_and_language(org, lang):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["lang"], at.session_state["org"] = lang, org
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    assert at.title[0].value == ("Explore the data" if lang == "en" else "Utforsk dataene")


def test_q1_networks_of_goal_area_2_with_a_european_scope():
    at = opened(
        table="Nettverk og målområder", facet_networks_goal_area="2 · EU-prosjekter", facet_networks_scope="europeisk"
    )
    rows = shown_rows(at)
    assert len(rows) == 4
    assert set(rows["Målområde"]) == {"2 · EU-prosjekter"}
    assert set(rows["Rekkevidde (egen klassifisering)"]) == {"europeisk"}
    assert any("egen klassifisering" in c.value for c in at.caption)


def test_q2_all_sources_published_by_ssb(sources):
    publishers = sorted(p for p in sources["publisher"].unique() if "(SSB)" in p)
    at = opened(table="Kilder", facet_sources_publisher=publishers)
    rows = shown_rows(at)
    assert len(rows) == sources["publisher"].isin(publishers).sum() == 9
    assert set(rows["Utgiver"]) == set(publishers)


def test_q3_partner_cities_by_country_and_agreement_type(trondheim):
    at = opened(table="Vennskapsbyer", by_partners="Land", then_partners="Avtaletype")
    result = shown_rows(at, 1)
    assert list(result.columns) == ["Land", "Avtaletype", "Antall"]
    assert result["Antall"].sum() == len(trondheim.partners)
    assert ("Polen", "Intensjonsavtale", 1) in set(result.itertuples(index=False, name=None))
    assert escape_markdown(f"{len(result)} grupper. Størst: Danmark · Vennskapsby (1).") in at.markdown.values


def test_q4_measures_owned_by_kultur_due_in_2026(data_copy, monkeypatch):
    path = data_copy / "trondheim/measures.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    changes = {0: ("Kultur", "2026-06-30"), 1: ("Kultur", "2025-12-31"), 2: ("Byutvikling", "2026-03-01")}
    for number, (responsible, due) in changes.items():
        rows[number]["responsible"], rows[number]["due"] = responsible, due
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = opened(
        table="Tiltak med siste rapport", facet_measures_responsible="Kultur", range_measures_due_year=["2026", "2026"]
    )
    result = shown_rows(at)
    assert list(result["Id"]) == [rows[0]["id"]] and list(result["Frist"]) == ["2026-06-30"]


def test_q4_on_the_shipped_data_says_that_no_measure_matches():
    at = opened(table="Tiltak med siste rapport", text_measures="Kultur")
    assert "0 av 13 rader" in at.markdown.values
    assert any("Ingen rader passer" in info.value for info in at.info)


def test_q5_trondelag_country_backgrounds_2023_largest_first():
    at = opened(
        org="Trøndelag fylkeskommune",
        table="Befolkningstall",
        range_population_year=["2023", "2023"],
        by_population="Landbakgrunn",
        agg_population="Sum",
        of_population="Verdi",
    )
    result = shown_rows(at, 1)
    assert list(result["Landbakgrunn"]) == ["Polen", "Syria", "Litauen", "Ukraina"]
    assert list(result["Sum: Verdi"]) == [7255, 3741, 3198, 3021]  # numbers underneath: they sort as numbers
    assert list(displayed(at, 1)["Sum: Verdi"]) == ["7\u00a0255", "3\u00a0741", "3\u00a0198", "3\u00a0021"]
    assert any(shown(c.value).startswith("Kilde: Trøndelag i tall") for c in at.caption)
    dated = [shown(c.value) for c in at.caption if shown(c.value).startswith("Kilde: Trøndelag i tall")]
    assert dated and all(c.endswith("· Tall for 2023") for c in dated)  # the data's own year, rows and result


def test_every_source_line_says_the_datas_date():
    at = opened(table="Nettverk")
    lines = [shown(c.value) for c in at.caption if shown(c.value).startswith("Kilde")]
    assert lines and all(re.search(r"· Kilder datert (19|20)\d\d", line) for line in lines)


@pytest.mark.parametrize(
    ("query", "href"),
    [
        ("krakow", "./vennskapsbyer?org=Trondheim%20kommune&city=Krak%C3%B3w&search=krakow"),
        ("icorn", "./nettverk?org=Trondheim%20kommune&network=ICORN%20%E2%80%93%20International%20Cities"),
        ("helse", "./nettverk?org=Kuopion%20kaupunki%20%28Kuopio%29&network=WHO%3An%20Euroopan%20Healthy%20Cities"),
    ],
)
def test_the_search_in_the_sidebar_links_to_the_record(query, href):
    at = opened(search=query)
    hits = " ".join(m.value for m in at.sidebar.markdown)
    assert f'href="{html.escape(href)}' in hits


def test_a_hostile_search_stays_text():
    at = opened(search="<img src=x onerror=alert(1)>")
    assert not [m for m in at.sidebar.markdown if "search-hits" in m.value]  # no hit, so no links
    (said,) = [m.value for m in at.sidebar.markdown if "Ingen treff" in m.value]
    assert "\\<img" in said  # escaped: shown as the characters typed, never as markup


def test_the_sql_box_answers_a_select_and_refuses_a_file():
    at = opened(sql="select country, count(*) as n from partners group by country order by n desc, country limit 3")
    assert at.dataframe[-1].value.columns.tolist() == ["country", "n"]
    assert not at.error
    at = opened(sql="select * from read_csv('/etc/passwd')")
    assert "lese eller skrive en fil" in at.error[0].value
    assert "passwd" not in at.error[0].value.replace("read\\_csv", "")


def test_grouped_by_a_place_the_chart_is_a_map_with_every_partner_country():
    at = opened(table="Vennskapsbyer", by_partners="Land")
    (chart,) = [c for c in at.get("plotly_chart")]
    figure = json.loads(chart.proto.spec)
    circles = figure["data"][1]
    result = shown_rows(at, 1)
    assert {text.split(":")[0] for text in circles["hovertext"]} == set(result["Land"])
    assert figure["data"][0]["fill"] == "toself"  # the country outlines under the circles
    assert not [c for c in at.caption if "Ikke på kartet" in c.value]


def test_a_sum_over_the_population_uses_the_totals_and_says_so():
    at = opened(
        table="Befolkningstall",
        facet_population_region="Trondheim",
        facet_population_figure="Innvandrere og norskfødte med innvandrerforeldre",
        by_population="År",
        agg_population="Sum",
        of_population="Verdi",
    )
    assert any("Bare totalene er brukt" in info.value for info in at.info)
    result = shown_rows(at, 1)
    sums = dict(zip(result["År"], result["Sum: Verdi"], strict=True))
    assert sums[2011] == 18501 and sums[2018] == 29539  # SSB's totals, not totals + their country rows
    assert 2023 not in sums  # that year has country rows only: no total is made up from them


def test_a_sum_over_persons_and_shares_is_refused_in_words():
    at = opened(table="Befolkningstall", by_population="År", agg_population="Sum", of_population="Verdi")
    (warning,) = at.warning
    assert "er ikke regnet ut: radene blander ulike mål (tall) / region" in warning.value
    assert len(at.dataframe) == 1  # the rows only: no result table


def test_the_rows_show_norwegian_numbers_and_years_as_written():
    at = opened(table="Befolkningstall", facet_population_region="Trondheim", range_population_year=["2018", "2018"])
    cells = displayed(at)
    row = cells[cells["Mål (tall)"] == "Innvandrere og norskfødte med innvandrerforeldre"].iloc[0]
    assert row["Verdi"] == "29\u00a0539" and row["År"] == "2018"
    share = cells[cells["Mål (tall)"] == "Andel med innvandrerbakgrunn"].iloc[0]
    assert share["Verdi"] == "15,3"


def test_in_english_the_numbers_follow_the_browser_language():
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["lang"] = "en"
    at.query_params["table"] = "Population figures"
    at.run()
    at.switch_page(PAGE).run()
    grid = at.dataframe[0].proto
    assert not grid.arrow_data.styler.display_values
    configured = json.loads(grid.columns)
    assert configured["Value"]["type_config"]["format"] == "localized"


def test_a_selection_longer_than_the_grid_holds_says_so(monkeypatch):
    from views.utforsk import blocks

    monkeypatch.setattr(blocks, "ROWS_SHOWN", 10)
    at = opened(table="Befolkningstall")
    assert len(shown_rows(at)) == 10
    assert any("de første 10 radene av utvalget" in c.value for c in at.caption)
    assert "57 av 57 rader" in at.markdown.values  # the count is of the whole selection
