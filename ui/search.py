"""The search box in the sidebar: every organisation's records, each hit a link that opens its view at the record."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import quote, urlencode

import streamlit as st

from analytics import search
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import cached

LIMIT = 12


def sidebar_search(settings, lang: str) -> None:
    """The search field and its hits as links. A hit is a full page load of its view's address: a page switch
    inside the session cannot move bound widgets that exist already (the organisation), and Streamlit refuses
    query parameters for bound widgets on a switch, so the address itself is the one way that always works."""
    query = st.sidebar.text_input(
        t("search.label", lang),
        key="search",
        bind="query-params",
        placeholder=t("search.placeholder", lang),
        icon=":material/search:",
    )
    if not query.strip():
        return
    hits, total = search.search(
        cached.search_index(settings.data_dir, settings.state_dir, dt.date.today()), query, LIMIT
    )
    box = st.sidebar.container(key="search_hits")
    if not total:
        box.markdown(escape_markdown(t("search.none", lang, query=query)))  # body text: a caption's grey fails
        # contrast on the sidebar's background
        return
    box.markdown(t("search.hits", lang, n=total) if total <= LIMIT else t("search.more", lang, shown=LIMIT, n=total))
    items = "".join(
        f'<li><a href="{html.escape(hit_url(hit, query, lang))}" target="_self">{html.escape(hit_text(hit, lang))}</a></li>'
        for _, hit in hits.iterrows()
    )
    # Every piece of data text above is escaped; only the dashboard writes markup here.
    box.markdown(f'<ul class="search-hits">{items}</ul>', unsafe_allow_html=True)


def hit_url(hit, query: str, lang: str) -> str:
    """The hit's address relative to the app: its view with the record's parameters (and the search kept)."""
    params = {**search.link_params(hit, lang), "search": query}
    return f"./{hit['view']}?" + urlencode(params, quote_via=quote)


def hit_text(hit, lang: str) -> str:
    return search.hit_label(hit, t(f"search.kind.{hit['kind']}", lang))
