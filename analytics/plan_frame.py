"""The plan frame (the contract shared with analytics/plan.py): today's measures plus the columns a plan revision
adds. `from_measures` gives it from the measures alone (analytics/plan.py adds the revisions)."""

from __future__ import annotations

import pandas as pd

from analytics import plan as plan_module

EXTRA_COLUMNS = plan_module.EXTRA_COLUMNS  # the columns a plan revision adds to the measures


def from_measures(measures: pd.DataFrame) -> pd.DataFrame:
    """The measures as a plan frame, keeping any other column they carry (plan.with_plan_defaults)."""
    return plan_module.with_plan_defaults(measures)


def adopted(plan: pd.DataFrame) -> pd.DataFrame:
    """The measures in force: state «vedtatt» (drafts, closed and withdrawn ones left out); a frame without a
    state column (today's bundle.measures) is all shipped, adopted rows."""
    return plan[plan["state"] == "vedtatt"] if "state" in plan else plan


PLAN_COLUMNS = (
    "indicator_unit",
    "indicator_baseline",
    "indicator_target",
    "indicator_direction",
    *plan_module.YEAR_FIELDS,
    "state",
)


def with_plan_columns(table: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """A table of measures (e.g. progress.latest) with its indicator and state columns taken from the plan."""
    plan_part = plan.set_index("id")[list(PLAN_COLUMNS)]
    rest = table.drop(columns=[c for c in PLAN_COLUMNS if c in table]).set_index("id")
    return rest.join(plan_part, how="left").reset_index()
