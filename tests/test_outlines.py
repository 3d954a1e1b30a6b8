"""Tests for the shipped country outlines and the TopoJSON decoder that builds them."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
GEOJSON = ROOT / "data/shared/countries-110m.geojson"


def _load_builder():
    """Import scripts/build_outlines.py by path, since scripts/ is not a package."""
    spec = importlib.util.spec_from_file_location("build_outlines", ROOT / "scripts/build_outlines.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


@pytest.fixture(scope="module")
def collection():
    """The shipped GeoJSON FeatureCollection."""
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_name(collection):
    """Features keyed by their name property."""
    return {f["properties"]["name"]: f for f in collection["features"]}


def rings(feature):
    """Yield every ring of a Polygon or MultiPolygon feature."""
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def max_lon_jump(ring):
    """Return the largest longitude step between consecutive points of a ring."""
    return max(abs(b[0] - a[0]) for a, b in zip(ring, ring[1:], strict=False))


def test_feature_collection_with_177_features(collection):
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 177
    assert {f["geometry"]["type"] for f in collection["features"]} == {"Polygon", "MultiPolygon"}


def test_every_feature_has_a_name(collection):
    names = [f["properties"]["name"] for f in collection["features"]]
    assert all(isinstance(n, str) and n.strip() for n in names)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    "name",
    [
        "Norway",
        "Finland",
        "Eritrea",
        "United States of America",
        "Iceland",
        "Moldova",
        "Israel",
        "Palestine",
    ],
)
def test_notable_countries_present(by_name, name):
    assert name in by_name


def test_ids_are_iso_numeric_strings(by_name):
    assert by_name["Norway"]["properties"]["id"] == "578"
    assert by_name["United States of America"]["properties"]["id"] == "840"


@pytest.mark.parametrize("name", ["Russia", "Fiji", "Antarctica", "United States of America", "New Zealand"])
def test_no_antimeridian_jump_in_notable_countries(by_name, name):
    for ring in rings(by_name[name]):
        assert max_lon_jump(ring) <= 180


def test_no_antimeridian_jump_anywhere(collection):
    bad = [f["properties"]["name"] for f in collection["features"] for r in rings(f) if max_lon_jump(r) > 180]
    assert bad == []


def test_rings_are_closed_and_valid(collection):
    for feature in collection["features"]:
        for ring in rings(feature):
            assert len(ring) >= 4 and ring[0] == ring[-1], feature["properties"]["name"]


def test_latitudes_in_range(collection):
    lats = [p[1] for f in collection["features"] for r in rings(f) for p in r]
    assert min(lats) >= -90 and max(lats) <= 90


def test_russia_far_east_unwrapped_east_of_180(by_name):
    assert max(p[0] for r in rings(by_name["Russia"]) for p in r) > 180


def test_antarctica_closed_along_south_pole(by_name):
    assert any(p[1] == -90 for r in rings(by_name["Antarctica"]) for p in r)


TOPO = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
    "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": []}},
}


def test_decode_arcs_applies_deltas_and_transform():
    arcs = builder.decode_arcs(TOPO)
    assert arcs[0] == [[-10, 20], [-8, 20], [-8, 21]]
    assert arcs[1] == [[-8, 21], [-10, 21], [-10, 20]]


def test_stitch_ring_joins_arcs_and_drops_shared_points():
    arcs = builder.decode_arcs(TOPO)
    assert builder.stitch_ring([0, 1], arcs) == [
        [-10, 20],
        [-8, 20],
        [-8, 21],
        [-10, 21],
        [-10, 20],
    ]


def test_stitch_ring_reverses_negative_indices():
    arcs = builder.decode_arcs(TOPO)
    assert builder.stitch_ring([~1, ~0], arcs) == [
        [-10, 20],
        [-10, 21],
        [-8, 21],
        [-8, 20],
        [-10, 20],
    ]


def test_to_feature_polygon_and_multipolygon():
    arcs = builder.decode_arcs(TOPO)
    poly = builder.to_feature({"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "A"}}, arcs)
    assert poly["properties"] == {"name": "A", "id": "001"}
    assert poly["geometry"]["coordinates"][0][2] == [-8, 21]
    multi = builder.to_feature({"type": "MultiPolygon", "arcs": [[[0, 1]]], "properties": {"name": "B"}}, arcs)
    assert multi["properties"] == {"name": "B", "id": None}
    assert len(multi["geometry"]["coordinates"]) == 1


def test_fix_antimeridian_unwraps_crossing_ring_east_of_180():
    ring = [[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]
    assert builder.fix_antimeridian(ring) == [[179, 0], [181, 0], [181, 1], [179, 1], [179, 0]]
    ring = [[-179, 0], [179, 0], [179, 1], [-179, 1], [-179, 0]]
    assert builder.fix_antimeridian(ring) == [[181, 0], [179, 0], [179, 1], [181, 1], [181, 0]]


def test_fix_antimeridian_closes_globe_wrapping_ring_over_the_pole():
    ring = [[-180, -80], [0, -70], [180, -80], [-180, -80]]
    fixed = builder.fix_antimeridian(ring)
    assert fixed[0] == fixed[-1] == [-180, -80]
    assert [-180, -90] in fixed and [180, -90] in fixed
    assert max_lon_jump(fixed) <= 180


def test_fix_antimeridian_leaves_ordinary_ring_alone():
    ring = [[10, 50], [11, 50], [11, 51], [10, 50]]
    assert builder.fix_antimeridian(ring) == ring
