"""Blocks that two or more views share: a chart with its text alternative, fact and source lists, the status per
målområde, and what changed since a date."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics import palette
from analytics.exports import csv_for_excel
from analytics.formatting import escape_markdown, format_date
from analytics.i18n import in_language, t
from analytics.provenance import safe_url, source_line, source_texts
from analytics.slides import dated_source_line
from ui import cached, shell


def full_height(rows) -> int:
    """The height (px) at which a table shows all its `rows` with no scrollbar: 35 px a row and the header, 3 px
    of border."""
    return (len(rows) + 1) * 35 + 3


def table_with_csv(ctx, table: pd.DataFrame, sources, raw: pd.DataFrame, file_name: str, **options) -> None:
    """A table at full height, its source line, and the CSV download of `raw` (built only when someone downloads).

    `options`: `note`, a caption between the table and the source line; `height`, "auto" for a scrolling table;
    `key`, the download button's key."""
    height = options.get("height") or full_height(table)
    st.dataframe(table, hide_index=True, width="stretch", height=height)
    if options.get("note"):
        st.caption(escape_markdown(options["note"]))
    st.caption(escape_markdown(source_line(ctx.sources, sources, ctx.lang)))
    st.download_button(
        t("download_csv", ctx.lang),
        lambda: csv_for_excel(raw),
        file_name=file_name,
        mime="text/csv",
        help=t("csv_hint", ctx.lang),
        key=options.get("key"),
    )


def chart(
    ctx,
    fig,
    summary: str,
    data: pd.DataFrame,
    sources,
    *,
    as_of: str,
    key: str | None = None,
    notes=(),
    expanded: bool = False,
) -> None:
    """A chart with its text alternative (WCAG 2.1 AA): the figure, a summary of what it shows with its key numbers,
    any data notes, its figures as a table in an expander, and its source line with the data's own date.

    `sources` is a list of source ids, or a ready source line where the figures are not from sources.yml; `as_of`
    is the data's date in words, from the slides' helpers (`slides.figures_dated`, `reports_dated`,
    `sources_dated`), as on a slide."""
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False}, key=key)
    # Body text, not a caption: the caption's grey is below 4.5:1 contrast and faint on a projector. Data text
    # (names, notes) is untrusted, so it is never markup.
    st.markdown(escape_markdown(summary))
    for note in notes:
        st.caption(escape_markdown(note))
    with st.expander(t("chart.data", ctx.lang), icon=":material/table:", expanded=expanded):
        st.dataframe(data, hide_index=True, width="stretch")
    line = sources if isinstance(sources, str) else source_line(ctx.sources, sources, ctx.lang)
    st.caption(escape_markdown(dated_source_line(line, as_of)))


def fact_list(facts: list[tuple[str, str]], heading: str, empty: str) -> None:
    """Facts as an escaped list, each with its source label; `empty` where there are none."""
    st.markdown(f"**{heading}**")
    if not facts:
        st.caption(empty)
    st.markdown("\n".join(f"- {escape_markdown(text)} *({escape_markdown(source)})*" for text, source in facts))


def source_list(sources, lang: str) -> None:
    """Sources (indexed by id) as escaped titles, with a link only where the address is plain http(s)."""
    lines = []
    publishers, titles = source_texts(sources, "publisher", lang), source_texts(sources, "title", lang)
    for publisher, source_title, url in zip(publishers, titles, sources["url"], strict=True):
        title = escape_markdown(f"{publisher}: {source_title}")
        url = safe_url(url)
        lines.append(f"- [{title}](<{url}>)" if url else f"- {title}")
    with st.expander(f"{t('col.sources', lang)} ({len(lines)})"):
        st.markdown("\n".join(lines))


def measure_rollup(ctx, rolled: pd.DataFrame, goal_labels: dict) -> None:
    """One line per målområde: its traffic light, its colour, name, "n av m i rute" and how many are past due."""
    lang = ctx.lang
    numbers = dict(zip(ctx.bundle.goal_areas["id"], ctx.bundle.goal_areas["number"], strict=True))
    for row in rolled.itertuples():
        name = goal_labels.get(row.goal_area_id) or t("measures.no_goal_area", lang)
        colour = palette.LIGHT_COLOURS[row.light]
        parts = [t("measures.on_track", lang, n=row.on_track, total=row.measures)]
        if row.late:
            parts.append(t("measures.late_n", lang, n=row.late))
        area = palette.goal_area_colour(numbers[row.goal_area_id]) if row.goal_area_id in numbers else "#FFFFFF"
        st.markdown(
            f'<span role="img" aria-label="{t(f"measures.light.{row.light}", lang)}" style="display:inline-block;'
            f"width:1.4rem;height:1.4rem;border-radius:50%;background:{colour};border:1px solid #333;"
            f'vertical-align:-0.35rem;margin-right:0.25rem"></span>'
            f'<span aria-hidden="true" style="margin-right:0.5rem">{palette.LIGHT_SYMBOLS[row.light]}</span>'
            f'<span aria-hidden="true" style="display:inline-block;width:0.8rem;height:1.1rem;margin-right:0.5rem;'
            f'vertical-align:-0.15rem;background:{area}"></span>**{escape_markdown(name)}** — {" · ".join(parts)}',
            unsafe_allow_html=True,
        )


def changes_since(ctx, reports: pd.DataFrame, key: str) -> None:
    """A date (kept in the link under `key`, 30 days back by default) and what changed from it until today."""
    lang, measures = ctx.lang, shell.plan(ctx)
    since = st.date_input(
        t("measures.since", lang), ctx.today - dt.timedelta(days=30), format="DD.MM.YYYY", key=key, bind="query-params"
    )
    start = dt.datetime.combine(since, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(ctx.today, dt.time.max, tzinfo=dt.UTC)
    titles = dict(zip(measures["id"], in_language(measures, "title", lang), strict=True))
    changed = cached.plan_changes(reports, measures, start, end)
    show_measure_changes(ctx, changed, titles, format_date(since))
    st.caption(t("measures.source_reports", lang))


def show_measure_changes(ctx, changed: dict, titles: dict, since: str) -> None:
    """Status transitions, new comments and newly late measures since a date, as plain tables."""
    lang = ctx.lang
    if all(frame.empty for frame in changed.values()):
        st.caption(t("measures.changed_none", lang, date=since))
        return
    transitions, comments, late = changed["transitions"], changed["comments"], changed["became_late"]

    def status(key: str) -> str:
        return t(f"report_status.{key}", lang)

    tables = {
        "measures.transitions": {
            t("measures.col.title", lang): transitions["measure_id"].map(titles),
            t("pop.from", lang): transitions["from"].map(status),
            t("pop.to", lang): transitions["to"].map(status),
        },
        "measures.new_comments": {
            t("measures.col.title", lang): comments["measure_id"].map(titles),
            t("col.date", lang): comments["reported_at"].map(lambda v: format_date(v.date())),
            t("measures.comment", lang): comments["comment"],
        },
        "measures.became_late": {t("measures.col.title", lang): late["measure_id"].map(titles)},
    }
    for heading, columns in tables.items():
        frame = pd.DataFrame(columns)
        if not frame.empty:
            st.markdown(f"**{t(heading, lang)}**")
            st.dataframe(frame, hide_index=True, width="stretch")
