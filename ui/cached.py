"""The one place the app caches: thin st.cache_* wrappers over plain functions in analytics/.

The pattern, used throughout:
- `st.cache_resource` for objects every session shares read-only (bundles, figures, decks, the store); nothing
  that gets one modifies it, so no copy is made.
- What can change under a running server gets a version in the key. A file: its modification time (`_stamp`),
  so a new SSB fetch by any server process is a new entry. The report database: its revision (a cheap query per
  rerun); frames computed from the reports carry it in `attrs["revision"]`.
- Where the key needs that version, a public function computes it and calls a private cached `_name` that takes
  it as an argument; arguments starting with `_` (the database, a frame) are not hashed by Streamlit.
- Nothing here reads the environment: folders come in as arguments (ui/settings.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from analytics import (
    about,
    auth,
    charts,
    demo,
    explore,
    followup,
    maps,
    partners,
    population,
    population_tables,
    progress,
    search,
    ssb,
)
from analytics import bundle as bundle_module
from analytics import plan as plan_module
from analytics.checks import DataError


def _stamp(path: Path) -> int | None:
    """The file's modification time (ns), or None where there is none: the file's version in a cache key."""
    return path.stat().st_mtime_ns if path.exists() else None


@st.cache_resource(show_spinner=False)
def sources(folder: Path):
    """sources.yml as a frame; shared by every session, never modified."""
    return bundle_module.load_sources(folder / "sources.yml")


@st.cache_resource(show_spinner=False)
def bundles(folder: Path):
    """(id, name) of every organisation bundle in the data folder."""
    return bundle_module.list_bundles(folder)


@st.cache_resource(show_spinner=False)
def bundle(folder: Path, org_id: str, today: dt.date):
    """The checked bundle of one organisation; shared by every session, never modified."""
    return bundle_module.load_bundle(folder / org_id, sources(folder)["id"], today)


@st.cache_resource(show_spinner=False)
def outlines(folder: Path) -> dict:
    """The country outlines shipped under data/shared/."""
    return maps.load_outlines(folder / bundle_module.OUTLINES)


@st.cache_resource(show_spinner=False)
def outline_paths(folder: Path) -> tuple[list, list]:
    """The outlines as x/y paths for the static (exportable) map; shared by every session, never modified."""
    return charts.outline_paths(outlines(folder))


def population_figures(folder: Path, state: Path, org_id: str, today: dt.date):
    """(figures, warning): the snapshot fetched from SSB if there is one and it is sound, else the shipped one."""
    fetched = ssb.snapshot_path(state, org_id)
    return _population(folder, org_id, today, fetched, _stamp(fetched))


@st.cache_resource(show_spinner=False)
def _population(folder: Path, org_id: str, today: dt.date, fetched: Path, stamp: int | None):
    shown_as = f"SSB-kopien ssb/{org_id}/{population.FILE}"
    shipped = folder / org_id / population.FILE
    return population.fetched_or_shipped(fetched, shown_as, shipped, sources(folder)["id"], today)


@st.cache_resource(show_spinner=False)
def store(url: str, example_data: bool, folder: Path):
    """One connection pool per database for the whole server; the schema is created or upgraded on first use.

    With `example_data` (demo mode only) an empty database is filled once with the example reports of the
    organisations in `folder`."""
    from analytics import store as store_module  # noqa: PLC0415 - sqlalchemy loads when a database is opened

    opened = store_module.Store(url)
    if example_data:
        today = dt.date.today()
        measures = {
            org: demo.with_example_indicators(found, org, today) for org, found in _all_measures(folder).items()
        }
        demo.fill(opened, measures, today)
    return opened


def _all_measures(folder: Path) -> dict:
    """The measures of every organisation whose bundle loads (a broken one is reported by its own views)."""
    today, found = dt.date.today(), {}
    for org_id, _name in bundles(folder):
        try:
            found[org_id] = bundle(folder, org_id, today).measures
        except DataError:
            continue
    return found


def reports(database, organisation: str):
    """The organisation's status reports, read from the database again only when one has been added (by any
    server): a cheap revision query per rerun instead of every report. Shared by every session, never modified;
    `attrs["revision"]` says which revision they are, for the tables computed from them."""
    return _reports(database, database.url, organisation, database.revision(organisation))


@st.cache_resource(show_spinner=False, max_entries=16)
def _reports(_database, url: str, organisation: str, revision: tuple[int, int]):  # keyed by url, not the object
    frame = _database.reports(organisation)
    frame.attrs["revision"] = (url, organisation, revision)
    return frame


def measure_table(reports, folder: Path, org_id: str, today: dt.date, stale_months: int):
    """Every measure with its latest report and flags (progress.with_flags), once per revision of `reports`."""
    return _measure_table(reports, folder, org_id, today, stale_months, reports.attrs.get("revision"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _measure_table(_reports, folder: Path, org_id: str, today: dt.date, stale_months: int, revision):
    measures = bundle(folder, org_id, today).measures
    return progress.with_flags(progress.latest(measures, _reports), today, stale_months)


def follow_up(reports, plan_frame, table, folder: Path, org_id: str, today: dt.date, lang: str):
    """analytics.followup.follow_up of the effective plan and its measure table, once per revision of the reports
    and the plan, and language."""
    key = (reports.attrs.get("revision"), plan_frame.attrs.get("plan_key"))
    return _follow_up(reports, plan_frame, table, folder, org_id, today, lang, key)


@st.cache_resource(show_spinner=False, max_entries=32)
def _follow_up(_reports, _plan, _table, folder: Path, org_id: str, today: dt.date, lang: str, key):
    return followup.follow_up(_plan, _table, _reports, bundle(folder, org_id, today), today, lang)


def measure_changes(reports, folder: Path, org_id: str, today: dt.date, start: dt.datetime, end: dt.datetime):
    """progress.changes between two moments, once per revision of `reports`."""
    return _measure_changes(reports, folder, org_id, today, start, end, reports.attrs.get("revision"))


@st.cache_resource(show_spinner=False, max_entries=64)
def _measure_changes(_reports, folder: Path, org_id: str, today: dt.date, start, end, revision):
    return progress.changes(bundle(folder, org_id, today).measures, _reports, start, end)


def population_key(folder: Path, state: Path, org_id: str, today: dt.date, lang: str) -> tuple:
    """What population_view(...) is computed from: the key, in `derived`, of the tables derived from it."""
    fetched = ssb.snapshot_path(state, org_id)
    return (str(folder), org_id, today, lang, str(fetched), _stamp(fetched))


def population_view(folder: Path, state: Path, org_id: str, today: dt.date, lang: str):
    """population_tables.for_view of the figures population_figures() gives, once per snapshot and language."""
    fetched = ssb.snapshot_path(state, org_id)
    return _population_view(folder, org_id, today, lang, fetched, _stamp(fetched))


@st.cache_resource(show_spinner=False, max_entries=16)
def _population_view(folder: Path, org_id: str, today: dt.date, lang: str, fetched: Path, stamp: int | None):
    figures, _ = _population(folder, org_id, today, fetched, stamp)
    regions = [region.key for region in ssb.configured_regions(bundle(folder, org_id, today).organisation)]
    return population_tables.for_view(figures, regions, sources(folder), lang)


def bundle_files(folder: Path, org_id: str, today: dt.date, lang: str):
    """The "files" table of Om dataene; the population snapshot's lines are counted once per version of the file."""
    return _bundle_files(folder, org_id, today, lang, _stamp(folder / org_id / population.FILE))


@st.cache_resource(show_spinner=False, max_entries=64)
def _bundle_files(folder: Path, org_id: str, today: dt.date, lang: str, stamp: int | None):
    return about.bundle_files(bundle(folder, org_id, today), sources(folder), outlines(folder), folder, lang)


def figure(builder, *args):
    """builder(*args): a plotly figure from analytics.charts, built once per set of inputs (plotly's validation
    costs 10–20 ms a figure) and shared by every session; st.plotly_chart only reads it."""
    return _figure(builder, f"{builder.__module__}.{builder.__qualname__}", *args)


@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(_builder, name: str, *args):  # keyed by the builder's name and the inputs
    return _builder(*args)


def derived(key: tuple, build, *args):
    """build(*args), once per `key` and shared by every session (never modified): for tables and figures derived
    from the data, cached by meaning. `key` names what the inputs are — the data's version (folder, organisation,
    day, a snapshot's stamp) and the reader's choices (language, region, years) — so that a rerun looks up a small
    tuple instead of having Streamlit hash the DataFrames (the caller makes sure the key determines `args`)."""
    return _derived(build, f"{build.__module__}.{build.__qualname__}", key, args)


@st.cache_resource(show_spinner=False, max_entries=512)
def _derived(_build, name: str, key: tuple, _args: tuple):  # keyed by the builder's name and the key only
    return _build(*_args)


def chart(key: tuple, builder, *args):
    """builder(*args), a plotly figure from analytics.charts, once per `key` (as in `derived`), ready for
    st.plotly_chart: its dict is made once, not on every rerun (plotly's to_dict walks every array to encode it).
    Only for st.plotly_chart (via widgets.chart); exports build their own figures."""
    return _derived(_prepared, f"{builder.__module__}.{builder.__qualname__}", key, (builder, args))


def _prepared(builder, args: tuple):
    return PreparedFigure(builder(*args).to_dict())


class PreparedFigure(go.Figure):
    """A figure whose dict is already made: st.plotly_chart asks a Figure for to_dict() and gets it at once. The
    dict is shared by every session and never modified (plotly.io.to_json only drops trace uids, which it has not)."""

    def __init__(self, spec: dict):  # noqa: D107 - not go.Figure's validating constructor: the spec is plotly's own
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> dict:
        return self._spec


@st.cache_resource(show_spinner=False, max_entries=128)
def partner_deck(folder: Path, org_id: str, today: dt.date, year: int, extent: str, lang: str):
    """The partner map of one year (the partners whose agreement had begun), built once per organisation, year,
    extent and language and shared by every session."""
    checked = bundle(folder, org_id, today)
    home = checked.organisation["home"]
    visible = partners.partners_active_in(checked.partners, year)
    view = maps.view_for(checked.partners, home, extent)
    return maps.partner_map(visible, home, outlines(folder), view, partners.partner_tooltips(visible, lang))


@st.cache_resource(show_spinner=False)
def sign_in_throttles(state: Path) -> auth.Throttles:
    """Failed sign-ins per username and per client, shared by every session of this server (per state folder)."""
    return auth.Throttles()


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def upload(content: bytes, file: str, measures, organisation: str, reporter: str):
    """An uploaded Excel file read once (keyed by its content, among the rest), not again on every rerun while it
    stays in the uploader."""
    from analytics import excel  # noqa: PLC0415 - openpyxl loads when a workbook is read

    return excel.read_upload(content, file, measures, organisation, reporter)


# ---- Utforsk (issue 18): the explore tables and the search index. One block, so that it merges cleanly. ----


def explore_table(
    reports, measures, plan_key, folder: Path, state: Path, org_id: str, today: dt.date, lang: str, name: str
):
    """explore.table `name` of one organisation in one language, once per revision of the reports, the plan
    (`plan_key`; `measures` is its measure table) and the population snapshot; shared by every session."""
    fetched = ssb.snapshot_path(state, org_id)
    key = (reports.attrs.get("revision"), plan_key, fetched, _stamp(fetched))
    return _explore_table(reports, measures, folder, org_id, today, lang, name, key)


@st.cache_resource(show_spinner=False, max_entries=128)
def _explore_table(_reports, _measures, folder: Path, org_id: str, today: dt.date, lang: str, name: str, key):
    figures, _ = _population(folder, org_id, today, key[2], key[3])
    inputs = explore.Inputs(bundle(folder, org_id, today), sources(folder), figures, _measures, _reports)
    return explore.table(inputs, name, lang)


def search_index(folder: Path, state: Path, today: dt.date):
    """search.build_index over every organisation whose bundle loads, once per set of population snapshots."""
    stamps = []
    for org_id, _name in bundles(folder):
        stamps.append(_stamp(ssb.snapshot_path(state, org_id)))
    return _search_index(folder, state, today, tuple(stamps))


@st.cache_resource(show_spinner=False)
def country_centres(folder: Path) -> dict:
    """ISO code → (lon, lat) of every country in the shipped outlines (for Utforsk's map of a result)."""
    return explore.country_centres(outlines(folder))


@st.cache_resource(show_spinner=False, max_entries=64)
def explore_place_map(folder: Path, points, shown: list[str], title: str):
    """explore.place_map on the shipped outlines, once per result and shared by every session."""
    return explore.place_map(points, outline_paths(folder), shown, title)


@st.cache_resource(show_spinner=False, max_entries=4)
def _search_index(folder: Path, state: Path, today: dt.date, stamps: tuple):
    found = []
    for org_id, name in bundles(folder):
        try:
            checked = bundle(folder, org_id, today)
            fetched = ssb.snapshot_path(state, org_id)
            figures, _ = _population(folder, org_id, today, fetched, _stamp(fetched))
        except DataError:
            continue  # a broken bundle is reported by its own views
        found.append(search.Organisation(org_id, name, checked, figures))
    return search.build_index(found, sources(folder))


# --- the handlingsplan edited in the app (issue 15): plan revisions and the effective plan, per revision ---
def plan_revisions(database, organisation: str):
    """The organisation's plan revisions, read again only when one has been added (by any server); shared by every
    session, never modified; `attrs["plan_key"]` says which revision of the plan they are."""
    key = (database.url, organisation, database.plan_revision_key(organisation))
    return _plan_revisions(database, *key)


@st.cache_resource(show_spinner=False, max_entries=16)
def _plan_revisions(_database, url: str, organisation: str, key: tuple[int, int]):
    frame = _database.plan_revisions(organisation)
    frame.attrs["plan_key"] = (url, organisation, key)
    return frame


def plan(revisions, folder: Path, org_id: str, today: dt.date, include_drafts: bool, example_data: bool = False):
    """plan.effective_plan of the shipped measures and `revisions` (from plan_revisions), once per revision; in demo
    mode the shipped measures carry the fictional example indicators the demo reports have values for."""
    key = (revisions.attrs.get("plan_key"), example_data)
    return _plan(revisions, folder, org_id, today, include_drafts, key)


@st.cache_resource(show_spinner=False, max_entries=32)
def _plan(_revisions, folder: Path, org_id: str, today: dt.date, include_drafts: bool, plan_key):
    measures = bundle(folder, org_id, today).measures
    if plan_key[1]:  # example data
        measures = demo.with_example_indicators(measures, org_id, today)
    frame = plan_module.effective_plan(measures, _revisions, include_drafts)
    frame.attrs["plan_key"] = (plan_key, include_drafts)
    return frame


def plan_measure_table(reports, plan_frame, today: dt.date, stale_months: int):
    """progress.with_flags of the effective plan and the reports, once per revision of both."""
    key = (reports.attrs.get("revision"), plan_frame.attrs.get("plan_key"))
    return _plan_measure_table(reports, plan_frame, today, stale_months, key)


@st.cache_resource(show_spinner=False, max_entries=16)
def _plan_measure_table(_reports, _plan_frame, today: dt.date, stale_months: int, key):
    return progress.with_flags(progress.latest(_plan_frame, _reports), today, stale_months)


def plan_changes(reports, plan_frame, start: dt.datetime, end: dt.datetime):
    """progress.changes of the effective plan between two moments, once per revision of the reports and plan."""
    key = (reports.attrs.get("revision"), plan_frame.attrs.get("plan_key"))
    return _plan_changes(reports, plan_frame, start, end, key)


@st.cache_resource(show_spinner=False, max_entries=64)
def _plan_changes(_reports, _plan_frame, start, end, key):
    return progress.changes(_plan_frame, _reports, start, end)


# --- end of the handlingsplan block ---
