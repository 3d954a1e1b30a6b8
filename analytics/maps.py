"""The partner-city map as a pydeck.Deck that needs no internet: shipped outlines, no basemap."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from analytics import palette
from analytics.checks import DataError, read_text
from analytics.partners import arcs_from_home

MAP_WIDTH_PX = 620
MAP_HEIGHT_PX = 470


def load_outlines(path: Path) -> dict:
    """The country outlines as a GeoJSON dict, each country with a land tone unlike its neighbours' (the app caches
    it in ui/cached.py)."""
    outlines = _checked_outlines(Path(path))
    for feature, tone in zip(outlines["features"], neighbour_tones(outlines), strict=True):
        feature["properties"]["fill"] = palette.rgb(palette.LAND_TONES[tone])
    return outlines


def _checked_outlines(path: Path) -> dict:
    """The GeoJSON as a dict once every country has a polygon of [lon, lat] points; else a DataError naming the
    file as data/shared/… does (never the server's path)."""
    shown = "/".join(path.parts[-2:])
    expected = "GeoJSON med land: features med geometry Polygon eller MultiPolygon og properties"
    if not path.exists():
        raise DataError(shown, "filen finnes ikke.", expected="landkonturene som følger med (Natural Earth 1:110m)")
    try:
        outlines = json.loads(read_text(path))
    except DataError as error:
        raise error.shown_as(shown) from None
    except json.JSONDecodeError as error:
        raise DataError(shown, f"ugyldig JSON (tegn {error.colno}).", row=error.lineno, expected=expected) from None
    except RecursionError:
        raise DataError(shown, "JSON-en er nestet for dypt.", expected=expected) from None
    features = outlines.get("features") if isinstance(outlines, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError(shown, "filen har ingen «features».", expected=expected)
    for number, feature in enumerate(features, start=1):
        try:
            if not isinstance(feature.get("properties"), dict):
                raise TypeError
            points = _vertices(feature)
            if not points or not all(math.isfinite(x) and math.isfinite(y) for x, y in points):
                raise ValueError
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            raise DataError(
                shown,
                f"land nr. {number} i «features» har ingen gyldig geometri.",
                column="features",
                expected=expected,
            ) from None
    return outlines


def _vertices(feature: dict) -> set[tuple[float, float]]:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return {(round(x, 4), round(y, 4)) for polygon in polygons for ring in polygon for x, y in ring}


def neighbour_tones(outlines: dict) -> list[int]:
    """A tone index per country such that countries sharing a border (two or more common vertices) differ:
    greedy colouring, most-connected first. Borders drawn as lines cost a software-rendered browser ~200 ms
    on every year change; tones show the same borders for nothing."""
    owners: dict[tuple[float, float], list[int]] = {}
    for index, feature in enumerate(outlines["features"]):
        for vertex in _vertices(feature):
            owners.setdefault(vertex, []).append(index)
    shared: dict[tuple[int, int], int] = {}
    for countries in owners.values():
        for a in countries:
            for b in countries:
                if a < b:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    neighbours: dict[int, set[int]] = {i: set() for i in range(len(outlines["features"]))}
    for (a, b), count in shared.items():
        if count >= 2:
            neighbours[a].add(b)
            neighbours[b].add(a)
    tones: dict[int, int] = {}
    for country in sorted(neighbours, key=lambda i: -len(neighbours[i])):
        taken = {tones[n] for n in neighbours[country] if n in tones}
        tones[country] = next(t for t in range(len(palette.LAND_TONES)) if t not in taken)
    return [tones[i] for i in range(len(neighbours))]


def mercator_y(lat: float) -> float:
    """Web Mercator's y (in radians) of a latitude, clamped to ±85°."""
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view_fitting(points: pd.DataFrame, width: int = MAP_WIDTH_PX, height: int = MAP_HEIGHT_PX) -> pdk.ViewState:
    """A view centred on the points (columns lon, lat), zoomed so that all fit with a margin."""
    lon_min, lon_max = points["lon"].min(), points["lon"].max()
    y_min, y_max = mercator_y(points["lat"].min()), mercator_y(points["lat"].max())
    lon_span = max(lon_max - lon_min, 1.0) * 1.15
    y_span = max(y_max - y_min, 0.02) * 1.3
    zoom_x = math.log2(width * 360 / (lon_span * 512))
    zoom_y = math.log2(height * 2 * math.pi / (y_span * 512))
    centre_y = (y_min + y_max) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(
        longitude=(lon_min + lon_max) / 2,
        latitude=centre_lat,
        zoom=round(min(zoom_x, zoom_y), 2),
        min_zoom=0.5,
        max_zoom=8,
    )


def view_of_ranges(x_range: list[float], y_range: list[float], width: int, height: int) -> pdk.ViewState:
    """The view showing exactly these ranges (longitude; Mercator y in degrees) in a plot of width × height px."""
    zoom = math.log2(width * 2 * math.pi / (512 * math.radians(x_range[1] - x_range[0])))
    centre_y = math.radians(sum(y_range) / 2)
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return pdk.ViewState(longitude=sum(x_range) / 2, latitude=centre_lat, zoom=zoom)


# Arcs rise above the ground in 3D; points and labels are drawn over them regardless of depth.
FLAT = {"depthCompare": "always"}
LABEL_FONT_PX = 14
# Candidate places for a label around its point: (anchor, baseline, pixel offset).
LABEL_PLACES = (
    ("middle", "bottom", [0, -11]),
    ("start", "center", [11, 0]),
    ("end", "center", [-11, 0]),
    ("middle", "top", [0, 11]),
    ("start", "bottom", [7, -7]),
    ("end", "bottom", [-7, -7]),
    ("start", "top", [7, 7]),
    ("end", "top", [-7, 7]),
)


def _pixel(lon: float, lat: float, view: pdk.ViewState) -> tuple[float, float]:
    scale = 512 * 2**view.zoom / (2 * math.pi)
    x = math.radians(lon - view.longitude) * scale
    y = -(mercator_y(lat) - mercator_y(view.latitude)) * scale
    return x, y


def _label_box(x: float, y: float, text: str, place) -> tuple[float, float, float, float]:
    anchor, baseline, (dx, dy) = place
    width, height = 0.55 * LABEL_FONT_PX * len(text) + 6, LABEL_FONT_PX + 4
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - height, "center": y + dy - height / 2, "top": y + dy}[baseline]
    return left, top, left + width, top + height


def _overlapping(boxes: np.ndarray, others) -> np.ndarray:
    """For each of `boxes` (n × 4: left, top, right, bottom): whether it overlaps any of `others` (m × 4)."""
    o = np.asarray(others, dtype=float).reshape(-1, 4)
    b = boxes[:, None, :]
    return ((b[..., 0] < o[:, 2]) & (o[:, 0] < b[..., 2]) & (b[..., 1] < o[:, 3]) & (o[:, 1] < b[..., 3])).any(axis=1)


def labels_without_overlap(
    points: pd.DataFrame, view: pdk.ViewState, width: int = MAP_WIDTH_PX, height: int = MAP_HEIGHT_PX
) -> pd.DataFrame:
    """The labels that fit at the view's zoom, in row order of priority, each at the first free place around its point."""
    rows = []
    placed = np.empty((len(points), 4))  # the boxes of the labels placed so far: placed[:count]
    count = 0
    pixels = np.array([_pixel(p.lon, p.lat, view) for p in points.itertuples()], dtype=float).reshape(-1, 2)
    dots = np.hstack([pixels - 8, pixels + 8])  # each city's dot as a box
    for point, (x, y) in zip(points.itertuples(), pixels.tolist(), strict=True):
        # Other cities' dots are obstacles too, except those drawn on top of this one.
        obstacles = dots[(np.abs(pixels[:, 0] - x) > 8) | (np.abs(pixels[:, 1] - y) > 8)]
        boxes = np.array([_label_box(x, y, point.name, place) for place in LABEL_PLACES], dtype=float)
        inside = (-width / 2 < boxes[:, 0]) & (boxes[:, 2] < width / 2)
        inside &= (-height / 2 < boxes[:, 1]) & (boxes[:, 3] < height / 2)
        free = inside & ~_overlapping(boxes, placed[:count]) & ~_overlapping(boxes, obstacles)
        if free.any():
            index = int(free.argmax())  # the first free place
            placed[count] = boxes[index]
            count += 1
            rows.append({"name": point.name, "lon": point.lon, "lat": point.lat, "place": index})
    return pd.DataFrame(rows, columns=["name", "lon", "lat", "place"])


def _dots(layer_id: str, data: pd.DataFrame, fill="fill", line="line", radius=7, line_width=2.0) -> pdk.Layer:
    """Pickable round markers with an outline, drawn over the arcs."""
    return pdk.Layer(
        "ScatterplotLayer",
        id=layer_id,
        parameters=FLAT,
        data=data,
        get_position=["lon", "lat"],
        get_fill_color=fill,
        get_line_color=line,
        get_radius=1,
        radius_min_pixels=radius,
        stroked=True,
        line_width_min_pixels=line_width,
        pickable=True,
    )


def _label_layer(rows: pd.DataFrame, place: int) -> pdk.Layer:
    """One TextLayer per label place: deck.gl draws constant anchors more reliably than per-row ones."""
    anchor, baseline, offset = LABEL_PLACES[place]
    return pdk.Layer(
        "TextLayer",
        id=f"labels-{place}",
        parameters=FLAT,
        data=rows[["name", "lon", "lat"]],
        get_position=["lon", "lat"],
        get_text="name",
        get_size=LABEL_FONT_PX,
        get_color=[26, 26, 26, 255],
        get_pixel_offset=offset,
        get_text_anchor=f"'{anchor}'",
        get_alignment_baseline=f"'{baseline}'",
        character_set="'auto'",
        font_family="'Source Sans, Helvetica, Arial, sans-serif'",
        font_weight=600,
        background=True,
        get_background_color=[255, 255, 255, 210],
        background_padding=[3, 1],
    )


def _styled(partners: pd.DataFrame) -> pd.DataFrame:
    """Partners with deck.gl colours: dormant relations hollow and grey, others filled by type."""
    frame = partners.copy()
    dormant = frame["status"].eq("hvilende")
    colour = frame["agreement_type"].map(palette.AGREEMENT_COLOURS)
    frame["line_colour"] = [palette.rgb(palette.DORMANT_GREY if d else c) for d, c in zip(dormant, colour, strict=True)]
    frame["fill_colour"] = [[255, 255, 255, 255] if d else palette.rgb(c) for d, c in zip(dormant, colour, strict=True)]
    frame["arc_colour"] = [
        palette.rgb(palette.DORMANT_GREY, 150) if d else palette.rgb(c, 210)
        for d, c in zip(dormant, colour, strict=True)
    ]
    frame["arc_width"] = [1.5 if d else 2.5 for d in dormant]
    return frame


class CompactDeck(pdk.Deck):
    """A pydeck Deck whose JSON has no indentation (pydeck indents by two spaces): the same document, a fifth of
    the size (~0.2 instead of ~1.1 MB with the outlines), written by the C encoder several times faster."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def partner_map(
    partners: pd.DataFrame, home: dict, outlines: dict, view: pdk.ViewState, tooltips: pd.Series
) -> pdk.Deck:
    """The deck: ocean, countries, arcs from home, partner points and labels; `tooltips` is plain text per partner."""
    styled = _styled(partners).assign(tooltip=tooltips.to_numpy() if len(partners) else [])
    points = styled[["id", "name", "lon", "lat", "line_colour", "fill_colour", "tooltip"]]
    arcs = arcs_from_home(partners, home).assign(
        colour=styled["arc_colour"].to_numpy(),
        width=styled["arc_width"].to_numpy(),
        tooltip=styled["tooltip"].to_numpy(),
    )
    home_point = pd.DataFrame([{"name": home["name"], "lon": home["lon"], "lat": home["lat"], "tooltip": home["name"]}])
    # Labels that would overlap at the initial zoom are left out; every city keeps its tooltip.
    labels = labels_without_overlap(pd.concat([home_point, points], ignore_index=True)[["name", "lon", "lat"]], view)
    layers = [
        *_ground(outlines),
        _arc_layer(arcs),
        _dots("partners", points, fill="fill_colour", line="line_colour", radius=7, line_width=2.5),
        _dots(
            "home", home_point.assign(fill=[palette.rgb(palette.HOME_COLOUR)], line=[[255, 255, 255, 255]]), radius=9
        ),
    ]
    layers += [_label_layer(rows, place) for place, rows in labels.groupby("place", sort=True)]
    return CompactDeck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        tooltip={"text": "{tooltip}"},
    )


def _ground(outlines: dict) -> list[pdk.Layer]:
    """The ocean and the countries (no map service)."""
    return [
        pdk.Layer(
            "SolidPolygonLayer",
            id="ocean",
            data=[{"polygon": [[-360, -85], [360, -85], [360, 85], [-360, 85]]}],
            get_polygon="polygon",
            get_fill_color=palette.rgb(palette.OCEAN),
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="countries",
            data=outlines,
            filled=True,
            stroked=False,  # borders are shown by the tones of neighbouring countries (see neighbour_tones)
            get_fill_color="properties.fill",
        ),
    ]


def _arc_layer(arcs: pd.DataFrame) -> pdk.Layer:
    """The arcs from home to each partner, coloured and sized per row, with the partner's tooltip."""
    return pdk.Layer(
        "ArcLayer",
        id="arcs",
        data=arcs,
        get_source_position="source_position",
        get_target_position="target_position",
        get_source_color="colour",
        get_target_color="colour",
        get_width="width",
        pickable=True,
    )


# Map extents a presenter can choose: None fits every partner; a box (lon_min, lat_min, lon_max, lat_max) fits
# the partners inside it, so that a crowded region gets room for its labels.
EXTENTS = {"world": None, "europe": (-30.0, 30.0, 45.0, 72.0)}


def view_for(partners: pd.DataFrame, home: dict, extent: str = "world") -> pdk.ViewState:
    """The view that fits the home city and the partners in `extent` (the same whatever year is shown)."""
    points = pd.concat([partners[["lon", "lat"]], pd.DataFrame([{"lon": home["lon"], "lat": home["lat"]}])])
    box = EXTENTS[extent]
    if box is not None:
        inside = points["lon"].between(box[0], box[2]) & points["lat"].between(box[1], box[3])
        points = points[inside]
    return view_fitting(points)
