"""Oversikt: the strategy, its målområder and headline figures for the chosen organisation."""

import streamlit as st

from analytics.formatting import format_date, format_int
from analytics.i18n import t
from analytics.palette import goal_area_colour
from ui import shell

# 1/ Data
ctx = shell.context()
lang, organisation = ctx.lang, ctx.bundle.organisation
strategy = organisation.get("strategy")

# 2/ Headline
st.title(strategy["title"] if strategy else organisation["name"])
if not strategy:
    st.info(t("overview.no_strategy", lang))
    st.stop()
st.markdown(
    t(
        "overview.adopted",
        lang,
        by=strategy["adopted_by"],
        date=format_date(strategy["adopted_date"]),
        case=strategy["case"],
        archive=strategy["archive_case"],
        start=strategy["period_start"],
        end=strategy["period_end"],
    )
)
columns = st.columns(3)
columns[0].metric(t("overview.partners", lang), format_int(len(ctx.bundle.partners)))
columns[1].metric(t("overview.goal_areas", lang), format_int(len(ctx.bundle.goal_areas)))
columns[2].metric(t("overview.plan_periods", lang), format_int(len(strategy.get("plan_periods", []))))
shell.caption_source(ctx, [strategy["source"], strategy["desired_results_source"]])

# 3/ Målområder
st.header(t("overview.goal_areas", lang))
for area in ctx.bundle.goal_areas.itertuples():
    name = area.name_en if lang == "en" and area.name_en else area.name_nb
    with st.container(border=True):
        st.markdown(
            f'<div style="border-left: 10px solid {goal_area_colour(area.number)}; padding-left: 12px; '
            f'font-size: 1.35rem; font-weight: 600">{area.number}</div>',
            unsafe_allow_html=True,
        )
        st.subheader(name, anchor=False)
        st.text(f"{t('overview.goal', lang)}: {area.goal}")
        st.text(f"{t('overview.main_strategy', lang)}: {area.main_strategy}")
shell.caption_source(ctx, ctx.bundle.goal_areas["source"])

# 4/ Desired results and ways in
st.header(t("overview.desired_results", lang))
st.text("\n".join(f"• {result}" for result in strategy.get("desired_results", [])))
st.page_link("views/vennskapsbyer.py", label=t("overview.go_partners", lang), icon=":material/public:")
st.page_link("views/om_dataene.py", label=t("overview.go_about", lang), icon=":material/info:")
