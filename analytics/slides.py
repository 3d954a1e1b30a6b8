"""Slides: one view's key chart as a self-contained unit (title, chart, summary, data, source line, date).

The presentation view draws them, and the report exporters (HTML, PowerPoint) write them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass(frozen=True)
class Slide:
    """What a slide shows: every field is plain text, a figure or a frame, ready in the chosen language."""

    id: str  # stable id, used in links: "oversikt", "vennskapsbyer", ...
    title: str  # the slide's title, as on the projector
    subtitle: str  # the organisation and what the figures are (e.g. "Trondheim kommune · 2026")
    summary: str  # one or two sentences saying what the chart shows (the text alternative)
    source_line: str  # "Kilde: …" / "Sources: …"
    date: dt.date  # the date the figures stand at (today, or the data's own date)
    figure: go.Figure | None = None  # the chart, if any
    table: pd.DataFrame = field(default_factory=pd.DataFrame)  # the data behind the chart, as text for people
    metrics: tuple[tuple[str, str], ...] = ()  # headline figures as (label, formatted value)
