"""Nettverk's own blocks: the gaps, one network's profile, the comparison with another organisation."""

from __future__ import annotations

import streamlit as st

from analytics.checks import DataError
from analytics.formatting import escape_markdown
from analytics.i18n import t
from analytics.provenance import source_line
from ui import cached
from ui.widgets import fact_list, source_list
from views.nettverk import sections


def network_gaps(ctx, view: sections.Overview) -> None:
    """The gaps: målområder with the fewest networks, networks serving none, themes no network covers."""
    lang = ctx.lang
    fewest, unlinked, themes = view.fewest, view.unlinked, view.themes_not_covered
    none = t("networks.none_listed", lang)
    st.subheader(t("networks.gaps", lang), anchor=False)
    lines = [
        (
            t("networks.gap_fewest", lang),
            ", ".join(f"{label} ({n})" for label, n in zip(fewest["label"], fewest["networks"], strict=True)),
        ),
        (t("networks.gap_unlinked", lang), ", ".join(unlinked) or none),
        (t("networks.gap_themes", lang), ", ".join(themes) or none),
    ]
    st.markdown("\n".join(f"- **{escape_markdown(head)}:** {escape_markdown(body)}" for head, body in lines))


def show_network_profile(ctx, network_id: str, key: tuple) -> None:
    """One network's profile (data text escaped) with its sources; `key` is the bundle's (cached.derived)."""
    lang = ctx.lang
    profile, profile_sources = cached.derived(
        (*key, "profile", network_id), sections.profile, ctx.bundle, ctx.sources, network_id, lang
    )
    st.subheader(escape_markdown(profile.name), anchor=False)
    st.text(profile.description)
    rows = [
        (t("col.goal_areas", lang), "; ".join(profile.goal_areas) or "–"),
        (t("col.scope", lang), profile.scope),
        (t("col.theme", lang), profile.theme),
        (t("col.join_year", lang), profile.join_year),
    ]
    st.markdown("\n".join(f"- **{escape_markdown(head)}:** {escape_markdown(value)}" for head, value in rows))
    st.caption(t("networks.own_classification", lang))
    fact_list(profile.facts, t("networks.facts", lang), t("networks.facts_none", lang))
    source_list(profile_sources, lang)


def network_comparison(ctx, key: tuple) -> None:
    """The chosen organisation against another one by theme: what both have and what only one has; `key` is the
    bundle's (cached.derived)."""
    lang, bundle = ctx.lang, ctx.bundle
    others = {}
    for org_id, name in cached.bundles(ctx.settings.data_dir):
        if org_id == bundle.id:
            continue
        try:
            other = cached.bundle(ctx.settings.data_dir, org_id, ctx.today)
        except DataError as err:
            st.warning(escape_markdown(f"{name}: {err}"))
            continue
        if not other.networks.empty:
            others[org_id] = other
    if not others:
        st.caption(t("networks.compare_none", lang))
        return
    default = "kuopio" if "kuopio" in others else next(iter(others))
    other_id = st.selectbox(
        t("networks.compare_with", lang),
        list(others),
        index=list(others).index(default),
        format_func=lambda key: others[key].organisation["name"],
        key="compare_with",
        bind="query-params",
    )
    other = others[other_id]
    comparison = cached.derived((*key, "compare", other_id), sections.comparison, bundle, other, lang)
    st.markdown(escape_markdown(comparison.summary))
    st.dataframe(
        comparison.table,
        hide_index=True,
        width="stretch",
        column_config={label: st.column_config.TextColumn(width=width) for label, width in comparison.widths.items()},
    )
    sources = [*bundle.networks["source"], *other.networks["source"], "egen-klassifisering"]
    st.caption(escape_markdown(source_line(ctx.sources, sources, lang)))
    st.caption(t("networks.own_classification", lang))
