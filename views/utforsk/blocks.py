"""The blocks of the Utforsk view: the table chooser, facets, the rows, the table builder, downloads and SQL.

Every choice is a widget bound to the URL (`bind="query-params"`), keyed by the table, so that a link reopens
exactly that table, filter and grouping. Data values are shown in st.dataframe or as escaped text, never markup.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from analytics import explore, slides, sql
from analytics.exports import csv_for_excel
from analytics.formatting import escape_markdown, format_int
from analytics.i18n import t
from analytics.provenance import source_line
from ui import cached, shell

FACET_VALUES_SHOWN = 8
# Up to this many rows the numbers are formatted on the server in Norwegian («29 539», «15,3»); pandas' Styler
# costs ~0.1 ms a row, so a longer table leaves them to the browser, in the reader's browser language.
STYLED_ROWS = 500
# The grid and its downloads hold at most this many rows of a selection (a national table has over a million;
# sending them all would take seconds on every rerun, and Excel takes at most 1 048 576 rows).
ROWS_SHOWN = 10_000


def choose_table(ctx, inputs: tuple) -> str:
    """The table chooser, opening on the first table the organisation has rows in; returns the table's id."""
    first = explore.first_table_with_rows(ctx.bundle, inputs[1])
    return st.selectbox(
        t("explore.table", ctx.lang),
        explore.TABLES,
        index=explore.TABLES.index(first),
        format_func=lambda name: t(f"explore.t.{name}", ctx.lang),
        key="table",
        bind="query-params",
    )


def table_inputs(ctx) -> tuple:
    """What the tables are built from, read once per rerun: (reports, the effective plan's measure table, the
    plan's cache key)."""
    reports = shell.reports(ctx)
    measures = shell.measure_table(ctx, reports)  # the effective plan (drafts only for a signed-in user)
    return reports, measures, shell.plan(ctx).attrs.get("plan_key")


def table_of(ctx, inputs: tuple, name: str) -> explore.Table:
    """The chosen organisation's table `name` in the reader's language (cached)."""
    reports, measures, plan_key = inputs
    settings = ctx.settings
    return cached.explore_table(
        reports, measures, plan_key, settings.data_dir, settings.state_dir, ctx.bundle.id, ctx.today, ctx.lang, name
    )


def facets(ctx, table: explore.Table) -> tuple[dict, dict, str]:
    """The facets: a text filter, a multiselect per category column with its values' counts among the rows the
    other choices leave, and a range per number column. Returns (chosen values, narrowed ranges, text)."""
    lang, name = ctx.lang, table.name
    st.subheader(t("explore.facets", lang), anchor=False)
    text = st.text_input(
        t("explore.text_filter", lang),
        key=f"text_{name}",
        bind="query-params",
        help=t("explore.text_filter_help", lang),
    )
    chosen, ranges = {}, {}
    for column in table.categories:
        values = table.facet_values(column)
        if not values:
            continue
        chosen[column] = st.multiselect(
            table.labels[column],
            values,
            key=f"facet_{name}_{column}",
            bind="query-params",
            placeholder=t("explore.choose", lang),
        )
    for column in table.numbers:
        found = table.range_of(column)
        if found is None:
            continue
        low, high, whole = found
        low, high = (int(low), int(high)) if whole else (float(low), float(high))
        picked = st.slider(
            table.labels[column], low, high, (low, high), key=f"range_{name}_{column}", bind="query-params"
        )
        if tuple(picked) != (low, high):  # only a narrowed range filters (it also drops rows without a value)
            ranges[column] = tuple(picked)
    return chosen, ranges, text


def facet_counts_caption(table: explore.Table, rows: pd.DataFrame, lang: str) -> None:
    """Under the rows: for each category column, its values' counts among the rows shown (data text escaped)."""
    for column in table.categories:
        counts = table.counts_among(rows, column).head(FACET_VALUES_SHOWN)
        if counts.empty:
            continue
        listed = " · ".join(
            f"{value} {format_int(n)}" for value, n in zip(counts["value"], counts["count"], strict=True)
        )
        st.caption(escape_markdown(f"{table.labels[column]}: {listed}"))


def rows_table(ctx, table: explore.Table, rows: pd.DataFrame) -> None:
    """The rows the choices leave, their count, facet counts, source line and downloads."""
    lang = ctx.lang
    st.markdown(t("explore.rows", lang, shown=format_int(len(rows)), total=format_int(len(table.frame))))
    if rows.empty:
        st.info(t("explore.no_rows", lang))
        return
    shown = table.shown(rows.head(ROWS_SHOWN))
    if len(rows) > ROWS_SHOWN:
        st.caption(t("explore.rows_capped", lang, shown=format_int(ROWS_SHOWN)))
    plain = {table.labels[c] for c in rows.columns if explore.is_year_like(c)}
    data_table(shown, plain, lang, precise={table.labels[c] for c in explore.COORDINATES if c in rows})
    facet_counts_caption(table, rows, lang)
    source_ids = explore.sources_of(table, rows)
    st.caption(source_caption(ctx, source_ids, explore.data_date(table, rows, ctx.sources, source_ids, lang)))
    if table.inferred:
        st.caption(t("explore.inferred", lang))
    downloads(ctx, shown, source_ids, f"{ctx.bundle.id}-{table.name}", key=f"rows_{table.name}")


def data_table(frame: pd.DataFrame, plain: set, lang: str, fixed_height: bool = True, precise=frozenset()) -> None:
    """A dataframe whose numbers read as Norwegian numbers in bokmål («29 539», «15,3»; years in `plain` as
    written; coordinates in `precise` with four decimals) and still sort as numbers."""
    formats = explore.number_formats(frame, plain, precise)
    height = min(len(frame) + 1, 15) * 35 + 3 if fixed_height else "auto"
    if lang == "nb" and formats and len(frame) <= STYLED_ROWS:
        st.dataframe(frame.style.format(formats, na_rep=""), hide_index=True, width="stretch", height=height)
        return
    localized = {column: st.column_config.NumberColumn(format="localized") for column in formats}
    st.dataframe(frame, hide_index=True, width="stretch", height=height, column_config=localized)


def source_caption(ctx, source_ids: list[str], as_of: str) -> str:
    """The source line of the rows with the data's own date; status reports are named as such (they are not in
    sources.yml)."""
    named = [t(s, ctx.lang) if s == explore.REPORT_SOURCE else s for s in source_ids]
    return escape_markdown(slides.dated_source_line(source_line(ctx.sources, named, ctx.lang), as_of)) if named else ""


def downloads(ctx, shown: pd.DataFrame, source_ids: list[str], stem: str, key: str) -> None:
    """CSV and Excel of exactly `shown`; the Excel file has the sources on a second sheet."""
    lang = ctx.lang
    csv_column, excel_column = st.container(key=f"{key}_downloads").columns(2)
    csv_column.download_button(
        t("download_csv", lang),
        lambda: csv_for_excel(shown),  # built only when someone downloads
        file_name=f"{stem}.csv",
        mime="text/csv",
        help=t("csv_hint", lang),
        key=f"{key}_csv",
        icon=":material/download:",
        on_click="ignore",  # no rerun: the page stays as it is
    )
    excel_column.download_button(
        t("explore.download_xlsx", lang),
        lambda: explore.excel_file(shown, explore.source_sheet(ctx.sources, source_ids, lang), lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help=t("explore.xlsx_hint", lang),
        key=f"{key}_xlsx",
        icon=":material/download:",
        on_click="ignore",
    )


def builder(ctx, table: explore.Table, rows: pd.DataFrame) -> None:
    """The table builder: group the rows by one or two columns, an aggregate, a chart that fits, downloads."""
    lang = ctx.lang
    st.header(t("explore.builder", lang), anchor=False)
    by, aggregate, value = grouping_choices(ctx, table)
    if not table.numbers:
        st.caption(t("explore.no_numbers", lang))
    if not by or rows.empty:
        return
    result_label = t(f"explore.agg.{aggregate}", lang) + (f": {table.labels[value]}" if value else "")
    usable = explore.aggregable(table, rows, by, aggregate)
    if usable.mixed:
        columns = " / ".join(table.labels[c].lower() for c in usable.mixed)
        st.warning(t("explore.mixed", lang, aggregate=result_label, columns=columns), icon=":material/block:")
        return
    if usable.totals_left_out:
        part = table.labels[table.parts_of_total]
        st.info(t("explore.totals_left_out", lang, part=part, part_lower=part.lower()), icon=":material/info:")
    result = explore.grouped(usable.rows, by, aggregate, value, table.year)
    labels = {**table.labels, "result": result_label}
    result_chart(ctx, table, result, by, labels)
    st.markdown(escape_markdown(explore.group_summary(result, by, lang, explore.norwegian_number)))
    shown = result.rename(columns=labels)
    data_table(shown, {labels[c] for c in by if explore.is_year_like(c)}, lang)
    source_ids = explore.sources_of(table, usable.rows)
    st.caption(source_caption(ctx, source_ids, explore.data_date(table, usable.rows, ctx.sources, source_ids, lang)))
    downloads(ctx, shown, source_ids, f"{ctx.bundle.id}-{table.name}-gruppert", key=f"result_{table.name}")


def grouping_choices(ctx, table: explore.Table) -> tuple[list[str], str, str | None]:
    """The builder's choices: (grouping columns, none if not chosen; aggregate; the number column it uses)."""
    lang, name = ctx.lang, table.name
    groupable = [*table.categories, *([table.year] if table.year else [])]
    none = t("explore.none", lang)

    def label(column):
        return table.labels.get(column, none) if column else none

    by_column, then_column, agg_column, value_column = st.columns(4)
    first = by_column.selectbox(
        t("explore.group_by", lang), ["", *groupable], format_func=label, key=f"by_{name}", bind="query-params"
    )
    second = then_column.selectbox(
        t("explore.then_by", lang),
        ["", *(c for c in groupable if c != first)],
        format_func=label,
        key=f"then_{name}",
        bind="query-params",
        disabled=not first,
    )
    aggregate = agg_column.selectbox(
        t("explore.aggregate", lang),
        explore.AGGREGATES if table.numbers else ("count",),
        format_func=lambda a: t(f"explore.agg.{a}", lang),
        key=f"agg_{name}",
        bind="query-params",
    )
    value = None
    if aggregate != "count":
        value = value_column.selectbox(
            t("explore.value", lang), table.numbers, format_func=label, key=f"of_{name}", bind="query-params"
        )
    by = [first, *([second] if second else [])] if first else []
    return by, aggregate, value


def result_chart(ctx, table: explore.Table, result: pd.DataFrame, by: list[str], labels: dict) -> None:
    """The chart that fits the result: lines over years, the map for a place (city or country), else bars."""
    lang = ctx.lang
    title = t("explore.chart_title", lang, aggregate=labels["result"], by=" · ".join(table.labels[c] for c in by))
    kind = explore.chart_kind(by, table.year, table.places)
    if kind != "map":
        figure = cached.figure(explore.result_figure, result, by, kind, labels, title)
        st.plotly_chart(figure, width="stretch", key=f"chart_{table.name}")
        return
    folder = ctx.settings.data_dir
    points = explore.place_points(result, by[0], table.places[by[0]], cached.country_centres(folder))
    shown = [explore.norwegian_number(v) for v in points["result"]]
    figure = cached.explore_place_map(folder, points, shown, title)
    st.plotly_chart(figure, width="stretch", key=f"map_{table.name}")
    off_map = [str(n) for n in result[by[0]] if n not in set(points["name"])]
    if off_map:
        st.caption(escape_markdown(t("explore.off_map", lang, names=", ".join(off_map))))


def sql_box(ctx, inputs: tuple) -> None:
    """Read-only SQL over every table of the organisation (DuckDB, locked down); the result with downloads."""
    lang = ctx.lang
    st.header(t("sql.header", lang), anchor=False)
    st.markdown(
        t(
            "sql.intro",
            lang,
            tables=", ".join(f"`{name}`" for name in explore.TABLES),
            rows=format_int(sql.ROW_LIMIT),
            seconds=format_int(sql.SECONDS),
        )
    )
    query = st.text_area(t("sql.query", lang), key="sql", bind="query-params", height=110)
    if not query.strip():
        return
    tables = {name: table_of(ctx, inputs, name) for name in explore.TABLES}  # only when there is a query
    try:
        result = sql.run(query, {name: table.frame for name, table in tables.items()}, lang)
    except sql.QueryRefused as refused:
        st.error(escape_markdown(str(refused)), icon=":material/block:")
        return
    if result.truncated:
        st.warning(t("sql.truncated", lang, rows=format_int(sql.ROW_LIMIT)))
    st.markdown(t("sql.rows", lang, n=format_int(len(result.frame))))
    data_table(result.frame, {c for c in result.frame.columns if explore.is_year_like(c)}, lang, fixed_height=False)
    used = [name for name in tables if re.search(rf"\b{name}\b", query)]
    source_ids = list(dict.fromkeys(s for name in used for s in explore.source_ids_in(tables[name].sources)))
    ids = [s for s in source_ids if s != explore.REPORT_SOURCE]
    st.caption(source_caption(ctx, source_ids, slides.sources_dated(ctx.sources, ids, lang) if ids else ""))
    downloads(ctx, result.frame, source_ids, f"{ctx.bundle.id}-sql", key="sql_result")
