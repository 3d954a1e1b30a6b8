"""The frame's one list of views: app.py builds st.navigation from it, the Oversikt links and bench/ read it."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analytics.i18n import t


@dataclass(frozen=True)
class View:
    """One view: its page script, its address ("" is the root), its title and link text keys, and its icon."""

    script: str
    url_path: str
    title_key: str
    link_key: str
    icon: str


HOME = View("views/oversikt/page.py", "", "nav.overview", "", ":material/dashboard:")
PARTNERS = View(
    "views/vennskapsbyer/page.py", "vennskapsbyer", "nav.partners", "overview.go_partners", ":material/public:"
)
NETWORKS = View("views/nettverk/page.py", "nettverk", "nav.networks", "overview.go_networks", ":material/hub:")
MEASURES = View("views/tiltak/page.py", "tiltak", "nav.measures", "overview.go_measures", ":material/checklist:")
POPULATION = View(
    "views/befolkning/page.py", "befolkning", "nav.population", "overview.go_population", ":material/groups:"
)
PRESENTATION = View(
    "views/presentasjon/page.py", "presentasjon", "nav.present", "overview.go_present", ":material/slideshow:"
)
EXPLORE = View("views/utforsk/page.py", "utforsk", "nav.explore", "overview.go_explore", ":material/search:")
ABOUT = View("views/om_dataene/page.py", "om-dataene", "nav.about", "overview.go_about", ":material/info:")
VIEWS = (HOME, PARTNERS, NETWORKS, MEASURES, POPULATION, PRESENTATION, EXPLORE, ABOUT)


def page(view: View, lang: str) -> st.Page:
    """The st.Page of a view; the first view is the default, served at the root."""
    if view is HOME:
        # Streamlit ignores a default page's url_path for the address; "oversikt" keeps the page's identity (its
        # hash comes from the url_path) what it was when the script was views/oversikt.py.
        return st.Page(view.script, title=t(view.title_key, lang), icon=view.icon, url_path="oversikt", default=True)
    return st.Page(view.script, title=t(view.title_key, lang), icon=view.icon, url_path=view.url_path)


def link(view: View, lang: str) -> None:
    """A link into a view, with its icon."""
    st.page_link(view.script, label=t(view.link_key, lang), icon=view.icon)
