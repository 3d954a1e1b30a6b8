"""Text for the overview: the strategy in one line, with only the facts the bundle has."""

from __future__ import annotations

from analytics.formatting import format_date
from analytics.i18n import t


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
