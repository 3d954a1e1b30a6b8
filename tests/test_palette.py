"""One meaning per colour: status hues apart from målområde hues, regions by key, symbols beside colours, and the
table layouts (column order and widths) that keep the key columns on screen at 1400 px."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from analytics import about, networks, palette, progress, slides
from analytics.bundle import load_bundle, load_sources
from analytics.progress import REPORT_COLUMNS

DATA = Path(__file__).resolve().parents[1] / "data"
TODAY = dt.date(2026, 11, 22)
STATUS_HUES = [
    palette.hue(c) for c in (*palette.STATUS_COLOURS.values(), *palette.LIGHT_COLOURS.values()) if palette.hue(c)
]


def _hue_distance(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def test_the_status_hues_are_green_yellow_and_vermillion_only():
    assert sorted({round(h) for h in STATUS_HUES}) == [26, 56, 163, 164]


@pytest.mark.parametrize("number", list(palette.GOAL_AREA_COLOURS))
def test_no_goal_area_shares_a_hue_with_a_status(number):
    colour = palette.GOAL_AREA_COLOURS[number]
    assert palette.hue(colour) is not None  # a real hue, not a grey
    # 30° apart at least: the nearest pair is Tol's blue (202°) beside the status green (164°), blue against green
    assert min(_hue_distance(palette.hue(colour), h) for h in STATUS_HUES) >= 30


@pytest.mark.parametrize("number", list(palette.GOAL_AREA_COLOURS))
def test_goal_area_marks_have_three_to_one_contrast_against_white(number):
    assert palette.contrast(palette.GOAL_AREA_COLOURS[number]) >= 3


def test_goal_areas_differ_from_each_other():
    colours = list(palette.GOAL_AREA_COLOURS.values())
    assert len({c.upper() for c in colours}) == len(colours)


def test_contrast_and_hue_helpers():
    assert palette.contrast("#000000") == pytest.approx(21)
    assert palette.contrast("#FFFFFF") == pytest.approx(1)
    assert palette.hue("#808080") is None
    assert palette.hue("#0000FF") == pytest.approx(240)


def test_every_status_and_light_has_a_symbol_and_a_marker_shape_of_its_own():
    for table in (palette.STATUS_SYMBOLS, palette.STATUS_MARKERS):
        assert set(table) == set(palette.STATUS_COLOURS)
        assert len(set(table.values())) == len(table)
    assert set(palette.LIGHT_SYMBOLS) == set(palette.LIGHT_COLOURS)
    assert len(set(palette.LIGHT_SYMBOLS.values())) == len(palette.LIGHT_SYMBOLS)


def test_scope_categories_each_have_a_pattern_of_their_own():
    assert set(palette.SCOPE_PATTERNS) == set(palette.SCOPE_COLOURS)
    assert len(set(palette.SCOPE_PATTERNS.values())) == len(palette.SCOPE_PATTERNS)


def test_a_region_keeps_its_colour_whatever_the_order():
    from_trondheim = palette.region_colours(["trondheim", "trondelag", "norge"])
    from_trondelag = palette.region_colours(["trondelag", "norge"])
    assert from_trondelag["trondelag"] == from_trondheim["trondelag"] == palette.OKABE_ITO["orange"]
    assert from_trondelag["norge"] == from_trondheim["norge"]


def test_unknown_regions_get_the_fallbacks_in_order_and_never_a_known_regions_colour():
    colours = palette.region_colours(["ny", "trondheim", "annen"])
    assert colours == {
        "ny": palette.REGION_FALLBACK[0],
        "trondheim": palette.REGION_COLOURS["trondheim"],
        "annen": palette.REGION_FALLBACK[1],
    }
    assert not set(palette.REGION_FALLBACK) & set(palette.REGION_COLOURS.values())


def test_share_chart_colours_a_region_by_its_key():
    from analytics import charts

    series = pd.DataFrame(
        {
            "region": ["trondelag", "trondelag", "norge", "norge"],
            "region_name": ["Trøndelag", "Trøndelag", "Hele landet", "Hele landet"],
            "year": [2022, 2023, 2022, 2023],
            "value": [15.0, 16.0, 18.0, 19.0],
        }
    )
    fig = charts.share_over_time(series, "")
    assert [trace.line.color for trace in fig.data] == [palette.REGION_COLOURS["trondelag"], "#595959"]


def test_status_chart_markers_carry_a_shape_per_status():
    from analytics import charts

    history = pd.DataFrame(
        {
            "reported_at": pd.to_datetime(["2026-01-01", "2026-02-01"]),
            "progress": [10, 20],
            "status": ["i_rute", "forsinket"],
            "period": ["2026-T1", "2026-T2"],
        }
    )
    fig = charts.measure_history(history, {"i_rute": "i rute", "forsinket": "forsinket"}, "")
    assert list(fig.data[0].marker.symbol) == ["circle", "triangle-up"]
    assert list(fig.data[0].text) == ["● i rute", "▲ forsinket"]


def test_the_measures_table_has_the_key_columns_first_the_id_last_and_widths_that_fit_1400():
    bundle = load_bundle(DATA / "trondelag", load_sources(DATA / "sources.yml")["id"], TODAY)
    no_reports = pd.DataFrame(columns=list(REPORT_COLUMNS))
    no_reports["reported_at"] = pd.to_datetime(no_reports["reported_at"], utc=True)
    table = progress.with_flags(progress.latest(bundle.measures, no_reports), TODAY)
    shown = progress.display_table(table, {}, "nb", progress.STALE_MONTHS)
    columns = list(shown.columns)
    assert columns[:6] == ["Tiltak", "Status", "Fremdrift", "Frist", "Ansvarlig", "Merknad"]
    assert columns[-1] == "Id"
    widths = progress.display_widths("nb")
    assert set(widths) <= set(columns)
    key = ["Tiltak", "Status", "Fremdrift", "Frist", "Ansvarlig"]
    assert sum(widths[c] for c in key) <= 1000  # the main area beside the sidebar at 1400 px
    assert set(shown["Status"]) == {"? ikke rapportert"}


def test_the_comparison_gives_both_organisations_the_same_width_on_screen():
    widths = networks.comparison_widths("Trondheim kommune", "Kuopio", "nb")
    assert widths["Trondheim kommune"] == widths["Kuopio"]
    assert sum(widths.values()) <= 1000


def test_the_sources_table_starts_with_title_and_keeps_date_and_licence_in_view():
    sources = load_sources(DATA / "sources.yml")
    table = about.source_table(sources, "nb")
    assert list(table.columns)[:4] == ["Tittel", "Utgiver", "Dato", "Lisens"]
    assert list(table.columns)[-1] == "Id"
    widths = about.source_widths("nb")
    assert set(widths) == set(table.columns)
    assert sum(widths[c] for c in ["Tittel", "Utgiver", "Dato", "Lisens"]) <= 1000


@pytest.mark.parametrize("org", ["trondheim", "kuopio"])
def test_the_chosen_organisations_sources_come_first(org):
    sources = load_sources(DATA / "sources.yml")
    bundle = load_bundle(DATA / org, sources["id"], TODAY)
    cited = about.cited_sources(bundle)
    assert cited and set(cited) <= set(sources["id"]) | {"egen-klassifisering"}
    table = about.source_table(sources, "nb", cited)
    known = [c for c in cited if c in set(sources["id"])]
    assert list(table["Id"])[: len(known)] == known
    assert set(table["Id"]) == set(sources["id"])  # the rest still listed, after


def test_sources_in_order_keeps_file_order_for_the_rest():
    sources = pd.DataFrame({"id": ["a", "b", "c", "d"]})
    assert list(about.sources_in_order(sources, ["c", "a"])["id"]) == ["c", "a", "b", "d"]


def test_slide_tables_keep_the_number_column_narrow():
    table = pd.DataFrame({"Nr.": ["1"], "Målområde": ["Vennskapsbyer"]})
    assert slides.column_widths(table, "nb") == {"Nr.": 60, "Målområde": 700}
    assert slides.column_widths(pd.DataFrame({"A": [1]}), "nb") == {}
