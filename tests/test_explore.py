"""analytics.explore: the tables, facets, filters, grouping, chart choice, sources and the Excel file."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from analytics import explore, population, progress
from analytics.bundle import load_bundle
from tests.conftest import DATA, TODAY


def inputs_for(org_id: str, sources, reports: pd.DataFrame | None = None) -> explore.Inputs:
    bundle = load_bundle(DATA / org_id, sources["id"], TODAY)
    path = DATA / org_id / population.FILE
    figures = population.load(path, sources["id"], TODAY) if path.exists() else population.empty(TODAY)
    if reports is None:
        reports = pd.DataFrame(columns=[*progress.REPORT_COLUMNS, "id"])
        reports["reported_at"] = pd.to_datetime(reports["reported_at"], utc=True)
    measures = progress.with_flags(progress.latest(bundle.measures, reports), TODAY)
    return explore.Inputs(bundle, sources, figures, measures, reports)


@pytest.fixture(scope="module")
def trondheim_inputs(sources):
    return inputs_for("trondheim", sources)


@pytest.mark.parametrize("org_id", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_table_builds_for_every_bundle_with_a_label_and_sources_for_every_row(sources, org_id, lang):
    inputs = inputs_for(org_id, sources)
    for name in explore.TABLES:
        table = explore.table(inputs, name, lang)
        assert set(table.labels) == set(table.frame.columns)
        assert all(table.labels.values())
        assert len(table.sources) == len(table.frame)
        assert all(ids for ids in table.sources), f"{name}: a row without a source"
        assert set(table.categories) | set(table.numbers) <= set(table.frame.columns)


def test_labels_follow_the_language_and_inferred_columns_say_so(trondheim_inputs):
    nb = explore.table(trondheim_inputs, "networks", "nb")
    en = explore.table(trondheim_inputs, "networks", "en")
    assert nb.labels["scope"] == "Rekkevidde (egen klassifisering)"
    assert en.labels["scope"] == "Scope (own classification)"
    assert nb.labels["network"] == "Nettverk" and en.labels["network"] == "Network"
    assert "europeisk" in set(nb.frame["scope"]) and "European" in set(en.frame["scope"])


def test_networks_of_goal_area_2_with_a_european_scope(trondheim_inputs):
    table = explore.table(trondheim_inputs, "networks", "nb")
    rows = explore.filtered(table, {"goal_area": ["2 · EU-prosjekter"], "scope": ["europeisk"]})
    assert len(rows) == 4
    assert set(rows["goal_area"]) == {"2 · EU-prosjekter"} and set(rows["scope"]) == {"europeisk"}
    links = trondheim_inputs.bundle.network_goal_areas
    serving = set(links.loc[links["goal_area_id"] == "eu-prosjekter", "network_id"])
    networks = trondheim_inputs.bundle.networks
    expected = networks[networks["id"].isin(serving) & (networks["scope"] == "european")]["name"]
    assert sorted(rows["network"]) == sorted(expected)


def test_sources_published_by_ssb(trondheim_inputs, sources):
    table = explore.table(trondheim_inputs, "sources", "nb")
    publishers = [p for p in explore.facet_counts(table.frame, "publisher")["value"] if "(SSB)" in p]
    rows = explore.filtered(table, {"publisher": publishers})
    assert len(rows) == sources["publisher"].str.contains("(SSB)", regex=False).sum() > 0


def test_partner_cities_by_country_and_agreement_type(trondheim_inputs):
    table = explore.table(trondheim_inputs, "partners", "nb")
    result = explore.grouped(table.frame, ["country", "agreement_type"], "count", None, table.year)
    assert result["result"].sum() == len(trondheim_inputs.bundle.partners)
    assert ("Polen", "Intensjonsavtale") in set(zip(result["country"], result["agreement_type"], strict=True))
    assert list(result["result"]) == sorted(result["result"], reverse=True)


def test_trondelag_country_backgrounds_in_2023_largest_first(sources):
    table = explore.table(inputs_for("trondelag", sources), "population", "nb")
    rows = explore.filtered(table, ranges={"year": (2023, 2023)})
    result = explore.grouped(rows, ["country_background"], "sum", "value", table.year)
    assert list(result["country_background"]) == ["Polen", "Syria", "Litauen", "Ukraina"]
    assert list(result["result"]) == [7255, 3741, 3198, 3021]


def test_measures_owned_by_kultur_due_in_2026(trondheim_inputs):
    measures = trondheim_inputs.measures.copy()
    measures.loc[0, ["responsible", "due"]] = ["Kultur", pd.Timestamp("2026-06-30").date()]
    measures.loc[1, ["responsible", "due"]] = ["Kultur", pd.Timestamp("2025-12-31").date()]
    measures.loc[2, ["responsible", "due"]] = ["Byutvikling", pd.Timestamp("2026-03-01").date()]
    inputs = explore.Inputs(**{**trondheim_inputs.__dict__, "measures": measures})
    table = explore.table(inputs, "measures", "nb")
    rows = explore.filtered(table, {"responsible": ["Kultur"]}, {"due_year": (2026, 2026)})
    assert list(rows["id"]) == [measures.loc[0, "id"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Kraków", "krakow"), ("ØRLAND", "orland"), ("Łódź", "lodz"), ("Tiraspol", "tiraspol"), ("Æ", "ae")],
)
def test_folded_ignores_case_and_accents(text, expected):
    assert explore.folded(text) == expected


def test_text_filter_ignores_case_and_accents_and_looks_only_at_text(trondheim_inputs):
    table = explore.table(trondheim_inputs, "partners", "nb")
    assert list(explore.filtered(table, text="krakow")["name"]) == ["Kraków"]
    assert explore.filtered(table, text="1946").empty  # years are numbers, not text


def test_a_narrowed_range_leaves_out_rows_without_a_value():
    frame = pd.DataFrame({"year": pd.array([2020, None, 2022], dtype="Int64"), "name": ["a", "b", "c"]})
    table = explore.Table("t", frame, {"year": "År", "name": "Navn"}, ("name",), ("year",), "year")
    assert list(explore.filtered(table, ranges={"year": (2021, 2022)})["name"]) == ["c"]
    assert list(explore.filtered(table, {"name": []})["name"]) == ["a", "b", "c"]


def test_facet_counts_most_frequent_first_without_missing_values():
    frame = pd.DataFrame({"c": ["b", "a", "b", None, "Å"]})
    counts = explore.facet_counts(frame, "c")
    assert counts.to_dict("list") == {"value": ["b", "a", "Å"], "count": [2, 1, 1]}


FRAME = pd.DataFrame(
    {
        "region": ["A", "A", "B", "B", "B"],
        "year": pd.array([2020, 2021, 2020, 2021, None], dtype="Int64"),
        "value": [1.0, 3.0, 10.0, 20.0, 5.0],
    }
)


@pytest.mark.parametrize(
    ("aggregate", "expected"),
    [
        ("count", {"B": 3, "A": 2}),
        ("sum", {"B": 35, "A": 4}),
        ("mean", {"B": 35 / 3, "A": 2}),
        ("latest", {"B": 20, "A": 3}),
    ],
)
def test_grouped_aggregates(aggregate, expected):
    result = explore.grouped(FRAME, ["region"], aggregate, "value", "year")
    assert dict(zip(result["region"], result["result"], strict=True)) == pytest.approx(expected)
    assert list(result["region"]) == ["B", "A"]  # largest first


def test_grouped_by_year_is_in_year_order_and_drawn_as_lines():
    result = explore.grouped(FRAME, ["year"], "sum", "value", "year")
    assert list(result["year"]) == [2020, 2021] and list(result["result"]) == [11, 23]
    assert explore.chart_kind(["year"], "year") == "line"
    assert explore.chart_kind(["region", "year"], "year") == "bars"


def test_result_figure_draws_a_bar_per_group_with_data_text_escaped():
    result = pd.DataFrame({"name": ["<b>x</b>", "y"], "result": [2.0, 1.0]})
    fig = explore.result_figure(result, ["name"], "bars", {"name": "Navn", "result": "Antall"}, "Antall etter navn")
    assert list(fig.data[0].y) == ["&lt;b&gt;x&lt;/b&gt;", "y"] and list(fig.data[0].x) == [2.0, 1.0]


def test_sources_of_the_rows_shown_only(trondheim_inputs):
    table = explore.table(trondheim_inputs, "population", "nb")
    rows = explore.filtered(table, ranges={"year": (2011, 2011)})
    ids = explore.sources_of(table, rows)
    assert ids and set(ids) == {s for row in table.sources.loc[rows.index] for s in row.split(";")}
    assert set(ids) < {s for row in table.sources for s in row.split(";")}


def test_shown_uses_labels_and_shows_missing_text_as_empty(trondheim_inputs):
    table = explore.table(trondheim_inputs, "population", "nb")
    shown = table.shown()
    assert list(shown.columns) == [table.labels[c] for c in table.frame.columns]
    assert not shown[table.labels["country_background"]].isna().any()


def test_excel_has_the_rows_and_the_sources_and_no_formula(trondheim_inputs, sources):
    shown = pd.DataFrame({"Navn": ['=HYPERLINK("http://x")', "+1", "Oslo"], "Antall": [1, 2, 3]})
    sheet = explore.source_sheet(sources, ["ssb-innvbef-2011-tab10", explore.REPORT_SOURCE], "nb")
    book = openpyxl.load_workbook(io.BytesIO(explore.excel_file(shown, sheet, "nb")))
    assert book.sheetnames == ["Data", "Kilder"]
    data = list(book["Data"].values)
    assert data[0] == ("Navn", "Antall") and len(data) == 4
    assert data[1][0] == '\'=HYPERLINK("http://x")' and data[2][0] == "'+1" and data[3] == ("Oslo", 3)
    assert all(cell.data_type != "f" for row in book["Data"].iter_rows() for cell in row)
    source_rows = list(book["Kilder"].values)
    assert source_rows[1][0] == "ssb-innvbef-2011-tab10" and source_rows[1][2]  # its publisher
    assert source_rows[2][1] == "Statusrapporter i databasen"


def test_the_summary_names_the_largest_group_with_its_year_as_written():
    result = explore.grouped(FRAME, ["year"], "sum", "value", "year")
    text = explore.group_summary(result, ["year"], "nb", lambda v: f"{v:.0f}")
    assert text == "2 grupper. Størst: 2021 (23)."


@pytest.mark.parametrize(
    ("frame", "plain", "expected"),
    [
        (pd.DataFrame({"Verdi": [29539.0, 7255.0]}), set(), {"Verdi": ["29\u00a0539", "7\u00a0255"]}),
        (pd.DataFrame({"Andel": [15.3, 9.25]}), set(), {"Andel": ["15,3", "9,2"]}),
        (pd.DataFrame({"Verdi": [29539.0, 15.3, None]}), set(), {"Verdi": ["29\u00a0539", "15,3", ""]}),
        (pd.DataFrame({"År": pd.array([2023, 2024], dtype="Int64")}), {"År"}, {}),
        (pd.DataFrame({"Navn": ["Graz", "Kraków"]}), set(), {}),
    ],
)
def test_number_formats_are_norwegian_and_leave_years_and_text_alone(frame, plain, expected):
    formats = explore.number_formats(frame, plain)
    assert {column: [formats[column](v) for v in frame[column]] for column in formats} == expected


def test_coordinates_keep_four_decimals():
    formats = explore.number_formats(pd.DataFrame({"Breddegrad": [63.4305, 31.9]}), set(), {"Breddegrad"})
    assert [formats["Breddegrad"](v) for v in (63.4305, 31.9)] == ["63,4305", "31,9000"]


def test_year_like_columns_are_the_years_and_ordinals():
    assert [explore.is_year_like(c) for c in ("year", "since_year", "number", "value", "progress")] == [
        True,
        True,
        True,
        False,
        False,
    ]


POPULATION = pd.DataFrame(
    {
        "region": ["Trondheim"] * 4 + ["Norge"],
        "year": [2023] * 5,
        "figure": ["Innvandrerbakgrunn"] * 3 + ["Andel"] + ["Innvandrerbakgrunn"],
        "country_background": [pd.NA, "Polen", "Syria", pd.NA, pd.NA],
        "value": [30000.0, 2000.0, 1000.0, 14.9, 900000.0],
    }
)


def population_like() -> explore.Table:
    return explore.Table(
        "population",
        POPULATION,
        {c: c for c in POPULATION.columns},
        ("region", "figure", "country_background"),
        ("year", "value"),
        "year",
        parts_of_total="country_background",
        never_added=("figure", "region"),
    )


def test_a_sum_never_adds_the_parts_to_their_total():
    table = population_like()
    rows = POPULATION[(POPULATION["region"] == "Trondheim") & (POPULATION["figure"] == "Innvandrerbakgrunn")]
    usable = explore.aggregable(table, rows, ["year"], "sum")
    assert usable.totals_left_out and not usable.mixed
    result = explore.grouped(usable.rows, ["year"], "sum", "value", "year")
    assert list(result["result"]) == [30000.0]  # the total, not 33 000


def test_grouped_by_the_parts_the_totals_drop_out_and_nothing_is_said():
    table = population_like()
    usable = explore.aggregable(table, POPULATION, ["country_background"], "sum")
    assert not usable.totals_left_out and not usable.mixed
    assert list(explore.grouped(usable.rows, ["country_background"], "sum", "value", "year")["result"]) == [2000, 1000]


@pytest.mark.parametrize(
    ("by", "mixed"),
    [(["year"], ("figure", "region")), (["figure"], ("region",)), (["region", "figure"], ())],
)
def test_a_sum_over_different_figures_or_regions_is_refused(by, mixed):
    assert explore.aggregable(population_like(), POPULATION, by, "sum").mixed == mixed


def test_a_count_counts_every_row():
    usable = explore.aggregable(population_like(), POPULATION, ["year"], "count")
    assert len(usable.rows) == 5 and not usable.mixed and not usable.totals_left_out


def test_a_place_grouping_is_drawn_as_a_map_and_only_alone():
    places = {"country": pd.DataFrame()}
    assert explore.chart_kind(["country"], "since_year", places) == "map"
    assert explore.chart_kind(["country", "agreement_type"], "since_year", places) == "bars"
    assert explore.chart_kind(["agreement_type"], "since_year", places) == "bars"


@pytest.fixture(scope="module")
def centres():
    from analytics.maps import load_outlines

    return explore.country_centres(load_outlines(DATA / "shared/countries-110m.geojson"))


def test_country_centres_lie_in_their_country(centres):
    lon, lat = centres["NO"]
    assert 5 < lon < 20 and 58 < lat < 70  # mainland Norway, not Svalbard
    lon, lat = centres["PL"]
    assert 14 < lon < 24 and 49 < lat < 55


def test_the_place_points_of_partner_countries_and_cities(trondheim_inputs, centres):
    table = explore.table(trondheim_inputs, "partners", "nb")
    result = explore.grouped(table.frame, ["country"], "count", None, table.year)
    points = explore.place_points(result, "country", table.places["country"], centres)
    assert set(points["name"]) == set(result["country"])  # every partner country, the Faroes too
    poland = points.set_index("name").loc["Polen"]
    in_poland = trondheim_inputs.bundle.partners["country_nb"].eq("Polen")
    assert (
        poland["result"] == in_poland.sum()
        and poland["lon"] == trondheim_inputs.bundle.partners.loc[in_poland, "lon"].mean()
    )
    facts = explore.table(trondheim_inputs, "partner_facts", "nb")
    cities = explore.grouped(facts.frame, ["city"], "count", None, facts.year)
    city_points = explore.place_points(cities, "city", facts.places["city"], centres)
    assert len(city_points) == len(cities) and city_points["lat"].between(-60, 80).all()


def test_a_place_without_a_position_is_left_off_the_map(centres):
    places = pd.DataFrame(
        {"name": ["Polen", "Statsløse"], "code": ["PL", "XX"], "lon": [None, None], "lat": [None] * 2}
    )
    result = pd.DataFrame({"country": ["Statsløse", "Polen"], "result": [5.0, 3.0]})
    points = explore.place_points(result, "country", places.astype({"lon": float, "lat": float}), centres)
    assert list(points["name"]) == ["Polen"]


def test_the_place_map_draws_a_circle_per_place_with_its_text_escaped():
    points = pd.DataFrame(
        {"name": ["<b>Graz</b>", "Kraków"], "lon": [15.4, 19.9], "lat": [47.1, 50.1], "result": [4.0, 1.0]}
    )
    fig = explore.place_map(points, ([0, 1, None], [0, 1, None]), ["4", "1"], "Antall etter by")
    circles = fig.data[1]
    assert list(circles.hovertext) == ["&lt;b&gt;Graz&lt;/b&gt;: 4", "Kraków: 1"]
    assert circles.marker.size[0] > circles.marker.size[1]  # the larger result, the larger circle
    assert fig.layout.title.text == "Antall etter by"


def test_facet_values_and_ranges_of_a_table_are_those_of_its_frame(trondheim_inputs):
    table = explore.table(trondheim_inputs, "population", "nb")
    assert table.facet_values("region") == explore.facet_counts(table.frame, "region")["value"].tolist()
    low, high, whole = table.range_of("year")
    assert (low, high) == explore.number_range(table.frame, "year") and whole
    part = table.frame.head(5)
    pd.testing.assert_frame_equal(table.counts_among(part, "region"), explore.facet_counts(part, "region"))


def test_a_year_without_a_value_is_a_gap_in_the_line():
    result = pd.DataFrame({"year": [2011, 2012, 2018], "result": [18501.0, 20331.0, 29539.0]})
    fig = explore.result_figure(result, ["year"], "line", {"year": "År", "result": "Sum"}, "Sum etter år")
    line = fig.data[0]
    assert list(line.x) == list(range(2011, 2019))
    assert [y is None or y != y for y in line.y] == [False, False, True, True, True, True, True, False]
    assert not line.connectgaps and fig.layout.yaxis.tickformat == ",~g"


def test_country_backgrounds_are_named_in_the_readers_language(trondheim_inputs):
    english = explore.table(trondheim_inputs, "population", "en")
    norwegian = explore.table(trondheim_inputs, "population", "nb")
    assert "Poland" in english.facet_values("country_background") and "Polen" in norwegian.facet_values(
        "country_background"
    )
    assert "Poland" in set(english.places["country_background"]["name"])
