"""Slides: one view's key chart as a self-contained unit (title, chart, summary, data, source line, date).

The presentation view draws them, and the report exporters (HTML, PowerPoint) write them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from analytics import charts, overview, palette, partners, periods, plan_frame, population, population_tables, progress
from analytics import networks as nw
from analytics.bundle import AGREEMENT_TYPES, Bundle
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.provenance import source_line
from analytics.statuses import NOT_REPORTED, REPORT_STATUSES


@dataclass(frozen=True)
class Slide:
    """What a slide shows: every field is plain text, a figure or a frame, ready in the chosen language."""

    id: str  # stable id, used in links: "oversikt", "vennskapsbyer", ...
    title: str  # the slide's title, as on the projector
    subtitle: str  # the organisation and what the figures are (e.g. "Trondheim kommune · 2026")
    summary: str  # one or two sentences saying what the chart shows (the text alternative)
    source_line: str  # "Kilde: …" / "Sources: …"
    date: dt.date  # the day the slide was made (today); never shown as the data's date
    figure: go.Figure | None = None  # the chart, if any
    table: pd.DataFrame = field(default_factory=pd.DataFrame)  # the data behind the chart, as text for people
    metrics: tuple[tuple[str, str], ...] = ()  # headline figures as (label, formatted value)
    data_as_of: str = ""  # the data's own date in words: "tall for 2011–2018", "siste rapport 12.05.2026", …


@dataclass(frozen=True)
class Inputs:
    """Everything the slides are built from, already loaded (the app passes its cached copies)."""

    bundle: Bundle
    sources: pd.DataFrame
    population: pd.DataFrame  # with region names in `lang`
    reports: pd.DataFrame
    today: dt.date
    lang: str
    outline_paths: tuple[list, list]
    example_data: bool = False


SLIDE_IDS = ("oversikt", "vennskapsbyer", "nettverk", "tiltak", "befolkning")


def available(inputs: Inputs) -> list[str]:
    """The slides the bundle has data for, in the house order."""
    bundle = inputs.bundle
    has = {
        "oversikt": True,
        "vennskapsbyer": not bundle.partners.empty,
        "nettverk": not bundle.networks.empty and not bundle.network_goal_areas.empty,
        "tiltak": not bundle.measures.empty,
        "befolkning": not population.series(inputs.population, SHARE).dropna(subset=["value"]).empty,
    }
    return [slide_id for slide_id in SLIDE_IDS if has[slide_id]]


def build(slide_id: str, inputs: Inputs) -> Slide:
    """One slide by its id (one of `available(inputs)`)."""
    return BUILDERS[slide_id](inputs)


def _subtitle(inputs: Inputs, what: str = "") -> str:
    parts = [inputs.bundle.organisation["name"], what]  # not today's date: it would read as the data's date
    if inputs.example_data:
        parts.append(t("slides.example_data", inputs.lang))
    return " · ".join(p for p in parts if p)


def data_date_text(slide: Slide, lang: str) -> str:
    """What a slide's footer says of its data's date: the data's own date in words, capitalised."""
    text = slide.data_as_of or t("report.as_of", lang, date=format_date(slide.date))
    return text[:1].upper() + text[1:]


def dated_source_line(line: str, as_of: str) -> str:
    """A source line with the data's own date after it: "Kilde: SSB, tabell 09817 · Tall for 2013–2026".

    Slides, the report and every live chart end their source line this way; `as_of` comes from the helpers
    below (never today's date)."""
    return f"{line} · {as_of[:1].upper()}{as_of[1:]}" if as_of else line


def sources_dated(sources: pd.DataFrame, source_ids, lang: str) -> str:
    """The years the cited sources are dated ("kilder datert 2019–2024"), or that they are undated."""
    cited = sources[sources["id"].isin(set(source_ids))]
    years = sorted({d[:4] for d in cited["date"].dropna() if isinstance(d, str) and d[:4].isdigit()})
    if not years:
        return t("slides.data.undated", lang)
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return t("slides.data.sources_dated", lang, years=span)


def partners_dated(sources: pd.DataFrame, partners_frame: pd.DataFrame, lang: str) -> str:
    """The date of the partner data (the sources of the agreements and of their status), as on the slide."""
    return sources_dated(sources, [*partners_frame["source"], *partners_frame["status_source"]], lang)


def reports_dated(reports: pd.DataFrame, lang: str) -> str:
    """The date of the latest status report ("siste rapport 12.05.2026"), or that there is none yet."""
    if reports.empty or reports["reported_at"].dropna().empty:
        return t("slides.data.no_reports", lang)
    latest = pd.Timestamp(reports["reported_at"].dropna().max())
    return t("slides.data.latest_report", lang, date=format_date(latest.date()))


def figures_dated(rows: pd.DataFrame, lang: str, years=None) -> str:
    """The years of the figures shown ("tall for 2011–2018"), and when they were fetched from SSB if they were.

    `years`, where the chart shows only some of the rows' years (a change between two years)."""
    years = sorted(int(y) for y in (rows["year"].dropna().unique() if years is None else years))
    if not years:
        return t("slides.data.no_figures", lang)
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    text = t("slides.data.years", lang, years=span)
    fetched = population.fetch_info(rows).get("fetched", "") if "table" in rows else ""
    if fetched:
        text += ", " + t("slides.data.fetched", lang, date=format_date(pd.Timestamp(fetched).date()))
    return text


def _measure_table(inputs: Inputs) -> pd.DataFrame:
    return progress.with_flags(progress.latest(inputs.bundle.measures, inputs.reports), inputs.today)


def _overview(inputs: Inputs) -> Slide:
    bundle, lang = inputs.bundle, inputs.lang
    strategy = bundle.organisation.get("strategy") or {}
    measures = _measure_table(inputs)
    figures = overview.headline_figures(bundle, measures, inputs.population, lang)
    names = nw.goal_area_names(bundle.goal_areas, lang)
    table = pd.DataFrame(
        {
            t("col.number", lang): bundle.goal_areas["number"].astype(str),
            overview.term(bundle.organisation, "goal_areas", lang): bundle.goal_areas["id"].map(names),
        }
    )
    sources = [f for figure in figures for f in figure.sources] + list(bundle.goal_areas["source"])
    return Slide(
        id="oversikt",
        title=overview.strategy_title(strategy, bundle.organisation, lang),
        subtitle=_subtitle(inputs),
        summary=_overview_summary(inputs, measures),
        source_line=source_line(inputs.sources, sources or [strategy.get("source", "")], lang),
        date=inputs.today,
        table=table,
        metrics=tuple((f.label, f.value) for f in figures),
        data_as_of=f"{sources_dated(inputs.sources, sources, lang)}; {reports_dated(inputs.reports, lang)}",
    )


def column_widths(table: pd.DataFrame, lang: str) -> dict[str, int]:
    """Pixel widths for a slide's table: a narrow «Nr.», so that the names, not the numbers, get the room."""
    number = t("col.number", lang)
    if number not in table.columns:
        return {}
    others = [c for c in table.columns if c != number]
    # The table is drawn at the width of its columns (a stretched table shares the room out evenly, and «Nr.»
    # took half); 760 px fits beside the sidebar at 1400 px as well as on the slide.
    return {number: 60} | {column: 700 // len(others) for column in others}


def _overview_summary(inputs: Inputs, table: pd.DataFrame) -> str:
    """The strategy line, the leadership sentence and the plan-period note (that the strategy is over, if it is)."""
    organisation, lang = inputs.bundle.organisation, inputs.lang
    strategy = organisation.get("strategy") or {}
    plan = plan_frame.from_measures(inputs.bundle.measures)
    parts = [
        overview.strategy_line(strategy, lang) if strategy else "",
        overview.leadership_sentence(table, inputs.reports, lang),
        periods.period_note(organisation, plan, inputs.reports, inputs.today, lang) if strategy else "",
    ]
    return " ".join(part for part in parts if part)


def _partners(inputs: Inputs) -> Slide:
    bundle, lang, year = inputs.bundle, inputs.lang, inputs.today.year
    partners_now = partners.partners_active_in(bundle.partners, year)
    home = bundle.organisation["home"]
    title = t("partners.title", lang)
    fig = charts.partner_map_figure(
        partners_now, home, inputs.outline_paths, {k: t(f"type.{k}", lang) for k in AGREEMENT_TYPES}, ""
    )
    return Slide(
        id="vennskapsbyer",
        title=title,
        subtitle=_subtitle(inputs),
        summary=f"{t('partners.map_caption', lang, n=len(partners_now), year=year, home=home['name'])} "
        f"{partners.counts_summary(bundle.partners, lang)}",
        source_line=source_line(
            inputs.sources,
            [*bundle.partners["source"], *bundle.partners["coord_source"], home["source"], "natural-earth-110m"],
            lang,
        ),
        date=inputs.today,
        figure=fig,
        table=partners.partner_table(partners_now, inputs.sources, lang),
        data_as_of=partners_dated(inputs.sources, bundle.partners, lang),
    )


def _networks(inputs: Inputs) -> Slide:
    bundle, lang = inputs.bundle, inputs.lang
    labels = nw.goal_labels(bundle.goal_areas, lang)
    per_goal_area = nw.networks_per_goal_area(bundle.network_goal_areas, bundle.goal_areas)
    per_goal_area["label"] = per_goal_area["number"].map(labels)
    summary = nw.networks_summary(bundle.networks, per_goal_area, lang)
    table = nw.counts_table(per_goal_area, labels, lang)
    return Slide(
        id="nettverk",
        title=t("networks.counts_title", lang),
        subtitle=_subtitle(inputs),
        summary=summary,
        source_line=source_line(inputs.sources, bundle.network_goal_areas["source"], lang),
        date=inputs.today,
        figure=charts.count_bars(per_goal_area, "label", ""),
        table=table,
        data_as_of=sources_dated(inputs.sources, bundle.network_goal_areas["source"], lang),
    )


def _measures(inputs: Inputs) -> Slide:
    bundle, lang = inputs.bundle, inputs.lang
    table = _measure_table(inputs)
    rolled = progress.rollup(table, bundle.goal_areas)
    names = nw.goal_area_names(bundle.goal_areas, lang) | {"": t("measures.no_goal_area", lang)}
    colours = {row.id: palette.goal_area_colour(row.number) for row in bundle.goal_areas.itertuples()}
    status_labels = {s: t(f"report_status.{s}", lang) for s in (*REPORT_STATUSES, NOT_REPORTED)}
    summary = " ".join(
        [
            t(
                "slides.measures_summary",
                lang,
                n=len(table),
                statuses=overview.status_counts_text(table["status"], lang),
            ),
            t("slides.measures_late", lang, n=int(table["late"].sum())),
        ]
    )
    return Slide(
        id="tiltak",
        title=overview.term_heading(bundle.organisation, "measures.rollup", lang),
        subtitle=_subtitle(inputs),
        summary=summary,
        source_line=source_line(inputs.sources, bundle.measures["source"], lang) + t("slides.reports_source", lang),
        date=inputs.today,
        figure=charts.status_bars(rolled, names, colours, status_labels, ""),
        table=rollup_table(rolled, names, status_labels, lang),
        data_as_of=reports_dated(inputs.reports, lang),
    )


def rollup_table(rolled: pd.DataFrame, names: dict, status_labels: dict, lang: str) -> pd.DataFrame:
    """The roll-up as a table for people: målområde, then one column per status, then late."""
    columns = {t("measures.filter.goal_area", lang): rolled["goal_area_id"].map(names)}
    columns |= {label: rolled[status] for status, label in status_labels.items()}
    columns[t("measures.flag.late", lang)] = rolled["late"]
    return pd.DataFrame(columns)


def _population(inputs: Inputs) -> Slide:
    lang = inputs.lang
    share = population.series(inputs.population, SHARE)
    measured = share.dropna(subset=["value"])
    return Slide(
        id="befolkning",
        title=t("pop.share_title", lang),
        subtitle=_subtitle(inputs),
        summary=population_tables.share_summary(share, lang),
        source_line=source_line(inputs.sources, measured["source"], lang),
        date=inputs.today,
        figure=charts.share_over_time(share, ""),
        table=population_tables.share_table(share, lang),
        data_as_of=figures_dated(measured, lang),
    )


SHARE = "andel_innvandrerbakgrunn"
BUILDERS = {
    "oversikt": _overview,
    "vennskapsbyer": _partners,
    "nettverk": _networks,
    "tiltak": _measures,
    "befolkning": _population,
}
