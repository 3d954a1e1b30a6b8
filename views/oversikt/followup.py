"""Oversikt's follow-up blocks: the leadership sentence at the top and the plan-period note. Layout only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import overview, periods, plan_frame
from analytics.formatting import escape_markdown


def leadership(ctx, table: pd.DataFrame, plan: pd.DataFrame, reports: pd.DataFrame) -> None:
    """One sentence for a director: on track, behind, late, unreported, and the latest report's date."""
    sentence = overview.leadership_sentence(
        plan_frame.adopted(plan_frame.with_plan_columns(table, plan)), reports, ctx.lang
    )
    if sentence:
        st.markdown(f"**{escape_markdown(sentence)}**")


def period_note(ctx, plan: pd.DataFrame, reports: pd.DataFrame) -> None:
    """Which plan period is current; when the strategy is over, that it is and how many lack a final report."""
    note = periods.period_note(ctx.bundle.organisation, plan, reports, ctx.today, ctx.lang)
    if note:
        (st.warning if periods.strategy_over(ctx.bundle.organisation, ctx.today) else st.info)(escape_markdown(note))
