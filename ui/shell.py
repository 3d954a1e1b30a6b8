"""Shared widgets and context for every page: language, organisation, the loaded bundle."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analytics import demo, progress, slides
from analytics.bundle import Bundle
from analytics.checks import DataError
from analytics.i18n import LANGUAGES, t
from analytics.provenance import source_line
from analytics.store import StoreError
from ui import cached, editing


@dataclass(frozen=True)
class Context:
    """What a page needs: language, today, the chosen organisation's bundle and the sources."""

    lang: str
    today: dt.date
    bundle: Bundle
    sources: pd.DataFrame


def sidebar_choices() -> tuple[str, str]:
    """The language and organisation pickers in the sidebar; returns (lang, org_id)."""
    folder = cached.data_dir()
    lang = st.sidebar.radio(
        "Språk / Language",
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        horizontal=True,
        key="lang",
        bind="query-params",
    )
    try:
        choices = dict(cached.bundles(folder))
    except DataError as err:
        stop_with(err, lang)
    if not choices:
        st.error(f"Ingen organisasjoner funnet i {folder} (ingen undermappe med organisation.yml).")
        st.stop()
    default = "trondheim" if "trondheim" in choices else next(iter(choices))
    org_id = st.sidebar.selectbox(
        t("app.organisation", lang),
        list(choices),
        index=list(choices).index(default),
        format_func=choices.get,
        key="org",
        bind="query-params",
    )
    return lang, org_id


def demo_banner(lang: str) -> None:
    """In demo mode (DASHBOARD_DEMO=1), the warning that the reports are example data; app.py shows it on every view."""
    if demo.is_demo(os.environ):
        st.warning(t("app.demo_banner", lang), icon=":material/science:")


def context() -> Context:
    """The page context for the current sidebar choices; a data error stops the page with its message."""
    lang = st.session_state.get("lang", "nb")
    folder = cached.data_dir()
    today = dt.date.today()
    try:
        sources = cached.sources(folder)
        bundle = cached.bundle(folder, st.session_state.get("org", "trondheim"), today)
    except DataError as err:
        stop_with(err, lang)
    return Context(lang=lang, today=today, bundle=bundle, sources=sources)


def population(ctx: Context) -> tuple[pd.DataFrame, str | None]:
    """(figures, warning) for the organisation: fetched from SSB if present and sound, else the shipped snapshot."""
    try:
        return cached.population_figures(cached.data_dir(), ctx.bundle.id, ctx.today)
    except DataError as err:
        stop_with(err, ctx.lang)


def population_named(ctx: Context) -> pd.DataFrame:
    """The organisation's population figures, its own regions first, region names in the chosen language."""
    population(ctx)  # a broken snapshot stops the page with its message
    return cached.population_view(cached.data_dir(), ctx.bundle.id, ctx.today, ctx.lang).figures


def reports(ctx: Context) -> pd.DataFrame:
    """The organisation's status reports from the store; a database that cannot be opened stops the page."""
    try:
        return cached.reports(editing.report_store(), ctx.bundle.id)
    except StoreError as err:
        st.error(str(err))
        st.stop()


def measure_table(ctx: Context, reports: pd.DataFrame) -> pd.DataFrame:
    """Every measure with its latest status and flags (late, stale, expected by now) as of today; computed once per
    revision of the reports (`reports(ctx)` says which revision they are)."""
    return cached.measure_table(reports, cached.data_dir(), ctx.bundle.id, ctx.today, progress.STALE_MONTHS)


def plan(ctx: Context) -> pd.DataFrame:
    """The organisation's effective plan (one row per measure, analytics/plan_frame.py); in demo mode with example
    indicators."""
    return cached.plan(cached.data_dir(), ctx.bundle.id, ctx.today, demo.is_demo(os.environ))


def follow_up(ctx: Context, reports: pd.DataFrame):
    """The plan's follow-up (leadership sentence, period note, final report, reminders), once per revision of the
    reports (analytics/followup.py)."""
    example = demo.is_demo(os.environ)
    return cached.follow_up(
        reports, cached.data_dir(), ctx.bundle.id, ctx.today, ctx.lang, example, progress.STALE_MONTHS
    )


def slide_inputs(ctx: Context) -> slides.Inputs:
    """What the slides are built from, for the current organisation and language."""
    return slides.Inputs(
        bundle=ctx.bundle,
        sources=ctx.sources,
        population=population_named(ctx),
        reports=reports(ctx),
        today=ctx.today,
        lang=ctx.lang,
        outline_paths=cached.outline_paths(cached.data_dir()),
        example_data=demo.is_demo(os.environ),
    )


def stop_with(err: DataError, lang: str):
    """Show a data error as a message (never a stack trace) and stop the page."""
    st.error(f"{t('app.data_error', lang)}\n\n{err}")
    st.stop()


def caption_source(ctx: Context, source_ids) -> None:
    """The source line under a chart or table."""
    st.caption(source_line(ctx.sources, source_ids, ctx.lang))


# Less empty space above the title, so that a view fits a projector's 16:9 screen. No data text inside.
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; }
</style>"""


def page_style() -> None:
    """The house CSS (spacing only)."""
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
