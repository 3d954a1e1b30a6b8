"""The plan frame (the contract shared with analytics/plan.py): today's measures plus the columns a plan revision
adds. `from_measures` gives the frame for the shipped rows only, until the store of plan revisions is joined in."""

from __future__ import annotations

import pandas as pd

STATES = ("utkast", "vedtatt", "avsluttet", "trukket")
EXTRA_COLUMNS = (
    "description_en",
    "indicator_baseline_year",
    "indicator_target_year",
    "state",
    "decision_organ",
    "decision_date",
    "decision_case",
    "decision_source",
    "revision",
    "changed_by",
    "changed_at",
)


def from_measures(measures: pd.DataFrame) -> pd.DataFrame:
    """The shipped measures as an effective plan: revision 0, state «vedtatt», the decision their source is."""
    plan = measures.copy()
    size = len(plan)
    defaults = {
        "description_en": pd.Series([""] * size, index=plan.index, dtype=object),
        "indicator_baseline_year": pd.Series([pd.NA] * size, index=plan.index, dtype="Int64"),
        "indicator_target_year": pd.Series([pd.NA] * size, index=plan.index, dtype="Int64"),
        "state": pd.Series(["vedtatt"] * size, index=plan.index, dtype=object),
        "decision_organ": pd.Series([""] * size, index=plan.index, dtype=object),
        "decision_date": pd.Series([pd.NaT] * size, index=plan.index, dtype="datetime64[ns]"),
        "decision_case": pd.Series([""] * size, index=plan.index, dtype=object),
        "decision_source": plan["source"].astype(object) if size else pd.Series(dtype=object),
        "revision": pd.Series([0] * size, index=plan.index, dtype="int64"),
        "changed_by": pd.Series([""] * size, index=plan.index, dtype=object),
        "changed_at": pd.Series([pd.NaT] * size, index=plan.index, dtype="datetime64[ns, UTC]"),
    }
    for column, values in defaults.items():
        if column not in plan:
            plan[column] = values
    return plan


def adopted(plan: pd.DataFrame) -> pd.DataFrame:
    """The measures in force: state «vedtatt» (drafts, closed and withdrawn ones left out); a frame without a
    state column (today's bundle.measures) is all shipped, adopted rows."""
    return plan[plan["state"] == "vedtatt"] if "state" in plan else plan


PLAN_COLUMNS = (
    "indicator_unit",
    "indicator_baseline",
    "indicator_target",
    "indicator_direction",
    "indicator_baseline_year",
    "indicator_target_year",
    "state",
)


def with_plan_columns(table: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """A table of measures (e.g. progress.latest) with its indicator and state columns taken from the plan."""
    plan_part = plan.set_index("id")[list(PLAN_COLUMNS)]
    rest = table.drop(columns=[c for c in PLAN_COLUMNS if c in table]).set_index("id")
    return rest.join(plan_part, how="left").reset_index()
