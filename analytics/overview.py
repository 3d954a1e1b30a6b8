"""Text for the overview: the strategy in one line, with only the facts the bundle has."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import indicator
from analytics.bundle import OWN
from analytics.formatting import format_date, format_int, format_percent
from analytics.i18n import in_language, t
from analytics.population import latest
from analytics.ssb import configured_regions
from analytics.statuses import NOT_REPORTED, REPORT_STATUSES


def own_text(mapping: dict, key: str, lang: str):
    """`mapping[key]`, or in English its `{key}_en` where organisation.yml gives one (texts without an English
    version are shown as written)."""
    english = mapping.get(f"{key}_en") if lang == "en" else None
    return english or mapping.get(key)


def strategy_title(strategy: dict | None, organisation: dict, lang: str) -> str:
    """The strategy's title in `lang` where given, else the organisation's name."""
    return (own_text(strategy, "title", lang) if strategy else None) or organisation["name"]


def strategy_line(strategy: dict, lang: str) -> str:
    """ "Vedtatt av … (sak …, arkivsak …). Periode …" – each part only where the bundle gives it."""
    parts = []
    if strategy.get("adopted_by") and strategy.get("adopted_date"):
        cases = ", ".join(str(strategy[k]) for k in ("case", "archive_case") if strategy.get(k))
        adopted = t(
            "overview.adopted_by",
            lang,
            by=own_text(strategy, "adopted_by", lang),
            date=format_date(strategy["adopted_date"]),
        )
        parts.append(f"{adopted} ({cases})." if cases else f"{adopted}.")
    start, end = strategy.get("period_start"), strategy.get("period_end")
    if start and end:
        parts.append(t("overview.period", lang, start=start, end=end))
    elif start:
        parts.append(t("overview.period_from", lang, start=start))
    return " ".join(parts)


DEFAULT_TERMS = {"goal_areas": "overview.goal_areas", "goal_area": "col.goal_area", "goal": "overview.goal"}


def term(organisation: dict, key: str, lang: str) -> str:
    """The organisation's own word for a concept (e.g. "Tiltak" for its målområder), else the house word."""
    own = organisation.get("terms", {}).get(f"{key}_{lang}")
    return own or t(DEFAULT_TERMS[key], lang)


# Headings that say "per målområde" -> the same heading with the organisation's own term in {term}.
OWN_TERM_HEADINGS = {
    "measures.rollup": "measures.rollup.own",
    "periods.final_heading": "periods.final_heading.own",
}


def term_heading(organisation: dict, key: str, lang: str) -> str:
    """A heading that says "per målområde" in the organisation's own term where it has one ("Status per
    utviklingsmål" for NTNU, "Status per tiltak" for Trøndelag), else the house heading. The singular term
    ("Status by measure") where the organisation gives one, else its plural."""
    terms = organisation.get("terms", {})
    own = terms.get(f"goal_area_{lang}") or terms.get(f"goal_areas_{lang}")
    return t(OWN_TERM_HEADINGS[key], lang, term=own.lower()) if own else t(key, lang)


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
        note = t("overview.population_note", lang, region=share["region_name"])
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


def leadership_counts(table: pd.DataFrame, reports: pd.DataFrame) -> dict[str, int]:
    """Each measure in exactly one bucket: late (past due, not done), unreported, behind (forsinket, behind the
    expected progress, or its indicator behind the path), on track (i rute or fullført), other (ikke startet,
    avbrutt). `table` is progress.with_flags(latest(...))."""
    late = table["late"].astype(bool)
    unreported = (table["status"] == NOT_REPORTED) & ~late
    indicator_behind = _indicators_behind(table, reports)
    slow = (table["status"] == "forsinket") | table["behind_plan"].astype(bool) | indicator_behind
    behind = slow & ~late & ~unreported
    on_track = table["status"].isin(("i_rute", "fullfort")) & ~late & ~unreported & ~behind
    other = ~(late | unreported | behind | on_track)
    buckets = {"on_track": on_track, "behind": behind, "late": late, "unreported": unreported, "other": other}
    return {name: int(mask.sum()) for name, mask in buckets.items()}


def leadership_sentence(table: pd.DataFrame, reports: pd.DataFrame, lang: str) -> str:
    """One sentence a director reads in ten seconds: on track, behind, late, unreported, and the latest report's
    date ("Av 11 tiltak er 3 i rute, 2 bak planen, 1 forsinket etter frist og 5 ikke rapportert. …")."""
    if table.empty:
        return ""
    counts = {key: format_int(value) for key, value in leadership_counts(table, reports).items()}
    sentence = t("overview.leadership", lang, total=format_int(len(table)), **counts)
    if counts["other"] != "0":
        sentence += " " + t("overview.leadership_other", lang, n=counts["other"])
    if reports.empty:
        return f"{sentence} {t('overview.leadership_no_report', lang)}"
    last = pd.to_datetime(reports["reported_at"], utc=True).max().date()
    return f"{sentence} {t('overview.leadership_latest', lang, date=format_date(last))}"


INDICATOR_FIELDS = ["id", "indicator_baseline", "indicator_target", "indicator_direction", "start", "due"]


def _indicators_behind(table: pd.DataFrame, reports: pd.DataFrame) -> pd.Series:
    """True for the measures whose latest indicator value is behind the path (only those with values are looked at)."""
    behind = pd.Series(False, index=table.index)
    if reports.empty:
        return behind
    last = indicator.latest_values(reports)[["period", "date", "value"]].to_dict("index")
    candidates = table[table["id"].isin(last.keys()) & table["indicator_target"].notna()]
    fields = [c for c in (*INDICATOR_FIELDS, "indicator_baseline_year", "indicator_target_year") if c in table]
    for index, measure in zip(candidates.index, candidates[fields].to_dict("records"), strict=True):
        if indicator.has_indicator(measure):
            value = last[measure["id"]]
            where = indicator.position_of(measure, value["value"], str(value["period"]), value["date"])
            behind[index] = where.state == "behind"
    return behind
