"""Oversikt's own blocks: the headline figures and the ways into every other view."""

from __future__ import annotations

import streamlit as st

from analytics import slides
from analytics.formatting import escape_markdown
from ui import navigation, shell


def views_with_data(ctx) -> list:
    """The other views, without those that would only say the organisation has no data for them."""
    bundle = ctx.bundle
    empty = {
        navigation.PARTNERS: bundle.partners.empty,
        navigation.NETWORKS: bundle.networks.empty,
        navigation.MEASURES: shell.plan(ctx).empty,
        navigation.POPULATION: shell.population(ctx)[0].empty,
    }
    return [view for view in navigation.VIEWS[1:] if not empty.get(view, False)]


def view_links(ctx) -> None:
    """A link into every other view that has data for the organisation, three to a row."""
    columns = st.columns(3)
    for i, view in enumerate(views_with_data(ctx)):
        with columns[i % 3]:
            navigation.link(view, ctx.lang)


def show_headline_figures(ctx, figures: list) -> None:
    """The headline figures in one row of large numbers, each with its note, and their sources under them."""
    if not figures:
        return
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(escape_markdown(figure.label), figure.value)
        if figure.note:
            column.caption(escape_markdown(figure.note))
    ids = [s for figure in figures for s in figure.sources]
    shell.caption_source(ctx, ids, as_of=slides.sources_dated(ctx.sources, ids, ctx.lang))
