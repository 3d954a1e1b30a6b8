"""Plan periods and the strategy period: which is current, whether the strategy is over, and the final-report
view (per målområde, what each measure reported last, and which never reported). "today" is passed in."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics import plan_frame
from analytics.formatting import format_date, format_int
from analytics.i18n import in_language, t
from analytics.progress import DONE, latest
from analytics.statuses import NOT_REPORTED


def strategy_years(organisation: dict) -> tuple[int | None, int | None]:
    """(first year, last year) of the strategy period; None where the bundle gives none."""
    strategy = organisation.get("strategy") or {}
    return _year(strategy.get("period_start")), _year(strategy.get("period_end"))


def strategy_over(organisation: dict, today: dt.date) -> bool:
    """The strategy period has a last year and it has passed."""
    last = strategy_years(organisation)[1]
    return last is not None and today.year > last


def current_plan_period(organisation: dict, today: dt.date) -> dict | None:
    """The plan period (name, start, end) that holds today's year; None if none does."""
    periods = (organisation.get("strategy") or {}).get("plan_periods") or []
    for period in periods:
        start, end = _year(period.get("start")), _year(period.get("end"))
        if start is not None and end is not None and start <= today.year <= end:
            return period
    return None


def without_final_report(plan: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """The adopted measures whose latest report does not close them (fullført or avbrutt), or that never reported."""
    table = latest(plan_frame.adopted(plan), reports)
    return table[~table["status"].isin(DONE)]


def period_note(organisation: dict, plan: pd.DataFrame, reports: pd.DataFrame, today: dt.date, lang: str) -> str:
    """Which period is current, in words; when the strategy is over, that it is and how many lack a final report."""
    first, last = strategy_years(organisation)
    if strategy_over(organisation, today):
        missing = len(without_final_report(plan, reports))
        over = t("periods.strategy_over", lang, start=first or "", end=last)
        return f"{over} {t('periods.no_final_report', lang, n=format_int(missing))}"
    current = current_plan_period(organisation, today)
    if current:
        return t("periods.current", lang, name=current.get("name", ""), start=current["start"], end=current["end"])
    if first is not None and last is not None:
        return t("periods.strategy_current", lang, start=first, end=last)
    if first is not None:
        return t("periods.strategy_open", lang, start=first)
    return ""


def final_report(plan: pd.DataFrame, reports: pd.DataFrame, goal_areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per målområde (the strategy's order, then measures without one), each adopted measure with its latest report:
    period, status, date, and whether that report closes it; «aldri rapportert» where there is none."""
    table = latest(plan_frame.adopted(plan), reports)
    names = dict(zip(goal_areas["id"], in_language(goal_areas, "name", lang), strict=True))
    order = {key: number for key, number in zip(goal_areas["id"], goal_areas["number"], strict=True)}
    table = table.assign(_order=table["goal_area_id"].map(order).fillna(999)).sort_values(["_order", "id"])
    never = table["status"] == NOT_REPORTED
    return pd.DataFrame(
        {
            t("measures.filter.goal_area", lang): table["goal_area_id"]
            .map(names)
            .fillna(t("measures.no_goal_area", lang)),
            t("measures.col.title", lang): in_language(table, "title", lang),
            t("periods.col.last_period", lang): table["period"].fillna("–").where(~never, "–"),
            t("measures.col.status", lang): table["status"].map(lambda s: t(f"report_status.{s}", lang)),
            t("measures.col.reported", lang): [
                format_date(v.date()) if pd.notna(v) else "–" for v in pd.to_datetime(table["reported_at"], utc=True)
            ],
            t("periods.col.final", lang): [t("yes" if s in DONE else "no", lang) for s in table["status"]],
        }
    ).reset_index(drop=True)


def _year(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
