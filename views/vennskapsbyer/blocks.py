"""Vennskapsbyer's own blocks: the playable year control, the map legend, a partner's profile."""

from __future__ import annotations

import time
from functools import partial

import pandas as pd
import streamlit as st

from analytics import palette, partners
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui.widgets import fact_list, source_list

PLAY_SECONDS = 0.4
# The deck's view is fitted to a map about 620 px wide (analytics.maps.MAP_WIDTH_PX); where the column is wider,
# the whole map is drawn larger instead of showing more ocean. No data text inside.
MAP_CSS = """<style>
@media (min-width: 1600px) { [data-testid="stElementContainer"]:has(> * > [data-testid="stDeckGlJsonChart"]) { zoom: 1.25; } }
@media (min-width: 1800px) { [data-testid="stElementContainer"]:has(> * > [data-testid="stDeckGlJsonChart"]) { zoom: 1.45; } }
</style>"""


def map_controls(first: int, last: int, extents: list[str], lang: str):
    """The play button, the year slider (a progress bar while playing) and the map extent.

    Returns (year, extent, progress): `progress` is the place for the progress bar while playing, else None."""
    state = st.session_state
    state.setdefault("year", last)
    state.setdefault("playing", False)
    button_column, slider_column, extent_column = st.columns([1.3, 6, 2.2], vertical_alignment="bottom")
    label, icon = (
        ("partners.pause", ":material/pause:") if state.playing else ("partners.play", ":material/play_arrow:")
    )
    button_column.button(
        t(label, lang), icon=icon, key="play", width="stretch", on_click=_toggle_play, args=(first, last)
    )
    progress = slider_column.empty() if state.playing else None
    if not state.playing:
        slider_column.slider(t("partners.year", lang), first, last, value=last, key="year", bind="query-params")
    extent = extent_column.segmented_control(
        t("partners.extent", lang),
        extents,
        format_func=lambda key: t(f"partners.extent.{key}", lang),
        default=extents[0],
        key="extent",
        bind="query-params",
    )
    return state.year, extent or extents[0], progress


def _toggle_play(first: int, last: int) -> None:
    state = st.session_state
    if state.playing:
        state.year = state.shown_year  # the slider comes back at the year on the map
    else:
        state.shown_year = first - 1 if state.year >= last else state.year
    state.playing = not state.playing


def play_years(draw, first: int, last: int, lang: str, progress) -> None:
    """Draw each year after the one shown, one per tick, in one place; a click on pause ends this run at once."""
    state = st.session_state
    frame = st.empty()
    for year in range(state.shown_year + 1, last + 1):
        state.shown_year = year
        with frame.container():
            # The bar moves with the frame's texts, after its map and chart (see map_and_chart).
            draw(year, after_chart=partial(_show_progress, progress, year, first, last, lang))
        time.sleep(PLAY_SECONDS)  # the pace of the animation, not a synchronisation
    state.year, state.playing = last, False
    st.rerun()


def _show_progress(progress, year: int, first: int, last: int, lang: str) -> None:
    progress.progress((year - first) / (last - first), text=f"{t('partners.year', lang)}: {year}")


def map_legend(lang: str, shown: pd.DataFrame) -> None:
    """Colour swatches for the agreement types the organisation has, dormant relations if it has any, and the home
    city (no data text inside)."""
    types, any_dormant = partners.legend_entries(shown)
    items = [(palette.AGREEMENT_COLOURS[key], t(f"type.{key}", lang), True) for key in types]
    if any_dormant:
        items.append((palette.DORMANT_GREY, t("partners.dormant", lang), False))
    items.append((palette.HOME_COLOUR, t("partners.home", lang), True))
    swatches = "".join(
        f'<span role="listitem" style="display:inline-flex;align-items:center;margin-right:18px;font-size:1rem">'
        f'<span style="width:14px;height:14px;border-radius:50%;border:3px solid {colour};'
        f'background:{colour if filled else "#fff"};margin-right:6px"></span>{label}</span>'
        for colour, label, filled in items
    )
    st.markdown(
        f'<div role="list" aria-label="{t("partners.legend", lang)}">{swatches}</div>',
        unsafe_allow_html=True,
    )


def partner_profile(ctx, partner_id: str) -> None:
    """One partner's profile: facts, activity areas, sources, and any conflicting start years (data text escaped)."""
    lang = ctx.lang
    profile = partners.profile_of(ctx.bundle, ctx.sources, partner_id, lang)
    st.subheader(escape_markdown(profile.title), anchor=False)
    columns = st.columns(4)
    columns[0].metric(t("partners.since", lang), str(profile.since))
    columns[1].metric(t("partners.type", lang), profile.type_label)
    columns[2].metric(*profile.status_metric)  # the mark "(egen slutning)" in the label: the value stays short
    if profile.since_note:
        st.caption(escape_markdown(profile.since_note))
    columns[3].metric(t("partners.nordic_platform", lang), profile.nordic_platform)
    for conflict in profile.conflicts:
        st.warning(escape_markdown(conflict), icon="⚠️")
    areas = ", ".join(profile.areas) or t("partners.areas_none", lang)
    st.markdown(f"**{t('partners.areas', lang)}:** {escape_markdown(areas)}")
    fact_list(profile.facts, t("partners.facts", lang), t("partners.facts_none", lang))
    source_list(profile.sources, lang)
