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
