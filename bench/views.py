"""The views the benchmark measures: adding a view is one line in VIEWS."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str  # as printed in the table
    script: str  # the page script, as app.py names it in st.navigation
    url: str  # its address in the browser ("" is the root)


VIEWS = [
    View("oversikt", "views/oversikt.py", ""),
    View("vennskapsbyer", "views/vennskapsbyer.py", "vennskapsbyer"),
    View("nettverk", "views/nettverk.py", "nettverk"),
    View("tiltak", "views/tiltak.py", "tiltak"),
    View("befolkning", "views/befolkning.py", "befolkning"),
    View("presentasjon", "views/presentasjon.py", "presentasjon"),
    View("utforsk", "views/utforsk/page.py", "utforsk"),
    View("om-dataene", "views/om_dataene.py", "om-dataene"),
]

# The map's year change: the slider's key on the Vennskapsbyer view, and the two years it moves between
# (far apart, so that the set of partners on the map changes).
MAP_VIEW = VIEWS[1]
YEAR_KEY = "year"
YEARS = (1990, None)  # None: the slider's last year (this year)
