"""Norwegian number and date formats for the UI: 29 539; 15,3 %; 29.08.2019."""

from __future__ import annotations

import datetime as dt
import math
import re

NBSP = "\u00a0"


def format_int(value) -> str:
    """A whole number with a no-break space between thousands ("29 539"); missing → "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{round(value):,}".replace(",", NBSP).replace("-", "−")


def format_decimal(value, decimals: int = 1) -> str:
    """A decimal number with a decimal comma and grouped thousands ("1 234,5")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "−")


def format_percent(value, decimals: int = 1) -> str:
    """A percentage already in percent units ("15,3 %")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_decimal(value, decimals)}{NBSP}%"


def signed(text: str, value) -> str:
    """A formatted number with "+" in front when `value` is above zero (a minus sign comes from the format)."""
    return f"+{text}" if value is not None and not _missing(value) and value > 0 else text


def format_change(value, percent=None) -> str:
    """A change with its sign and, where it can be computed, its percentage: "+281 (+22,4 %)"; missing → "–"."""
    text = signed(format_int(value), value)
    if percent is None or _missing(percent) or not math.isfinite(percent):
        return text
    return f"{text} ({signed(format_percent(percent), percent)})"


def _missing(value) -> bool:
    return isinstance(value, float) and math.isnan(value)


def format_date(value: dt.date | str | None) -> str:
    """A date as dd.mm.yyyy; an ISO string is accepted; empty → "–"."""
    if not value:
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.strftime("%d.%m.%Y")


def format_timestamp(value: str | None) -> str:
    """An ISO time from SSB or a fetch ("2025-03-11T07:00:00Z") as "11.03.2025 kl. 07.00 UTC"; empty → "–"."""
    if not value:
        return "–"
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)
    return moment.strftime("%d.%m.%Y kl. %H.%M UTC")


# Plotly's `separators`: decimal mark, then thousands separator.
PLOTLY_SEPARATORS = "," + NBSP

_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:&")


# Streamlit's Markdown (remark-gfm) turns a bare "https://…", "www.…" or "name@host.no" into a link even when
# every punctuation mark is escaped; a zero-width joiner before "://", between "www" and "." and before "@"
# breaks each pattern and shows nothing.
ZWJ = "\u200d"
_AUTOLINK = re.compile(r"(?=://)|(?i:(?<=www))(?=\.)|(?=@)")


def escape_markdown(text: str) -> str:
    """Text from a data file made inert for st.markdown: no links (bare URLs too), images, HTML, emoji codes
    or LaTeX; rendered, it shows the exact input text."""
    unlinked = _AUTOLINK.sub(ZWJ, str(text))
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in unlinked)


literal = escape_markdown
