"""Slides and headline figures: what each organisation gets, what every slide carries, the static map."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics import charts, maps, overview, population, progress, slides
from analytics.bundle import load_bundle
from analytics.store import Report
from tests.conftest import DATA, TODAY


def inputs(sources, org: str, lang: str = "nb", reports: pd.DataFrame | None = None) -> slides.Inputs:
    bundle = load_bundle(DATA / org, sources["id"], TODAY)
    path = DATA / org / population.FILE
    figures = population.load(path, sources["id"], TODAY) if path.exists() else population.empty(TODAY)
    return slides.Inputs(
        bundle=bundle,
        sources=sources,
        population=population.with_region_names(figures, lang),
        reports=reports if reports is not None else no_reports(),
        today=TODAY,
        lang=lang,
        outline_paths=charts.outline_paths(maps.load_outlines(DATA / "shared/countries-110m.geojson")),
    )


def no_reports() -> pd.DataFrame:
    return pd.DataFrame(columns=["id", "measure_id", *progress.REPORT_COLUMNS[1:]]).astype(
        {"reported_at": "datetime64[ns, UTC]"}
    )


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        ("trondheim", ["oversikt", "vennskapsbyer", "nettverk", "tiltak", "befolkning"]),
        ("kuopio", ["oversikt", "vennskapsbyer"]),
        ("ntnu", ["oversikt", "tiltak"]),
        ("trondelag", ["oversikt", "tiltak", "befolkning"]),
        ("trd30", ["oversikt", "tiltak"]),
    ],
)
def test_each_organisation_gets_the_slides_it_has_data_for(sources, org, expected):
    assert slides.available(inputs(sources, org)) == expected


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("slide_id", slides.SLIDE_IDS)
def test_every_slide_has_title_summary_source_line_date_and_its_data(sources, slide_id, lang):
    slide = slides.build(slide_id, inputs(sources, "trondheim", lang))
    assert slide.id == slide_id and slide.title and slide.summary
    assert slide.source_line.startswith(("Kilde:", "Kilder:", "Source:", "Sources:"))
    assert slide.date == TODAY and "22.11.2026" not in slide.subtitle  # today's date never reads as the data's
    assert slide.data_as_of and "22.11.2026" not in slide.data_as_of
    assert not slide.table.empty
    assert (slide.figure is None) == (slide_id == "oversikt")


@pytest.mark.parametrize(
    ("slide_id", "lang", "text"),
    [
        ("befolkning", "nb", "tall for 2013–2026"),
        ("befolkning", "en", "figures for 2013–2026"),
        ("tiltak", "nb", "ingen rapporter ennå"),
        ("vennskapsbyer", "nb", "kilder datert "),
        ("nettverk", "en", "sources dated "),
    ],
)
def test_every_slide_says_the_date_of_its_own_data(sources, slide_id, lang, text):
    slide = slides.build(slide_id, inputs(sources, "trondheim", lang))
    assert slide.data_as_of.startswith(text)
    assert slides.data_date_text(slide, lang).startswith(text[:1].upper() + text[1:])


def test_the_measures_slide_gives_the_date_of_the_latest_report(sources):
    reports = pd.DataFrame(
        {
            "id": [1, 2],
            "measure_id": ["handlingsplan", "handlingsplan"],
            "period": ["2026", "2026"],
            "status": ["i_rute", "forsinket"],
            "progress": [10.0, 20.0],
            "indicator_value": [None, None],
            "comment": ["", ""],
            "reporter": ["A", "B"],
            "reported_at": pd.to_datetime(["2026-03-01T10:00:00Z", "2026-05-12T09:00:00Z"]),
            "batch": ["a", "b"],
        }
    )
    slide = slides.build("tiltak", inputs(sources, "trondheim", reports=reports))
    assert slide.data_as_of == "siste rapport 12.05.2026"


def test_the_overview_slide_has_the_headline_figures(sources):
    slide = slides.build("oversikt", inputs(sources, "trondheim"))
    assert slide.metrics == (
        ("Vennskapsbyer og avtaler", "15"),
        ("Nettverk", "32"),
        ("Tiltak å følge opp", "13"),
        ("Innvandrerbakgrunn 2018", "15,3\u00a0%"),
    )


def test_the_measures_slide_counts_reports_per_status_and_goal_area(sources):
    reports = pd.DataFrame(
        [
            {
                "id": 1,
                "measure_id": "vennskapsbyavtaler",
                "period": "2026",
                "status": "i_rute",
                "progress": 50.0,
                "indicator_value": None,
                "comment": "",
                "reporter": "Kari",
                "reported_at": pd.Timestamp("2026-10-01", tz="UTC"),
            },
            {
                "id": 2,
                "measure_id": "teknologihovedstad",
                "period": "2026",
                "status": "forsinket",
                "progress": 10.0,
                "indicator_value": None,
                "comment": "",
                "reporter": "Ola",
                "reported_at": pd.Timestamp("2026-10-02", tz="UTC"),
            },
        ]
    )
    slide = slides.build("tiltak", inputs(sources, "trondheim", reports=reports))
    assert slide.summary.startswith("13 tiltak: 1 i rute · 1 forsinket · 11 ikke rapportert.")
    row = slide.table.set_index("Målområde").loc["Vennskapsbyer"]
    assert (row["i rute"], row["ikke rapportert"]) == (1, 1)
    assert {trace.name for trace in slide.figure.data} == {"● i rute", "▲ forsinket", "? ikke rapportert"}


def test_example_data_is_named_on_every_slide(sources):
    example = slides.Inputs(**{**inputs(sources, "trondheim").__dict__, "example_data": True})
    assert all("EKSEMPELDATA" in slides.build(s, example).subtitle for s in slides.available(example))


def test_the_static_map_draws_every_partner_in_its_agreement_colour_without_stretching(sources):
    slide = slides.build("vennskapsbyer", inputs(sources, "trondheim"))
    dots = [trace for trace in slide.figure.data if trace.mode == "markers" and trace.name != "Trondheim"]
    assert sum(len(trace.x) for trace in dots) == 15
    assert {trace.name for trace in dots} == {"Vennskapsby", "Intensjonsavtale", "MoU / solidaritet"}
    assert slide.figure.layout.yaxis.scaleanchor == "x"  # one degree as long on both axes: no stretched map
    # The map fills its frame: the axis with room to spare shows more ground rather than leaving a margin.
    assert slide.figure.layout.xaxis.constrain == slide.figure.layout.yaxis.constrain == "range"


def test_the_static_map_labels_every_city_once_without_overlap(sources):
    # Issue 13: Klaksvík/Odense and Petah Tikva/Ramallah overlapped on the slide.
    slide = slides.build("vennskapsbyer", inputs(sources, "trondheim"))
    notes = slide.figure.layout.annotations
    names = sorted(note.text.replace("<b>", "").replace("</b>", "") for note in notes)
    assert names == sorted([*inputs(sources, "trondheim").bundle.partners["name"], "Trondheim"])
    x_range, y_range = slide.figure.layout.xaxis.range, slide.figure.layout.yaxis.range
    view = maps.view_of_ranges(list(x_range), list(y_range), *charts.STATIC_MAP_PX)
    boxes = []
    for note in notes:
        lon, lat = note.x, math.degrees(2 * math.atan(math.exp(math.radians(note.y))) - math.pi / 2)
        x, y = maps._pixel(lon, lat, view)
        dx, dy = (note.ax, note.ay) if note.showarrow else (note.xshift, -note.yshift)
        anchor = {"left": "start", "center": "middle", "right": "end"}[note.xanchor]
        baseline = {"bottom": "bottom", "middle": "center", "top": "top"}[note.yanchor]
        text = note.text.replace("<b>", "").replace("</b>", "")
        boxes.append(maps._label_box(x, y, text, (anchor, baseline, [dx, dy]), charts.STATIC_LABEL_PX))
    for i, box in enumerate(boxes):
        assert not maps._overlapping(np.array([box]), boxes[:i] + boxes[i + 1 :])[0], notes[i].text


def test_the_static_map_draws_great_circle_arcs_as_the_live_map(sources):
    # Issue 13: the slide drew straight lines where the live map (deck.gl's ArcLayer, greatCircle) draws arcs.
    slide = slides.build("vennskapsbyer", inputs(sources, "trondheim"))
    arcs = [trace for trace in slide.figure.data if trace.mode == "lines" and trace.fill != "toself"]
    assert len(arcs) == 15
    home = inputs(sources, "trondheim").bundle.organisation["home"]
    vallejo = next(trace for trace in arcs if trace.x[-1] == pytest.approx(-122.2566, abs=0.01))
    lon, lat = maps.great_circle_path((home["lon"], home["lat"]), (vallejo.x[-1], 38.1041))[32]
    assert vallejo.x[32] == pytest.approx(lon) and vallejo.y[32] == pytest.approx(charts.mercator_degrees(lat))
    # The great circle from Trondheim to California passes north of both ends (a straight line would not).
    assert max(vallejo.y) > charts.mercator_degrees(70)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["i_rute", "ikke_rapportert", "i_rute"], "2 i rute · 1 ikke rapportert"),
        (["forsinket", "fullfort"], "1 forsinket · 1 fullført"),
        ([], ""),
    ],
)
def test_status_counts_are_told_in_the_house_order(statuses, expected):
    assert overview.status_counts_text(pd.Series(statuses, dtype=object), "nb") == expected


def test_headline_figures_leave_out_what_the_bundle_lacks(sources):
    ntnu = inputs(sources, "ntnu")
    table = progress.latest(ntnu.bundle.measures, no_reports())
    figures = overview.headline_figures(ntnu.bundle, table, ntnu.population, "en")
    assert [(f.label, f.value, f.note) for f in figures] == [("Measures to follow up", "4", "4 not reported")]


def test_a_report_store_frame_feeds_the_slides(sources, tmp_path):
    from analytics.store import Store, sqlite_url

    store = Store(sqlite_url(tmp_path / "s.sqlite"))
    store.add([Report("trondheim", "handlingsplan", "2026", "fullfort", 100, None, "", "Kari")])
    slide = slides.build("oversikt", inputs(sources, "trondheim", reports=store.reports("trondheim")))
    assert ("Tiltak å følge opp", "13") in slide.metrics


def test_the_real_slides_make_a_report_and_a_deck_with_every_chart(sources, chromium):
    """The exports of the presentation view, from Trondheim's real slides: every title, every chart drawn."""
    import io

    from pptx import Presentation

    from analytics.report_html import html_report
    from analytics.report_pptx import pptx_report

    built = [slides.build(s, inputs(sources, "trondheim")) for s in slides.SLIDE_IDS]
    html = html_report(built, "Statusrapport", TODAY, "nb")
    assert all(slide.title in html for slide in built)
    assert html.count("Plotly.newPlot(") == 4
    deck = Presentation(io.BytesIO(pptx_report(built, "Statusrapport", TODAY, "nb")))
    assert len(deck.slides) == 6
    pictures = [sum(shape.shape_type == 13 for shape in slide.shapes) for slide in deck.slides]
    assert pictures == [0, 0, 1, 1, 1, 1]


def test_the_overview_slide_says_where_the_plan_stands_and_that_the_strategy_is_over(sources):
    slide = slides.build("oversikt", inputs(sources, "trondheim"))
    assert slide.summary == (
        "Vedtatt av Bystyret 29.08.2019 (sak 87/19, arkivsak 19/8286). Periode 2019–2022. "
        "Av 13 tiltak er 0 i rute, 0 bak planen, 0 forsinket etter frist og 13 ikke rapportert. Ingen rapporter ennå. "
        "Strategiperioden 2019–2022 er over. 13 tiltak har ingen sluttrapport."
    )


@pytest.mark.parametrize(
    ("line", "as_of", "expected"),
    [
        ("Kilde: SSB", "tall for 2013–2026", "Kilde: SSB · Tall for 2013–2026"),
        ("Source: SSB", "figures for 2018", "Source: SSB · Figures for 2018"),
        ("Kilde: SSB", "", "Kilde: SSB"),
    ],
)
def test_a_dated_source_line_puts_the_data_date_after_the_source(line, as_of, expected):
    assert slides.dated_source_line(line, as_of) == expected


def figures(years, fetched=None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": years,
            "table": ["09817" if fetched else None] * len(years),
            "updated": ["2026-02-20T07:00:00Z" if fetched else None] * len(years),
            "fetched": [fetched] * len(years),
        }
    )


@pytest.mark.parametrize(
    ("rows", "years", "lang", "expected"),
    [
        (figures([2011, 2018, 2012]), None, "nb", "tall for 2011–2018"),
        (figures([2024]), None, "en", "figures for 2024"),
        (
            figures([2020, 2024], "2026-03-01T10:15:00+00:00"),
            None,
            "nb",
            "tall for 2020–2024, hentet fra SSB 01.03.2026",
        ),
        (figures([2011, 2012, 2018]), (2012, 2018), "nb", "tall for 2012–2018"),
        (figures([]), None, "nb", "ingen tall"),
    ],
)
def test_figures_are_dated_by_their_years_and_their_fetch_time(rows, years, lang, expected):
    assert slides.figures_dated(rows, lang, years=years) == expected
