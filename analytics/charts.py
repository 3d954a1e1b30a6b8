"""Plotly chart builders: each returns a figure and never draws."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics import palette
from analytics.formatting import PLOTLY_SEPARATORS


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
                marker={"size": 14, "color": palette.goal_area_colour(number), "line": {"width": 1, "color": "#333"}},
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


SCOPE_COLOURS = {
    "global": palette.OKABE_ITO["blue"],
    "european": palette.OKABE_ITO["sky_blue"],
    "nordic": palette.OKABE_ITO["bluish_green"],
    "national_regional": palette.OKABE_ITO["orange"],
    "local": palette.OKABE_ITO["vermillion"],
    "unknown": "#BBBBBB",
}


def scope_bars(mix: pd.DataFrame, goal_labels: dict, scope_labels: dict, title: str) -> go.Figure:
    """Stacked horizontal bars: per målområde, its networks by scope."""
    fig = go.Figure()
    for scope, rows in mix.groupby("scope", sort=False):
        fig.add_trace(
            go.Bar(
                x=rows["networks"],
                y=rows["number"].map(goal_labels),
                orientation="h",
                name=scope_labels[scope],
                marker={"color": SCOPE_COLOURS[scope]},
                hovertemplate="%{y}<br>%{fullData.name}: %{x}<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(categoryorder="array", categoryarray=list(goal_labels.values())[::-1], title=None)
    fig.update_xaxes(title=None, dtick=2)
    return base_layout(fig, title, height=140 + 48 * len(goal_labels))
