"""Everything the follow-up blocks of Oversikt and Tiltak show that depends only on the plan and the reports:
computed once per revision of the reports (ui/cached.py) instead of on every rerun."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics import indicator, overview, periods, plan_frame, reminders
from analytics.i18n import t


@dataclass(frozen=True)
class FollowUp:
    """The leadership sentence, the period note, the final-report table and the reminders, in one language."""

    leadership: str
    period_note: str
    strategy_over: bool
    final_report: pd.DataFrame
    reminder_what: str  # «sluttrapport» once the strategy is over, else «rapport for <year>»
    missing: int  # adopted measures without that report
    reminders: tuple
    indicators: pd.DataFrame  # every adopted measure with an indicator: goal, latest value, against the path


def follow_up(
    plan: pd.DataFrame, table: pd.DataFrame, reports: pd.DataFrame, bundle, today: dt.date, lang: str
) -> FollowUp:
    """The follow-up of `plan` for the bundle's organisation; `table` is progress.with_flags(latest(...))."""
    organisation = bundle.organisation
    over = periods.strategy_over(organisation, today)
    year = None if over else today.year
    what = t("reminders.what_final", lang) if over else t("reminders.what_year", lang, year=year)
    missing = reminders.missing_reports(plan, reports, year)
    addresses = organisation.get("report_contacts") or {}
    adopted_table = plan_frame.adopted(plan_frame.with_plan_columns(table, plan))
    return FollowUp(
        leadership=overview.leadership_sentence(adopted_table, reports, lang),
        period_note=periods.period_note(organisation, plan, reports, today, lang),
        strategy_over=over,
        final_report=periods.final_report(plan, reports, bundle.goal_areas, lang),
        reminder_what=what,
        missing=len(missing),
        reminders=tuple(reminders.reminders(missing, what, organisation["name"], lang, addresses)),
        indicators=indicator.overview_table(plan, reports, lang),
    )
