"""The views the benchmark measures: every view in the frame's one list (ui/navigation.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ui import navigation


@dataclass(frozen=True)
class View:
    name: str  # as printed in the table
    script: str  # the page script, as app.py names it in st.navigation
    url: str  # its address in the browser ("" is the root)


VIEWS = [View(view.url_path or "oversikt", view.script, view.url_path) for view in navigation.VIEWS]

# The map's year change: the slider's key on the Vennskapsbyer view, and the two years it moves between
# (far apart, so that the set of partners on the map changes).
MAP_VIEW = VIEWS[1]
YEAR_KEY = "year"
YEARS = (1990, None)  # None: the slider's last year (this year)
