"""Plotly chart builders: each returns a figure and never draws."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import maps, palette
from analytics.formatting import PLOTLY_SEPARATORS, format_change, format_int, format_percent


def base_layout(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    """The house layout: white, large type, Norwegian separators, legend below."""
    fig.update_layout(
        title={"text": title, "font": {"size": 18}},
        template="plotly_white",
        separators=PLOTLY_SEPARATORS,
        font={"size": 15},
        height=height,
        margin={"l": 50, "r": 20, "t": 60, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
    )
    return fig


def partnerships_over_time(
    counts: pd.DataFrame, year: int, type_labels: dict, title: str, year_label: str
) -> go.Figure:
    """Stacked step areas of the number of partnerships per agreement type, with a marker at `year`."""
    fig = go.Figure()
    for agreement_type, rows in counts.groupby("agreement_type", sort=False):
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["count"],
                name=type_labels[agreement_type],
                mode="lines",
                line={
                    "shape": "hv",
                    "width": 0.5,
                    "color": palette.AGREEMENT_COLOURS[agreement_type],
                },
                stackgroup="one",
                hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
            )
        )
    fig.add_vline(x=year, line={"color": palette.HOME_COLOUR, "width": 2, "dash": "dot"})
    late = year > (counts["year"].min() + counts["year"].max()) / 2
    fig.add_annotation(
        x=year,
        y=1,
        yref="paper",
        text=f"{year_label} {year}",
        showarrow=False,
        xanchor="right" if late else "left",
        yanchor="bottom",
    )
    fig.update_xaxes(title=None, tickformat="d", range=[counts["year"].min() - 1, counts["year"].max() + 1])
    fig.update_yaxes(title=None, rangemode="tozero", dtick=5)
    return base_layout(fig, title)


def coverage_dots(coverage: pd.DataFrame, goal_labels: dict, title: str) -> go.Figure:
    """A dot matrix: one row per network, one column per målområde, a dot where the network serves it."""
    fig = go.Figure()
    order = [str(number) for number in goal_labels]
    networks = list(dict.fromkeys(coverage["name"]))
    for number, rows in coverage.groupby("number", sort=True):
        fig.add_trace(
            go.Scatter(
                x=[str(number)] * len(rows),
                y=rows["name"],
                mode="markers",
                marker={
                    "size": 14,
                    "color": palette.goal_area_colour(number),
                    "line": {"width": 2 if "own" in rows else 1, "color": "#333"},
                    # hollow where the link is the dashboard's own inference (said in the chart's summary)
                    "symbol": ["circle-open" if own else "circle" for own in rows["own"]]
                    if "own" in rows
                    else "circle",
                },
                name=goal_labels[number],
                hovertemplate=f"%{{y}}<br>{goal_labels[number]}<extra></extra>",
                showlegend=False,
            )
        )
    fig.update_xaxes(categoryorder="array", categoryarray=order, side="top", title=None, tickfont={"size": 17})
    fig.update_yaxes(
        categoryorder="array", categoryarray=networks[::-1], title=None, showgrid=True, tickfont={"size": 14}
    )
    fig = base_layout(fig, title, height=max(300, 23 * len(networks) + 110))
    return fig.update_layout(margin={"t": 90, "b": 20})


def count_bars(counts: pd.DataFrame, label_column: str, title: str) -> go.Figure:
    """Horizontal bars of the number of networks per målområde, each in its colour, the strategy's order top down."""
    fig = go.Figure(
        go.Bar(
            x=counts["networks"],
            y=counts[label_column],
            orientation="h",
            marker={"color": [palette.goal_area_colour(n) for n in counts["number"]]},
            text=counts["networks"],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(counts[label_column])[::-1], title=None)
    fig.update_xaxes(title=None, range=[0, counts["networks"].max() * 1.2 + 1], dtick=2)
    return base_layout(fig, title, height=100 + 48 * len(counts))


def goal_area_tick(number: int, label: str) -> str:
    """A målområde's axis label with a square in its own colour in front, as on every chart of målområder."""
    return f"<span style='color:{palette.goal_area_colour(number)}'>■</span> {label}"


def scope_bars(mix: pd.DataFrame, goal_labels: dict, scope_labels: dict, title: str) -> go.Figure:
    """Stacked horizontal bars: per målområde (its name marked in its colour), its networks by scope (greys, each with its own pattern)."""
    ticks = {number: goal_area_tick(number, label) for number, label in goal_labels.items()}
    fig = go.Figure()
    for scope, rows in mix.groupby("scope", sort=False):
        fig.add_trace(
            go.Bar(
                x=rows["networks"],
                y=rows["number"].map(ticks),
                orientation="h",
                name=scope_labels[scope],
                marker={
                    "color": palette.SCOPE_COLOURS[scope],
                    "line": {"color": palette.SCOPE_OUTLINE, "width": 1},
                    "pattern": {
                        "shape": palette.SCOPE_PATTERNS[scope],
                        "fgcolor": palette.SCOPE_PATTERN_COLOURS[scope],
                        "size": 7,
                        "solidity": 0.35,
                    },
                },
                hovertemplate="%{customdata}<br>%{fullData.name}: %{x}<extra></extra>",
                customdata=rows["number"].map(goal_labels),
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})  # widest scope first, as in the bars
    fig.update_yaxes(categoryorder="array", categoryarray=list(ticks.values())[::-1], title=None)
    fig.update_xaxes(title=None, dtick=2)
    return base_layout(fig, title, height=140 + 48 * len(goal_labels))


def share_over_time(series: pd.DataFrame, title: str) -> go.Figure:
    """Share of the population per region and year: a marker on every measured point, no line across a gap."""
    fig = go.Figure()
    colours = palette.region_colours(series["region"].drop_duplicates())
    for i, (region, rows) in enumerate(series.groupby("region", sort=False)):
        colour = colours[region]
        fig.add_trace(
            go.Scatter(
                x=rows["year"].astype(int),
                y=rows["value"],
                name=rows["region_name"].iloc[0],
                mode="lines+markers+text",
                connectgaps=False,
                line={"color": colour, "width": 3},
                marker={"size": 11, "color": colour},
                text=_point_labels(rows["value"]),
                textposition="bottom center" if i == 0 else "top center",  # the home region's labels below
                textfont={"color": colour, "size": 14},
                hovertemplate="%{fullData.name} %{x}: %{y:.1f}\u00a0%<extra></extra>",
            )
        )
    fig.update_xaxes(title=None, tickformat="d", dtick=1 if series["year"].nunique() <= 16 else 2)
    top = float(series["value"].max()) if series["value"].notna().any() else 10
    fig.update_yaxes(title=None, range=[0, top * 1.25], ticksuffix="\u00a0%")
    return base_layout(fig, title, height=380)


def _point_labels(values: pd.Series, every_up_to: int = 6) -> list[str]:
    """ "15,3 %" on every measured point of a short series; on a long one only on its first and last point."""
    measured = [i for i, v in enumerate(values) if pd.notna(v)]
    shown = set(measured) if len(measured) <= every_up_to else {measured[0], measured[-1]}
    return [format_percent(v) if i in shown else "" for i, v in enumerate(values)]


def persons_by_category(table: pd.DataFrame, labels: dict, title: str) -> go.Figure:
    """Persons per year: immigrants and Norwegian-born stacked where split, the total hatched where it is not."""
    fig = go.Figure()
    split = table.dropna(subset=["innvandrere", "norskfodte"])
    whole = table[table["innvandrere"].isna() | table["norskfodte"].isna()].dropna(subset=["innvandrerbakgrunn"])
    colours = {"innvandrere": palette.OKABE_ITO["blue"], "norskfodte": palette.OKABE_ITO["sky_blue"]}
    for measure, colour in colours.items():
        fig.add_trace(
            go.Bar(
                x=split["year"].astype(int),
                y=split[measure],
                name=labels[measure],
                marker={"color": colour},
                hovertemplate="%{x}: %{y:,.0f}<extra>%{fullData.name}</extra>",
            )
        )
    fig.add_trace(
        go.Bar(
            x=whole["year"].astype(int),
            y=whole["innvandrerbakgrunn"],
            name=labels["unsplit"],
            marker={
                "color": "white",
                "line": {"color": palette.OKABE_ITO["blue"], "width": 2},
                "pattern": {"shape": "/", "fgcolor": palette.OKABE_ITO["blue"]},
            },
            hovertemplate="%{x}: %{y:,.0f}<extra>%{fullData.name}</extra>",
        )
    )
    totals = table.dropna(subset=["innvandrerbakgrunn"])
    fig.add_trace(
        go.Scatter(
            x=totals["year"].astype(int),
            y=totals["innvandrerbakgrunn"],
            mode="text",
            text=[format_int(v) for v in totals["innvandrerbakgrunn"]],
            textposition="top center",
            textfont={"size": 14},
            showlegend=False,
            hoverinfo="skip",
        )
    )
    years = table["year"].astype(int)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=None, tickformat="d", range=[years.min() - 0.6, years.max() + 0.6], dtick=1)
    top = table[["innvandrerbakgrunn", "innvandrere"]].max(axis=None)
    fig.update_yaxes(title=None, range=[0, float(top) * 1.18], tickformat=",d")
    return base_layout(fig, title, height=380)


def _labelled_bars(x, names, colours, text, hover: str, x_range: list, title: str) -> go.Figure:
    """Horizontal bars in the given order top down, each with its text outside the bar."""
    fig = go.Figure(
        go.Bar(
            x=x,
            y=names,
            orientation="h",
            marker={"color": colours},
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate=hover,
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(names)[::-1], title=None)
    fig.update_xaxes(title=None, range=x_range, tickformat=",d", zeroline=True)
    return base_layout(fig, title, height=110 + 34 * max(len(names), 3))


def country_bars(countries: pd.DataFrame, highlight: dict, title: str) -> go.Figure:
    """Largest country backgrounds as horizontal bars; a partner city's country in its own colour, named."""
    partner = countries["country_code"].map(highlight)
    colours = [palette.PARTNER_HIGHLIGHT if isinstance(p, str) else palette.NEUTRAL_BAR for p in partner]
    text = [
        f"{format_int(v)}  ← {p}" if isinstance(p, str) else format_int(v)
        for v, p in zip(countries["value"], partner, strict=True)
    ]
    x_range = [0, float(countries["value"].max()) * 1.6]
    hover = "%{y}: %{x:,.0f}<extra></extra>"
    return _labelled_bars(countries["value"], countries["country_name"], colours, text, hover, x_range, title)


def change_bars(change: pd.DataFrame, title: str) -> go.Figure:
    """Change in persons per country background between two years; growth and decline in two colours."""
    rows = change.dropna(subset=["change"])
    colours = [palette.OKABE_ITO["blue"] if c >= 0 else palette.OKABE_ITO["reddish_purple"] for c in rows["change"]]
    text = [format_change(c, p) for c, p in zip(rows["change"], rows["change_percent"], strict=True)]
    reach = float(rows["change"].abs().max() or 1)
    x_range = [-reach * 1.7 if (rows["change"] < 0).any() else 0, reach * 1.7]
    hover = "%{y}: %{x:+,.0f}<extra></extra>"
    return _labelled_bars(rows["change"], rows["country_name"], colours, text, hover, x_range, title)


def measure_history(history: pd.DataFrame, status_labels: dict, title: str) -> go.Figure:
    """A measure's reported progress over time (a step line), each report a marker in its status colour."""
    fig = go.Figure(
        go.Scatter(
            x=history["reported_at"],
            y=history["progress"],
            mode="lines+markers",
            line={"shape": "hv", "color": "#595959", "width": 2},
            marker={
                "size": 14,
                "color": [palette.STATUS_COLOURS[s] for s in history["status"]],
                "symbol": [palette.STATUS_MARKERS[s] for s in history["status"]],
                "line": {"width": 1.5, "color": "#333"},
            },
            text=[f"{palette.STATUS_SYMBOLS[s]} {status_labels[s]}" for s in history["status"]],
            customdata=history["period"],
            hovertemplate="%{x|%d.%m.%Y}: %{y:.0f}\u00a0% (%{text}, periode %{customdata})<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_yaxes(title=None, range=[0, 105], ticksuffix="\u00a0%")
    fig.update_xaxes(title=None, tickformat="%d.%m.%Y")
    return base_layout(fig, title, height=320)


def indicator_path(
    values: pd.DataFrame, path: tuple | None, target: float, labels: dict, unit: str, title: str
) -> go.Figure:
    """A measure's indicator: the straight path from baseline to target (dashed), the target as a line, and every
    reported value as a point at its period's end. `path` is ((baseline date, baseline), (due date, target)) or
    None; `labels` names "path", "target" and "values" in the chosen language."""
    fig = go.Figure()
    suffix = f"\u00a0{unit}" if unit else ""
    if path is not None:
        (start, baseline), (end, goal) = path
        fig.add_trace(
            go.Scatter(
                x=[start, end],
                y=[baseline, goal],
                mode="lines+markers",
                name=labels["path"],
                line={"color": palette.OKABE_ITO["blue"], "width": 2, "dash": "dash"},
                marker={"size": 10, "symbol": ["circle-open", "star"], "color": palette.OKABE_ITO["blue"]},
                hovertemplate=f"%{{x|%d.%m.%Y}}: %{{y:,.1f}}{suffix}<extra>{labels['path']}</extra>",
            )
        )
    fig.add_hline(
        y=target,
        line={"color": palette.OKABE_ITO["bluish_green"], "width": 1.5, "dash": "dot"},
        annotation_text=labels["target"],
        annotation_position="top left",
    )
    fig.add_trace(
        go.Scatter(
            x=list(values["date"]),
            y=values["value"],
            mode="lines+markers",
            name=labels["values"],
            line={"color": "#595959", "width": 1},
            marker={"size": 13, "color": palette.OKABE_ITO["vermillion"], "line": {"width": 1, "color": "#333"}},
            customdata=values["period"],
            hovertemplate=f"%{{customdata}}: %{{y:,.1f}}{suffix}<extra></extra>",
        )
    )
    fig.update_yaxes(title=unit or None)
    fig.update_xaxes(title=None, tickformat="%d.%m.%Y")  # values stand at their period's end, not at a year tick
    return base_layout(fig, title, height=340)


def status_bars(
    rolled: pd.DataFrame, goal_labels: dict, goal_colours: dict, status_labels: dict, title: str
) -> go.Figure:
    """Per målområde (top down in the strategy's order), its measures stacked by latest status.

    Each målområde's name carries a square in its own colour, as in every other view."""
    names = [
        f"<span style='color:{goal_colours.get(key, palette.DORMANT_GREY)}'>■</span> {goal_labels[key]}"
        for key in rolled["goal_area_id"]
    ]
    fig = go.Figure()
    for status, label in status_labels.items():
        counts = rolled[status] if status in rolled else pd.Series(0, index=rolled.index)
        if not counts.any():
            continue  # only the statuses that occur get a bar and a legend entry
        fig.add_trace(
            go.Bar(
                x=counts,
                y=names,
                orientation="h",
                name=f"{palette.STATUS_SYMBOLS[status]} {label}",
                marker={
                    "color": palette.STATUS_COLOURS[status],
                    "line": {"color": "#333", "width": 0.5},
                    "pattern": {"shape": palette.STATUS_PATTERNS[status], "fgcolor": "#333", "fgopacity": 0.5},
                },
                text=[format_int(v) if v else "" for v in counts],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate="%{y}<br>%{fullData.name}: %{x}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"}, showlegend=True)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], title=None)
    fig.update_xaxes(title=None, dtick=1 if rolled["measures"].max() <= 12 else None)
    return base_layout(fig, title, height=150 + 56 * max(len(rolled), 2))


# The static map's plot area in pixels, the smallest it is drawn (a slide in the app at 1400 px); labels are chosen
# to fit this size. Drawn larger (PowerPoint, the HTML report, a wide screen), the map fills its frame with more
# ground around the same cities and the labels, fixed in pixels, only get more room.
STATIC_MAP_PX = (760, 400)
STATIC_LABEL_PX = 15
# Plotly's anchors for maps.LABEL_PLACES' text anchor and baseline.
X_ANCHORS = {"start": "left", "middle": "center", "end": "right"}
Y_ANCHORS = {"bottom": "bottom", "center": "middle", "top": "top"}


def partner_map_figure(
    partners: pd.DataFrame, home: dict, outline_paths: tuple[list, list], type_labels: dict, title: str
) -> go.Figure:
    """The partner cities as a static map that needs no map service: the same great-circle arcs from home as the
    live map, dots by type (dormant hollow and grey), and a label per city placed as on the live map (touching
    its dot, else at the end of a leader line). An ordinary chart in Web Mercator, so it exports as an image and
    opens offline; it fills its frame whatever its size."""
    fig = go.Figure(_land(outline_paths))
    home_point = pd.DataFrame([{"name": home["name"], "lon": home["lon"], "lat": home["lat"]}])
    x_range, y_range = _map_ranges(pd.concat([partners[["lon", "lat"]], home_point[["lon", "lat"]]]))
    points = pd.concat([home_point, partners[["name", "lon", "lat"]]], ignore_index=True)
    view = maps.view_of_ranges(x_range, y_range, *STATIC_MAP_PX)
    paths = [maps.great_circle_path((home["lon"], home["lat"]), (p.lon, p.lat)) for p in partners.itertuples()]
    labels = maps.labels_without_overlap(points, view, *STATIC_MAP_PX, font_px=STATIC_LABEL_PX, arcs=paths)
    for partner, path in zip(partners.itertuples(), paths, strict=True):
        fig.add_trace(_arc(path, partner))
    for agreement_type, rows in partners.groupby("agreement_type", sort=False):
        fig.add_trace(_partner_dots(rows, type_labels[agreement_type], palette.AGREEMENT_COLOURS[agreement_type]))
    fig.add_trace(_home_marker(home))
    fig.update_layout(
        annotations=[_label_annotation(label, label.name == home["name"]) for label in labels.itertuples()]
    )
    axis = {"showgrid": False, "zeroline": False, "showticklabels": False, "title": None}
    # constrain="range": the axis with room to spare shows more ground, so the map fills the whole plot area.
    fig.update_xaxes(range=x_range, constrain="range", **axis)
    fig.update_yaxes(range=y_range, scaleanchor="x", scaleratio=1, constrain="range", **axis)
    fig = base_layout(fig, title, height=STATIC_MAP_PX[1] + 80)
    fig.update_layout(legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0}, showlegend=True)
    return fig.update_layout(plot_bgcolor=palette.OCEAN, margin={"l": 10, "r": 10, "t": 40, "b": 10})


def _label_annotation(label, bold: bool) -> dict:
    """A city's label as a plotly annotation: beside its dot, or at the end of a leader line (an arrow without head)."""
    anchor, baseline, (dx, dy), leader = maps.LABEL_PLACES[label.place]
    placement = {"ax": dx, "ay": dy, "showarrow": True} if leader else {"xshift": dx, "yshift": -dy, "showarrow": False}
    return {
        "x": label.lon,
        "y": mercator_degrees(label.lat),
        "text": f"<b>{label.name}</b>" if bold else label.name,
        "xanchor": X_ANCHORS[anchor],
        "yanchor": Y_ANCHORS[baseline],
        "font": {"size": STATIC_LABEL_PX, "color": "#1A1A1A"},
        "bgcolor": "rgba(255,255,255,0.82)",
        "borderpad": 1,
        "arrowhead": 0,
        "arrowwidth": 1.2,
        "arrowcolor": "#1A1A1A",
        **placement,
    }


def _land(outline_paths: tuple[list, list]) -> go.Scatter:
    """The countries as filled outlines (x/y paths in Web Mercator degrees)."""
    xs, ys = outline_paths
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=palette.LAND,
        line={"color": palette.BORDER, "width": 0.6},
        hoverinfo="skip",
        showlegend=False,
    )


def _arc(path: list, partner) -> go.Scatter:
    """The great-circle arc from home to one partner (as deck.gl draws it on the live map), in its agreement type's
    colour, thin and grey when dormant."""
    dormant = partner.status == "hvilende"
    return go.Scatter(
        x=np.array([lon for lon, _ in path]),
        y=np.array([mercator_degrees(lat) for _, lat in path]),
        mode="lines",
        line={
            "color": palette.DORMANT_GREY if dormant else palette.AGREEMENT_COLOURS[partner.agreement_type],
            "width": 1.5 if dormant else 2.5,
        },
        hoverinfo="skip",
        showlegend=False,
    )


def _home_marker(home: dict) -> go.Scatter:
    """The home city's dot (its label is an annotation)."""
    return go.Scatter(
        x=[home["lon"]],
        y=[mercator_degrees(home["lat"])],
        mode="markers",
        marker={"size": 16, "color": palette.HOME_COLOUR, "line": {"color": "white", "width": 2}},
        hovertext=[home["name"]],
        hovertemplate="%{hovertext}<extra></extra>",
        name=home["name"],
        showlegend=False,
    )


def _partner_dots(rows: pd.DataFrame, label: str, colour: str) -> go.Scatter:
    dormant = rows["status"].eq("hvilende")
    return go.Scatter(
        x=rows["lon"],
        y=rows["lat"].map(mercator_degrees),
        mode="markers",
        marker={
            "size": 13,
            "color": ["white" if d else colour for d in dormant],
            "line": {"color": [palette.DORMANT_GREY if d else colour for d in dormant], "width": 3},
        },
        hovertext=rows["name"],
        hovertemplate="%{hovertext}<extra></extra>",
        name=label,
    )


def mercator_degrees(lat: float) -> float:
    """Web Mercator's y for a latitude, in degrees of longitude, so that the chart's axes can share one scale."""
    return math.degrees(maps.mercator_y(lat))


def _map_ranges(points: pd.DataFrame) -> tuple[list[float], list[float]]:
    """x and y ranges that fit the points with a margin, widened to the plot area's aspect ratio."""
    ys = points["lat"].map(mercator_degrees)
    x_mid, y_mid = (points["lon"].min() + points["lon"].max()) / 2, (ys.min() + ys.max()) / 2
    x_span = max(points["lon"].max() - points["lon"].min(), 10) * 1.15
    y_span = max(ys.max() - ys.min(), 10) * 1.3
    width, height = STATIC_MAP_PX
    x_span, y_span = max(x_span, y_span * width / height), max(y_span, x_span * height / width)
    return [x_mid - x_span / 2, x_mid + x_span / 2], [y_mid - y_span / 2, y_mid + y_span / 2]


def outline_paths(outlines: dict) -> tuple[np.ndarray, np.ndarray]:
    """Every ring of the country outlines as one x and one y array, rings separated by NaN (for one fill trace;
    arrays, not lists, so that plotly checks and sends them in one piece rather than value by value)."""
    xs: list = []
    ys: list = []
    for feature in outlines["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            ring = polygon[0]
            xs += [point[0] for point in ring] + [math.nan]
            ys += [mercator_degrees(point[1]) for point in ring] + [math.nan]
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def for_projector(fig: go.Figure, height: int = 560) -> go.Figure:
    """A copy of a figure with larger type and a given height, for a slide on a projector."""
    large = go.Figure(fig)
    large.update_layout(height=height, font={"size": 20}, legend={"font": {"size": 18}})
    if not large.layout.title.text:
        large.update_layout(margin={"t": 50})
    large.update_traces(textfont={"size": 18}, selector={"type": "bar"})
    large.update_traces(textfont={"size": 18}, selector={"mode": "markers+text"})
    return large
