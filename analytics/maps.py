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


# Points and labels are drawn over the arcs and leader lines regardless of depth.
FLAT = {"depthCompare": "always"}
LABEL_FONT_PX = 14


def _leader_places(distance: float) -> tuple:
    """Label places at the end of a leader line `distance` px from the point, in eight directions."""
    d, s = distance, round(distance * 0.7)
    return (
        ("start", "center", [d, 0], True),
        ("end", "center", [-d, 0], True),
        ("middle", "bottom", [0, -d], True),
        ("middle", "top", [0, d], True),
        ("start", "bottom", [s, -s], True),
        ("end", "bottom", [-s, -s], True),
        ("start", "top", [s, s], True),
        ("end", "top", [-s, s], True),
    )


# Candidate places for a label around its point: (anchor, baseline, pixel offset, leader line?). The first eight
# touch the point; the others sit at the end of a leader line, for a point whose neighbours leave it no room.
LABEL_PLACES = (
    ("middle", "bottom", [0, -11], False),
    ("start", "center", [11, 0], False),
    ("end", "center", [-11, 0], False),
    ("middle", "top", [0, 11], False),
    ("start", "bottom", [7, -7], False),
    ("end", "bottom", [-7, -7], False),
    ("start", "top", [7, 7], False),
    ("end", "top", [-7, 7], False),
    *_leader_places(36),
    *_leader_places(60),
    *_leader_places(90),
    *_leader_places(125),
)
# A label must be this much nearer its own point than any other point, so that it cannot be read as another's.
CLEAR_OF_OTHERS_PX = 9


def _pixel(lon: float, lat: float, view: pdk.ViewState) -> tuple[float, float]:
    scale = 512 * 2**view.zoom / (2 * math.pi)
    x = math.radians(lon - view.longitude) * scale
    y = -(mercator_y(lat) - mercator_y(view.latitude)) * scale
    return x, y


def _lon_lat(x: float, y: float, view: pdk.ViewState) -> tuple[float, float]:
    """The longitude and latitude at pixel (x, y) from the view's centre (the inverse of _pixel)."""
    scale = 512 * 2**view.zoom / (2 * math.pi)
    lon = view.longitude + math.degrees(x / scale)
    merc = mercator_y(view.latitude) - y / scale
    return lon, math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)


def _label_box(
    x: float, y: float, text: str, place, font_px: float = LABEL_FONT_PX
) -> tuple[float, float, float, float]:
    anchor, baseline, (dx, dy) = place[:3]
    width, height = 0.55 * font_px * len(text) + 6, font_px + 4
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - height, "center": y + dy - height / 2, "top": y + dy}[baseline]
    return left, top, left + width, top + height


def _overlapping(boxes: np.ndarray, others) -> np.ndarray:
    """For each of `boxes` (n × 4: left, top, right, bottom): whether it overlaps any of `others` (m × 4)."""
    o = np.asarray(others, dtype=float).reshape(-1, 4)
    b = boxes[:, None, :]
    return ((b[..., 0] < o[:, 2]) & (o[:, 0] < b[..., 2]) & (b[..., 1] < o[:, 3]) & (o[:, 1] < b[..., 3])).any(axis=1)


def _distances(boxes: np.ndarray, points: np.ndarray) -> np.ndarray:
    """The distance from each box (n × 4) to each point (m × 2), 0 inside: an n × m array."""
    b, p = boxes[:, None, :], points[None, :, :]
    dx = np.maximum.reduce([b[..., 0] - p[..., 0], np.zeros_like(b[..., 0] - p[..., 0]), p[..., 0] - b[..., 2]])
    dy = np.maximum.reduce([b[..., 1] - p[..., 1], np.zeros_like(b[..., 1] - p[..., 1]), p[..., 1] - b[..., 3]])
    return np.hypot(dx, dy)


def _leader_segments(x: float, y: float) -> np.ndarray:
    """For each label place, the boxes of eight points along its leader line (none for places without a line)."""
    segments = np.full((len(LABEL_PLACES), 8, 4), np.nan)
    for index, (_, _, (dx, dy), leader) in enumerate(LABEL_PLACES):
        if leader:
            for step, share in enumerate(np.linspace(0.25, 0.95, 8)):
                px, py = x + dx * share, y + dy * share
                segments[index, step] = (px - 1, py - 1, px + 1, py + 1)
    return segments


def _crossing(first: tuple, second: tuple) -> bool:
    """Whether two line segments (x1, y1, x2, y2) cross."""

    def side(ax, ay, bx, by, cx, cy):
        return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))

    a, b = first[:2], first[2:]
    c, d = second[:2], second[2:]
    return side(*a, *b, *c) * side(*a, *b, *d) < 0 and side(*c, *d, *a) * side(*c, *d, *b) < 0


def labels_without_overlap(
    points: pd.DataFrame,
    view: pdk.ViewState,
    width: int = MAP_WIDTH_PX,
    height: int = MAP_HEIGHT_PX,
    font_px: float = LABEL_FONT_PX,
    arcs: list | None = None,
) -> pd.DataFrame:
    """A label per point where one fits, each at the first free place around its point (touching it, else at the end
    of a leader line): inside the frame, clear of other labels, dots and leader lines, and nearer its own point than
    any other; a leader line also keeps clear of `arcs` (paths of (lon, lat) points). The first row is placed first; the others in row order (then the most crowded first), again with
    those left without a label moved forward, keeping the order that labels the most. Columns: name, lon, lat, place, and text_lon/text_lat
    where the text sits (the end of the leader line, else the point)."""
    pixels = np.array([_pixel(p.lon, p.lat, view) for p in points.itertuples()], dtype=float).reshape(-1, 2)
    arc_points = np.array([_pixel(lon, lat, view) for path in arcs or [] for lon, lat in path], dtype=float)
    arc_boxes = np.hstack([arc_points - 3, arc_points + 3]) if len(arc_points) else np.empty((0, 4))
    near = (np.hypot(*(pixels[:, None, :] - pixels[None, :, :]).transpose(2, 0, 1)) < 60).sum(axis=1)
    crowded_first = [0, *sorted(range(1, len(points)), key=lambda i: -near[i])] if len(points) else []
    best: dict[int, dict] = {}
    for order in (list(range(len(points))), crowded_first):
        for _ in range(6):
            placed = _placed_labels(points, pixels, arc_boxes, order, (width, height), font_px, view)
            if len(placed) > len(best):
                best = placed
            missing = [i for i in order if i not in placed]
            if not missing:
                break
            order = order[:1] + missing + [i for i in order[1:] if i in placed]
        if len(best) == len(points):
            break
    rows = [best[i] for i in sorted(best)]
    return pd.DataFrame(rows, columns=["name", "lon", "lat", "place", "text_lon", "text_lat"])


def _placed_labels(points, pixels: np.ndarray, arc_boxes: np.ndarray, order: list[int], frame, font_px, view) -> dict:
    """The labels placed greedily in `order`: {row number: label row}."""
    width, height = frame
    taken: list[tuple[float, float, float, float]] = []  # label boxes and leader-line points placed so far
    lines: list[tuple[float, float, float, float]] = []  # leader lines placed so far: x1, y1, x2, y2
    dots = np.hstack([pixels - 8, pixels + 8])  # each city's dot as a box
    leader = np.array([place[3] for place in LABEL_PLACES])
    result = {}
    for number in order:
        point, (x, y) = points.iloc[number], pixels[number].tolist()
        if not (abs(x) < width / 2 and abs(y) < height / 2):
            continue  # a city outside the frame gets no label (nor a line from outside)
        # Other cities' dots are obstacles too, except those drawn on top of this one.
        others = (np.abs(pixels[:, 0] - x) > 8) | (np.abs(pixels[:, 1] - y) > 8)
        boxes = np.array([_label_box(x, y, point["name"], place, font_px) for place in LABEL_PLACES], dtype=float)
        free = (-width / 2 < boxes[:, 0]) & (boxes[:, 2] < width / 2)
        free &= (-height / 2 < boxes[:, 1]) & (boxes[:, 3] < height / 2)
        free &= ~_overlapping(boxes, taken) & ~_overlapping(boxes, dots[others])
        own = _distances(boxes, np.array([[x, y]]))[:, 0]
        nearest_other = _distances(boxes, pixels[others]).min(axis=1, initial=np.inf)
        free &= np.where(leader, nearest_other > CLEAR_OF_OTHERS_PX, nearest_other > own + CLEAR_OF_OTHERS_PX)
        segments = _leader_segments(x, y)
        for index in np.flatnonzero(free & leader):
            line = segments[index]
            end = (x, y, x + LABEL_PLACES[index][2][0], y + LABEL_PLACES[index][2][1])
            free[index] = not (
                _overlapping(line, taken).any()
                or _overlapping(line, dots[others]).any()
                or _overlapping(line, arc_boxes).sum() > 2  # crossing an arc is clear; running along one is not
                or any(_crossing(end, other) for other in lines)
            )
        if not free.any():
            continue
        index = int(free.argmax())  # the first free place
        taken.append(tuple(boxes[index]))
        _, _, (dx, dy), has_leader = LABEL_PLACES[index]
        if has_leader:
            taken.extend(tuple(box) for box in segments[index])
            lines.append((x, y, x + dx, y + dy))
        text_lon, text_lat = _lon_lat(x + dx, y + dy, view) if has_leader else (point["lon"], point["lat"])
        result[number] = {
            "name": point["name"],
            "lon": point["lon"],
            "lat": point["lat"],
            "place": index,
            "text_lon": text_lon,
            "text_lat": text_lat,
        }
    return result


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
    """One TextLayer per label place: deck.gl draws constant anchors more reliably than per-row ones. A label at the
    end of a leader line sits at that end (text_lon, text_lat), so that line and label stay together on zooming."""
    anchor, baseline, offset, leader = LABEL_PLACES[place]
    return pdk.Layer(
        "TextLayer",
        id=f"labels-{place}",
        parameters=FLAT,
        data=rows[["name", "text_lon", "text_lat"]],
        get_position=["text_lon", "text_lat"],
        get_text="name",
        get_size=LABEL_FONT_PX,
        get_color=[26, 26, 26, 255],
        get_pixel_offset=[0, 0] if leader else offset,
        get_text_anchor=f"'{anchor}'",
        get_alignment_baseline=f"'{baseline}'",
        character_set="'auto'",
        font_family="'Source Sans, Helvetica, Arial, sans-serif'",
        font_weight=600,
        background=True,
        get_background_color=[255, 255, 255, 210],
        background_padding=[3, 1],
    )


def _leader_layer(labels: pd.DataFrame) -> pdk.Layer:
    """Thin dark lines from a point to its label, for labels set apart from a crowded point."""
    leaders = labels[[LABEL_PLACES[place][3] for place in labels["place"]]] if len(labels) else labels
    return pdk.Layer(
        "LineLayer",
        id="leaders",
        parameters=FLAT,
        data=leaders[["lon", "lat", "text_lon", "text_lat"]],
        get_source_position=["lon", "lat"],
        get_target_position=["text_lon", "text_lat"],
        get_color=[26, 26, 26, 200],
        get_width=1.5,
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
        """The JSON, written once: a deck is not changed after it is built, and the app shares one per year."""
        if getattr(self, "_compact_json", None) is None:
            self._compact_json = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return self._compact_json


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
    # A label per city in the frame where one fits (leader lines clear of the arcs); every city keeps its tooltip.
    paths = [great_circle_path((home["lon"], home["lat"]), (p.lon, p.lat)) for p in points.itertuples()]
    labels = labels_without_overlap(
        pd.concat([home_point, points], ignore_index=True)[["name", "lon", "lat"]], view, arcs=paths
    )
    layers = [
        *_ground(outlines),
        _arc_layer(arcs),
        _leader_layer(labels),
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
        get_height=0,
        great_circle=True,  # flat along the shortest path, as the slide map draws it (great_circle_path)
        pickable=True,
    )


def great_circle_path(start: tuple[float, float], end: tuple[float, float], steps: int = 64) -> list[tuple]:
    """Points (lon, lat) along the shortest path on the globe from `start` to `end` (each lon, lat), as deck.gl's
    ArcLayer draws it with greatCircle; longitudes continue past ±180 rather than jump."""
    (lon1, lat1), (lon2, lat2) = (np.radians(p) for p in (start, end))
    a = np.array([np.cos(lat1) * np.cos(lon1), np.cos(lat1) * np.sin(lon1), np.sin(lat1)])
    b = np.array([np.cos(lat2) * np.cos(lon2), np.cos(lat2) * np.sin(lon2), np.sin(lat2)])
    angle = math.acos(float(np.clip(a @ b, -1.0, 1.0)))
    shares = np.linspace(0.0, 1.0, steps + 1)
    if angle < 1e-9:
        vectors = np.repeat(a[None, :], len(shares), axis=0)
    else:
        vectors = (np.sin((1 - shares) * angle)[:, None] * a + np.sin(shares * angle)[:, None] * b) / math.sin(angle)
    lons = np.unwrap(np.arctan2(vectors[:, 1], vectors[:, 0]))
    lons += round((float(start[0]) - math.degrees(lons[0])) / 360) * 2 * math.pi
    lats = np.arcsin(np.clip(vectors[:, 2], -1.0, 1.0))
    return list(zip(np.degrees(lons).tolist(), np.degrees(lats).tolist(), strict=True))


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
