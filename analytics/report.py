"""What the two report exports share: the error they raise and the text of a table cell and a slide's footer.

The exports take the slides exactly as the presentation view shows them and add nothing but layout:
report_html.py writes a self-contained HTML report (needs nothing but a browser: plotly.js inlined once, no request
leaves the machine); report_pptx.py a 16:9 PowerPoint deck whose charts are PNG pictures drawn with kaleido,
which needs Chromium on the server (python-pptx, kaleido and Pillow are imported only there).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from analytics.formatting import format_date
from analytics.slides import Slide, data_date_text, dated_source_line


class ReportError(Exception):
    """A report could not be made; the message says why and what to do, in the user's language."""


def cell_text(value) -> str:
    """A table cell as text: missing → "–", decimals with a decimal comma, whole numbers (years) ungrouped."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else f"{value:.6g}".replace(".", ",")
        return text.replace("-", "−")
    if isinstance(value, int):
        return str(value).replace("-", "−")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def footer_text(slide: Slide, lang: str) -> str:
    """The slide's source line and the date of its data, on one line."""
    return dated_source_line(slide.source_line, data_date_text(slide, lang))
