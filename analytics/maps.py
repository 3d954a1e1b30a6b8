"""The partner-city map as a pydeck.Deck that needs no internet: shipped outlines, no basemap."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from analytics import palette
from analytics.partners import arcs_from_home

MAP_WIDTH_PX = 900
MAP_HEIGHT_PX = 560


@lru_cache(maxsize=4)
def load_outlines(path: Path) -> dict:
    """The country outlines as a GeoJSON dict (read once per process)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view_fitting(points: pd.DataFrame, width: int = MAP_WIDTH_PX, height: int = MAP_HEIGHT_PX) -> pdk.ViewState:
    """A view centred on the points (columns lon, lat), zoomed so that all fit with a margin."""
    lon_min, lon_max = points["lon"].min(), points["lon"].max()
    y_min, y_max = _mercator_y(points["lat"].min()), _mercator_y(points["lat"].max())
    lon_span = max(lon_max - lon_min, 1.0) * 1.25
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
    layers = [
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
            stroked=True,
            get_fill_color=palette.rgb(palette.LAND),
            get_line_color=palette.rgb(palette.BORDER),
            line_width_min_pixels=0.6,
        ),
        pdk.Layer(
            "ArcLayer",
            id="arcs",
            data=arcs,
            get_source_position="source_position",
            get_target_position="target_position",
            get_source_color="colour",
            get_target_color="colour",
            get_width="width",
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id="partners",
            data=points,
            get_position=["lon", "lat"],
            get_fill_color="fill_colour",
            get_line_color="line_colour",
            get_radius=1,
            radius_min_pixels=7,
            stroked=True,
            line_width_min_pixels=2.5,
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id="home",
            data=home_point,
            get_position=["lon", "lat"],
            get_fill_color=palette.rgb(palette.HOME_COLOUR),
            get_line_color=[255, 255, 255, 255],
            get_radius=1,
            radius_min_pixels=9,
            stroked=True,
            line_width_min_pixels=2,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            id="labels",
            data=pd.concat(
                [points[["name", "lon", "lat"]], home_point[["name", "lon", "lat"]]],
                ignore_index=True,
            ),
            get_position=["lon", "lat"],
            get_text="name",
            get_size=14,
            get_color=[26, 26, 26, 255],
            get_pixel_offset=[0, -16],
            get_text_anchor="'middle'",
            get_alignment_baseline="'bottom'",
            character_set="auto",
            font_weight=600,
            background=True,
            get_background_color=[255, 255, 255, 200],
            background_padding=[3, 1],
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,
        map_style=None,
        tooltip={"text": "{tooltip}"},
    )


def view_for(partners: pd.DataFrame, home: dict) -> pdk.ViewState:
    """The view that fits every partner and the home city (the same whatever year is shown)."""
    points = pd.concat([partners[["lon", "lat"]], pd.DataFrame([{"lon": home["lon"], "lat": home["lat"]}])])
    return view_fitting(points)
