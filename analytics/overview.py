"""Text for the overview: the strategy in one line, with only the facts the bundle has."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.bundle import OWN
from analytics.formatting import format_date, format_int, format_percent
from analytics.i18n import in_language, t
from analytics.population import latest
from analytics.ssb import configured_regions
from analytics.store import NOT_REPORTED, REPORT_STATUSES


def strategy_line(strategy: dict, lang: str) -> str:
    """ "Vedtatt av … (sak …, arkivsak …). Periode …" – each part only where the bundle gives it."""
    parts = []
    if strategy.get("adopted_by") and strategy.get("adopted_date"):
        cases = ", ".join(str(strategy[k]) for k in ("case", "archive_case") if strategy.get(k))
        adopted = t("overview.adopted_by", lang, by=strategy["adopted_by"], date=format_date(strategy["adopted_date"]))
        parts.append(f"{adopted} ({cases})." if cases else f"{adopted}.")
    start, end = strategy.get("period_start"), strategy.get("period_end")
    if start and end:
        parts.append(t("overview.period", lang, start=start, end=end))
    elif start:
        parts.append(t("overview.period_from", lang, start=start))
    return " ".join(parts)


DEFAULT_TERMS = {"goal_areas": "overview.goal_areas", "goal": "overview.goal"}


def term(organisation: dict, key: str, lang: str) -> str:
    """The organisation's own word for a concept (e.g. "Tiltak" for its målområder), else the house word."""
    own = organisation.get("terms", {}).get(f"{key}_{lang}")
    return own or t(DEFAULT_TERMS[key], lang)


@dataclass(frozen=True)
class Figure:
    """One headline figure: label, formatted value, a note under it, and the sources it rests on."""

    label: str
    value: str
    note: str
    sources: tuple[str, ...]


def headline_figures(bundle, table: pd.DataFrame, population: pd.DataFrame, lang: str) -> list[Figure]:
    """Partner cities, networks, measures by status and the latest immigrant-background share, where the bundle
    has them. `table` is progress.latest() of the measures; `population` has region names."""
    figures = []
    if not bundle.partners.empty:
        note = partners_note(bundle.partners, lang)
        sources = tuple(dict.fromkeys([*bundle.partners["source"], *bundle.partners["status_source"]]))
        figures.append(Figure(t("overview.partners", lang), format_int(len(bundle.partners)), note, sources))
    if not bundle.networks.empty:
        sources = tuple(dict.fromkeys(bundle.networks["source"]))
        figures.append(Figure(t("overview.networks", lang), format_int(len(bundle.networks)), "", sources))
    if not table.empty:
        note = status_counts_text(table["status"], lang)
        sources = tuple(dict.fromkeys(bundle.measures["source"]))
        figures.append(Figure(t("overview.measures", lang), format_int(len(table)), note, sources))
    share = latest_share(bundle.organisation, population)
    if share is not None:
        label = t("overview.population", lang, region=share["region_name"], year=int(share["year"]))
        note = t("overview.population_note", lang)
        figures.append(Figure(label, format_percent(share["value"]), note, (share["source"],)))
    return figures


@dataclass(frozen=True)
class Statement:
    """A passage from the strategy shown on its own (a vision, an overarching goal, commitments), with its source."""

    heading: str
    text: str
    source: str


def statements(strategy: dict, lang: str) -> list[Statement]:
    """The strategy's `statements:` in `lang` (bokmål where no English text is given)."""
    return [
        Statement(in_language(item, "heading", lang), in_language(item, "text", lang), item["source"])
        for item in strategy.get("statements") or []
    ]


def partners_note(partners: pd.DataFrame, lang: str) -> str:
    """ "14 aktive (egen slutning)": the active relations, marked where the status is the dashboard's own inference,
    and those whose status no source states."""
    active = partners[partners["status"].eq("aktiv")]
    note = t("overview.partners_note", lang, active=len(active))
    if active["status_source"].eq(OWN).any():
        note = t("own.inferred", lang, value=note)
    not_stated = int(partners["status"].eq("ikke_oppgitt").sum())
    if not_stated:
        note += " · " + t("overview.partners_not_stated", lang, n=not_stated)
    return note


def status_counts_text(statuses: pd.Series, lang: str) -> str:
    """ "3 i rute · 1 forsinket · 7 ikke rapportert": the statuses present, in the house order."""
    counts = statuses.value_counts()
    order = [*REPORT_STATUSES, NOT_REPORTED]
    return " · ".join(f"{format_int(counts[s])} {t(f'report_status.{s}', lang)}" for s in order if counts.get(s, 0))


def latest_share(organisation: dict, population: pd.DataFrame) -> pd.Series | None:
    """The latest measured share with an immigrant background in the organisation's own (first) region."""
    regions = configured_regions(organisation)
    if not regions or population.empty:
        return None
    return latest(population, regions[0].key, "andel_innvandrerbakgrunn")
