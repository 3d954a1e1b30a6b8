"""Befolkning's own blocks: where the figures come from (and the SSB fetch), the twin cities' countries, the cards."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import population, population_tables, ssb
from analytics.formatting import escape_markdown, format_int, format_percent, format_timestamp
from analytics.i18n import in_language, t
from analytics.jsonstat import SsbError
from analytics.provenance import source_line
from ui import cached, navigation
from ui.widgets import full_height
from views.befolkning import sections


def region_choice(regions: list[str], names: dict, key: str, lang: str) -> str:
    """The region a section shows, picked in a row of radio buttons and kept in the link under `key`."""
    return st.radio(
        t("pop.region", lang),
        regions,
        format_func=lambda region: escape_markdown(names.get(region, region)),
        horizontal=True,
        key=key,
        bind="query-params",
    )


def population_status(ctx, figures: pd.DataFrame, warning: str | None, key: tuple) -> None:
    """Where the figures come from (shipped snapshot or SSB, with times) and the button that fetches from SSB;
    `key` says which snapshot `figures` is (cached.population_key)."""
    lang, bundle = ctx.lang, ctx.bundle
    can_fetch = bool(ssb.configured_regions(bundle.organisation))
    if warning:
        st.warning(f"{t('pop.fetched_broken', lang)}\n\n{escape_markdown(warning)}")
    info = cached.derived((*key, "fetch_info"), population.fetch_info, figures)
    if info:
        st.caption(
            t(
                "pop.fetched",
                lang,
                tables=escape_markdown(", ".join(info["tables"])),
                fetched=format_timestamp(info["fetched"]),
                updated=format_timestamp(info["updated"]),
            )
        )
    elif not figures.empty:
        st.info(t("pop.snapshot", lang) + (" " + t("pop.snapshot_fetch", lang) if can_fetch else ""))
    done = st.session_state.pop("pop_refresh_message", None)
    if done:
        st.success(done)
    if not can_fetch:
        if not figures.empty:
            st.caption(t("pop.no_ssb", lang, org=escape_markdown(bundle.organisation["name"])))
        return
    if st.button(t("pop.refresh_again" if info else "pop.refresh", lang), icon=":material/sync:", key="pop_refresh"):
        with st.spinner(t("pop.refreshing", lang)):
            try:
                result = ssb.refresh(
                    bundle.organisation,
                    ssb.snapshot_path(ctx.settings.state_dir, bundle.id),
                    ctx.sources["id"],
                    base=ctx.settings.ssb_base_url,
                    timeout=ctx.settings.ssb_timeout,
                )
            except SsbError as err:
                st.error(f"{escape_markdown(str(err))}\n\n{t('pop.refresh_failed', lang)}")
                return
        message = t("pop.refreshed", lang, rows=format_int(result.rows), first=result.years[0], last=result.years[1])
        st.session_state["pop_refresh_message"] = message
        st.rerun()


def show_partner_backgrounds(ctx, backgrounds: pd.DataFrame, region_name: str, year: int, key: tuple) -> None:
    """Residents with a background from each twin city's country, and the way to the map; `key` says which
    snapshot, language, region and year `backgrounds` are of (cached.derived)."""
    lang = ctx.lang
    st.subheader(t("pop.partners", lang))
    st.markdown(t("pop.partners_intro", lang, region=escape_markdown(region_name), year=year))
    table = cached.derived(key, sections.partner_table, backgrounds, lang)
    st.dataframe(table, hide_index=True, width=760, height=full_height(table))
    if backgrounds["source"].notna().any():
        st.caption(escape_markdown(source_line(ctx.sources, backgrounds["source"].dropna(), lang)))
    st.page_link(navigation.PARTNERS.script, label=t("pop.partners_link", lang), icon=navigation.PARTNERS.icon)


def population_cards(ctx, rows: pd.DataFrame) -> None:
    """One card per region, year and measure: the count (with its share under it) or the share alone."""
    lang = ctx.lang
    cards = population_tables.cards(rows)
    columns = st.columns(3)
    for i, card in enumerate(cards):
        with columns[i % 3]:
            st.metric(
                f"{t(f'measure.{card.measure}', lang)}, {escape_markdown(f'{card.region_name} {card.year}')}",
                population_tables.value_text(card.value, card.unit, card.status),
            )
            if card.share is not None:
                st.caption(t("pop.share_of_population", lang, share=format_percent(card.share)))
            note = in_language(vars(card), "note", lang)
            if isinstance(note, str):
                st.caption(escape_markdown(note))
            st.caption(escape_markdown(source_line(ctx.sources, card.sources, lang)))
