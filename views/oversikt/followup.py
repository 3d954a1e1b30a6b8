"""Oversikt's follow-up blocks: the leadership sentence at the top and the plan-period note. Layout only."""

from __future__ import annotations

import streamlit as st

from analytics.formatting import escape_markdown
from analytics.i18n import t


def leadership(follow) -> None:
    """One sentence for a director: on track, behind, late, unreported, and the latest report's date."""
    if follow.leadership:
        st.markdown(f"**{escape_markdown(follow.leadership)}**")


def period_note(follow) -> None:
    """Which plan period is current; when the strategy is over, that it is and how many lack a final report."""
    if follow.period_note:
        (st.warning if follow.strategy_over else st.info)(escape_markdown(follow.period_note))


def indicators(ctx, follow) -> None:
    """The measurable goals: each adopted measure with an indicator, its latest value and where it stands."""
    if follow.indicators.empty:
        return
    st.header(t("indicator.overview", ctx.lang), anchor=False)
    st.dataframe(follow.indicators, hide_index=True, width="stretch")
    st.caption(t("indicator.source", ctx.lang))
