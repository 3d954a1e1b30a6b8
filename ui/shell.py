"""Shared widgets and context for every page: language, organisation, the loaded bundle."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from analytics import progress, slides
from analytics.bundle import Bundle
from analytics.checks import DataError
from analytics.formatting import escape_markdown
from analytics.i18n import LANGUAGES, t
from analytics.provenance import source_line
from analytics.statuses import StoreError
from ui import cached, editing
from ui.settings import Settings

DEFAULT_ORGANISATION = "trondheim"  # the sidebar's choice until someone picks another; the only default
CONTEXT_KEY = "page_context"  # where app.py leaves this run's context for the page script


@dataclass(frozen=True)
class Context:
    """What a page needs: language, today, the chosen organisation's bundle, the sources and the settings."""

    lang: str
    today: dt.date
    bundle: Bundle
    sources: pd.DataFrame
    settings: Settings
    # What this run has read from the store (reports, plan revisions): asked once per run, however many blocks
    # need it (each ask is a query for the revision key; at national scale a view asked six times).
    read: dict = field(default_factory=dict, compare=False, repr=False)


def sidebar_choices(folder: Path) -> tuple[str, str]:
    """The language and organisation pickers in the sidebar; returns (lang, org_id). The one owner of their
    defaults: the first language, and DEFAULT_ORGANISATION where the data folder has it."""
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
        st.error("Ingen organisasjoner funnet i datamappen (ingen undermappe med organisation.yml).")
        st.stop()
    default = DEFAULT_ORGANISATION if DEFAULT_ORGANISATION in choices else next(iter(choices))
    org_id = st.sidebar.selectbox(
        t("app.organisation", lang),
        list(choices),
        index=list(choices).index(default),
        format_func=choices.get,
        key="org",
        bind="query-params",
    )
    return lang, org_id


def demo_banner(settings: Settings, lang: str) -> None:
    """In demo mode (DASHBOARD_DEMO=1), the warning that the reports are example data; app.py shows it on every view."""
    if settings.example_data:
        st.warning(t("app.demo_banner", lang), icon=":material/science:")


def hand_down(settings: Settings, lang: str, org_id: str) -> Context:
    """Build this run's context from the sidebar's choices and keep it for the page script; app.py calls this once
    per run, before the page runs. A data error stops the page with its message."""
    today = dt.date.today()
    try:
        sources = cached.sources(settings.data_dir)
        bundle = cached.bundle(settings.data_dir, org_id, today)
        cached.outlines(settings.data_dir)  # the shared country outlines: a missing or corrupt file is a message here
    except DataError as err:
        stop_with(err, lang)
    ctx = Context(lang=lang, today=today, bundle=bundle, sources=sources, settings=settings)
    st.session_state[CONTEXT_KEY] = ctx
    return ctx


def context() -> Context:
    """The context app.py built for this run (a page script is only ever run by app.py's st.navigation)."""
    return st.session_state[CONTEXT_KEY]


def population(ctx: Context) -> tuple[pd.DataFrame, str | None]:
    """(figures, warning) for the organisation: fetched from SSB if present and sound, else the shipped snapshot."""
    try:
        return cached.population_figures(ctx.settings.data_dir, ctx.settings.state_dir, ctx.bundle.id, ctx.today)
    except DataError as err:
        stop_with(err, ctx.lang)


def population_named(ctx: Context) -> pd.DataFrame:
    """The organisation's population figures, its own regions first, region names in the chosen language."""
    population(ctx)  # a broken snapshot stops the page with its message
    return cached.population_view(
        ctx.settings.data_dir, ctx.settings.state_dir, ctx.bundle.id, ctx.today, ctx.lang
    ).figures


def reports(ctx: Context) -> pd.DataFrame:
    """The organisation's status reports from the store (read once per run); a database that cannot be opened
    stops the page."""
    return _read_once(ctx, cached.reports)


def _read_once(ctx: Context, read) -> pd.DataFrame:
    """read(store, organisation) once per run (kept in ctx.read); a database that cannot be opened stops the page."""
    if read.__name__ not in ctx.read:
        try:
            ctx.read[read.__name__] = read(editing.report_store(ctx.settings), ctx.bundle.id)
        except StoreError as err:
            st.error(escape_markdown(str(err)))
            st.stop()
    return ctx.read[read.__name__]


def measure_table(ctx: Context, reports: pd.DataFrame) -> pd.DataFrame:
    """Every measure with its latest status and flags (late, stale, expected by now) as of today; computed once per
    revision of the reports (`reports(ctx)` says which revision they are)."""
    return cached.plan_measure_table(reports, plan(ctx), ctx.today, progress.STALE_MONTHS)


def follow_up(ctx: Context, reports: pd.DataFrame):
    """The plan's follow-up (leadership sentence, period note, final report, reminders), once per revision of the
    reports and the plan (analytics/followup.py)."""
    plan_frame = plan(ctx)
    table = measure_table(ctx, reports)
    return cached.follow_up(reports, plan_frame, table, ctx.settings.data_dir, ctx.bundle.id, ctx.today, ctx.lang)


def slide_inputs(ctx: Context) -> slides.Inputs:
    """What the slides are built from, for the current organisation and language."""
    return slides.Inputs(
        bundle=dataclasses.replace(ctx.bundle, measures=plan(ctx)),
        sources=ctx.sources,
        population=population_named(ctx),
        reports=reports(ctx),
        today=ctx.today,
        lang=ctx.lang,
        outline_paths=cached.outline_paths(ctx.settings.data_dir),
        example_data=ctx.settings.example_data,
    )


def stop_with(err: DataError, lang: str):
    """Show a data error as a message (never a stack trace) and stop the page."""
    st.error(f"{t('app.data_error', lang)}\n\n{escape_markdown(str(err))}")
    st.stop()


def caption_source(ctx: Context, source_ids, as_of: str = "") -> None:
    """The source line under a chart or table; `as_of`, the data's own date in words (see `slides`), after it."""
    st.caption(escape_markdown(slides.dated_source_line(source_line(ctx.sources, source_ids, ctx.lang), as_of)))


# Less empty space above the title, so that a view fits a projector's 16:9 screen. No data text inside.
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; }
</style>"""


def page_style() -> None:
    """The house CSS (spacing only)."""
    st.markdown(PAGE_CSS, unsafe_allow_html=True)


# --- the handlingsplan edited in the app (issue 15) ---
def plan_revisions(ctx: Context) -> pd.DataFrame:
    """The organisation's plan revisions from the store (read once per run); a database that cannot be opened
    stops the page."""
    return _read_once(ctx, cached.plan_revisions)


def plan(ctx: Context) -> pd.DataFrame:
    """The effective handlingsplan (plan.effective_plan): the shipped measures with the app's revisions on top;
    drafts only for a signed-in user. Every view that shows measures takes them from here."""
    signed_in = editing.current_editor() is not None
    settings = ctx.settings
    return cached.plan(
        plan_revisions(ctx), settings.data_dir, ctx.bundle.id, ctx.today, signed_in, settings.example_data
    )
