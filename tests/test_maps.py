"""The deck: no basemap service, all partners drawn, labels legible, tooltips as text."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics import maps, partners
from analytics.checks import DataError
from tests.conftest import DATA

OUTLINES = maps.load_outlines(DATA / "shared/countries-110m.geojson")


@pytest.fixture(scope="module")
def deck(trondheim):
    home = trondheim.organisation["home"]
    return maps.partner_map(
        trondheim.partners,
        home,
        OUTLINES,
        maps.view_for(trondheim.partners, home),
        partners.partner_tooltips(trondheim.partners, "nb"),
    )


@pytest.fixture(scope="module")
def deck_json(deck):
    return json.loads(deck.to_json())


def layer(deck_json, layer_id):
    return next(item for item in deck_json["layers"] if item["id"] == layer_id)


def test_no_basemap_is_requested(deck_json):
    assert deck_json.get("mapStyle") in (None, "__MAP_STYLE__")
    assert "cartocdn" not in json.dumps(deck_json) and "mapbox://" not in json.dumps(deck_json)


def test_every_partner_is_a_point_and_an_arc(deck_json, trondheim):
    assert len(layer(deck_json, "partners")["data"]) == len(trondheim.partners) == 15
    assert len(layer(deck_json, "arcs")["data"]) == 15
    assert len(layer(deck_json, "countries")["data"]["features"]) == 177


def test_tooltips_are_text_not_html(deck):
    # deck.gl sets innerText for "text" and innerHTML for "html": data must never reach innerHTML.
    assert deck._tooltip == {"text": "{tooltip}"}


def test_dormant_relations_are_hollow_and_grey(deck_json):
    points = {row["id"]: row for row in layer(deck_json, "partners")["data"]}
    assert points["split"]["fill_colour"] == [255, 255, 255, 255]
    assert points["split"]["line_colour"][:3] == [140, 140, 140]
    assert points["graz"]["fill_colour"] == points["graz"]["line_colour"]


def test_the_view_contains_every_partner_and_home(trondheim):
    home = trondheim.organisation["home"]
    view = maps.view_for(trondheim.partners, home)
    everything = pd.concat([trondheim.partners[["lon", "lat"]], pd.DataFrame([home])[["lon", "lat"]]])
    for row in everything.itertuples():
        x, y = maps._pixel(row.lon, row.lat, view)
        assert abs(x) < maps.MAP_WIDTH_PX / 2 - 10 and abs(y) < maps.MAP_HEIGHT_PX / 2 - 10


def test_labels_do_not_overlap_and_stay_inside_the_frame(trondheim):
    home = trondheim.organisation["home"]
    view = maps.view_for(trondheim.partners, home)
    points = pd.concat([pd.DataFrame([home]), trondheim.partners], ignore_index=True)[["name", "lon", "lat"]]
    labels = maps.labels_without_overlap(points, view)
    assert labels["name"].iloc[0] == "Trondheim"
    assert len(labels) >= 10
    boxes = [
        maps._label_box(*maps._pixel(r.lon, r.lat, view), r.name, maps.LABEL_PLACES[r.place])
        for r in labels.itertuples()
    ]
    for i, box in enumerate(boxes):
        assert box[0] > -maps.MAP_WIDTH_PX / 2 and box[2] < maps.MAP_WIDTH_PX / 2
        assert not maps._overlapping(np.array([box]), boxes[:i] + boxes[i + 1 :])[0]


@pytest.mark.parametrize("extent", ["world", "europe"])
def test_every_city_in_the_frame_is_labelled_nearer_its_own_dot_than_any_other(trondheim, extent):
    # Issue 13: Klaksvík, Kraków and Tiraspol had no label in the world view, and «Graz» sat beside Split's dot.
    home = trondheim.organisation["home"]
    view = maps.view_for(trondheim.partners, home, extent)
    points = pd.concat([pd.DataFrame([home]), trondheim.partners], ignore_index=True)[["name", "lon", "lat"]]
    pixels = {r.name: maps._pixel(r.lon, r.lat, view) for r in points.itertuples()}
    in_frame = {n for n, (x, y) in pixels.items() if abs(x) < maps.MAP_WIDTH_PX / 2 and abs(y) < maps.MAP_HEIGHT_PX / 2}
    labels = maps.labels_without_overlap(points, view)
    assert set(labels["name"]) == in_frame
    for row in labels.itertuples():
        box = np.array([maps._label_box(*pixels[row.name], row.name, maps.LABEL_PLACES[row.place])])
        own = maps._distances(box, np.array([pixels[row.name]]))[0, 0]
        others = np.array([xy for n, xy in pixels.items() if np.hypot(*np.subtract(xy, pixels[row.name])) > 8])
        if not maps.LABEL_PLACES[row.place][3]:  # a label at the end of a leader line is tied to its dot by the line
            assert maps._distances(box, others).min() > own + maps.CLEAR_OF_OTHERS_PX, row.name


def test_leader_lines_do_not_cross_and_end_at_their_label(trondheim):
    home = trondheim.organisation["home"]
    view = maps.view_for(trondheim.partners, home)
    points = pd.concat([pd.DataFrame([home]), trondheim.partners], ignore_index=True)[["name", "lon", "lat"]]
    labels = maps.labels_without_overlap(points, view)
    led = labels[[maps.LABEL_PLACES[p][3] for p in labels["place"]]]
    assert len(led) >= 3  # the crowded cities of central Europe
    segments = [
        (*maps._pixel(r.lon, r.lat, view), *maps._pixel(r.text_lon, r.text_lat, view)) for r in led.itertuples()
    ]
    for row, (x1, y1, x2, y2) in zip(led.itertuples(), segments, strict=True):
        assert (x2 - x1, y2 - y1) == pytest.approx(tuple(maps.LABEL_PLACES[row.place][2]), abs=0.01)
    for i, first in enumerate(segments):
        for second in segments[i + 1 :]:
            assert not maps._crossing(first, second)


def test_the_deck_draws_a_leader_line_per_label_set_apart(deck_json):
    leaders = layer(deck_json, "leaders")["data"]
    set_apart = [
        item for item in deck_json["layers"] if item["id"].startswith("labels-") and item["getPixelOffset"] == [0, 0]
    ]
    assert len(leaders) == sum(len(item["data"]) for item in set_apart) >= 3


def test_arcs_are_flat_great_circles(deck_json):
    arcs = layer(deck_json, "arcs")
    assert arcs["greatCircle"] is True and arcs["getHeight"] == 0


@pytest.mark.parametrize(
    ("start", "end", "middle"),
    [
        ((0.0, 0.0), (90.0, 0.0), (45.0, 0.0)),  # along the equator
        ((0.0, 60.0), (180.0, 60.0), (None, 90.0)),  # over the pole
        ((10.4, 63.4), (-122.3, 38.1), (None, None)),  # Trondheim to Vallejo: north of both ends
    ],
)
def test_great_circle_path(start, end, middle):
    path = maps.great_circle_path(start, end, steps=64)
    assert path[0] == pytest.approx(start, abs=1e-6) and len(path) == 65
    assert (path[-1][0] - end[0]) % 360 == pytest.approx(0, abs=1e-6) or abs(path[-1][1]) == pytest.approx(90)
    assert path[-1][1] == pytest.approx(end[1], abs=1e-6)
    lon, lat = path[32]
    if middle[0] is not None:
        assert lon == pytest.approx(middle[0], abs=1e-6)
    if middle[1] is not None:
        assert lat == pytest.approx(middle[1], abs=1e-6)
    else:
        assert lat > max(start[1], end[1])


def test_two_far_apart_points_both_get_labels():
    points = pd.DataFrame({"name": ["A", "B"], "lon": [0.0, 40.0], "lat": [50.0, 50.0]})
    view = maps.view_fitting(points)
    assert maps.labels_without_overlap(points, view)["name"].tolist() == ["A", "B"]


def test_two_coincident_points_label_only_the_first():
    points = pd.DataFrame({"name": ["Alpha", "Beta", "Far"], "lon": [0.0, 0.0, 60.0], "lat": [50.0, 50.0, 10.0]})
    labels = maps.labels_without_overlap(points, maps.view_fitting(points))
    assert "Alpha" in labels["name"].tolist() and "Far" in labels["name"].tolist()


def test_the_europe_extent_fits_the_european_partners_and_leaves_out_the_far_ones(trondheim):
    home = trondheim.organisation["home"]
    world, europe = maps.view_for(trondheim.partners, home), maps.view_for(trondheim.partners, home, "europe")
    assert europe.zoom > world.zoom + 1

    def in_frame(row):
        x, y = maps._pixel(row.lon, row.lat, europe)
        return abs(x) < maps.MAP_WIDTH_PX / 2 and abs(y) < maps.MAP_HEIGHT_PX / 2

    outside = sorted(row.id for row in trondheim.partners.itertuples() if not in_frame(row))
    assert outside == ["keren", "vallejo"]


def test_points_and_labels_are_drawn_over_the_arcs(deck_json):
    for item in deck_json["layers"]:
        if item["id"] in ("partners", "home") or item["id"].startswith("labels-"):
            assert item["parameters"] == {"depthCompare": "always"}, item["id"]


def test_neighbouring_countries_get_different_land_tones():
    by_name = {feature["properties"]["name"]: feature["properties"]["fill"] for feature in OUTLINES["features"]}
    for first, second in [
        ("Norway", "Sweden"),
        ("Norway", "Finland"),
        ("Sweden", "Finland"),
        ("Germany", "Poland"),
        ("Austria", "Germany"),
        ("Moldova", "Ukraine"),
        ("Israel", "Palestine"),
        ("Eritrea", "Sudan"),
    ]:
        assert by_name[first] != by_name[second], (first, second)


def test_every_pair_of_countries_sharing_a_border_differs_in_tone():
    tones = maps.neighbour_tones(OUTLINES)
    vertices = [maps._vertices(feature) for feature in OUTLINES["features"]]
    clashes = [
        (a, b)
        for a in range(len(vertices))
        for b in range(a + 1, len(vertices))
        if tones[a] == tones[b] and len(vertices[a] & vertices[b]) >= 2
    ]
    assert clashes == []


OUTLINE_BREAKAGES = [
    (None, "shared/countries-110m.geojson: filen finnes ikke."),
    ('{"type": "FeatureCollection", "features": [', "shared/countries-110m.geojson, rad 1: ugyldig JSON"),
    ("[" * 100_000 + "]" * 100_000, "shared/countries-110m.geojson: JSON-en er nestet for dypt."),
    ('{"type": "FeatureCollection"}', "shared/countries-110m.geojson: filen har ingen «features»."),
    (
        '{"features": [{"properties": {}, "geometry": {"type": "Polygon", "coordinates": [[["a", 1]]]}}]}',
        "shared/countries-110m.geojson, kolonne «features»: land nr. 1 i «features» har ingen gyldig geometri.",
    ),
    (b"\xff\xfe{}", "shared/countries-110m.geojson: filen er ikke lagret som UTF-8"),
]


@pytest.mark.parametrize("content, message", OUTLINE_BREAKAGES, ids=lambda v: str(v)[:20])
def test_a_missing_or_corrupt_outlines_file_is_one_message_naming_it(data_copy, content, message):
    path = data_copy / "shared" / "countries-110m.geojson"
    if content is None:
        path.unlink()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        maps.load_outlines(path)
    assert str(caught.value).startswith(f"Feil i {message}")
    assert str(data_copy) not in str(caught.value)
