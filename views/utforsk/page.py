"""Utforsk: every table of the chosen organisation with facets, a table builder, downloads and read-only SQL."""

import streamlit as st

from analytics import explore
from analytics.formatting import escape_markdown
from analytics.i18n import t
from ui import shell
from views.utforsk import blocks

# 1/ Data: the chosen table
ctx = shell.context()
lang = ctx.lang
st.title(t("explore.title", lang))
st.markdown(t("explore.intro", lang))
inputs = blocks.table_inputs(ctx)
name = blocks.choose_table(ctx, inputs)
table = blocks.table_of(ctx, inputs, name)

# 2/ Facets beside the rows they leave
if table.frame.empty:
    st.info(t("explore.empty_table", lang, org=escape_markdown(ctx.bundle.organisation["name"])))
else:
    facets_column, rows_column = st.columns([1, 3], gap="medium")
    with facets_column:
        chosen, ranges, text = blocks.facets(ctx, table)
    rows = explore.filtered(table, chosen, ranges, text)
    with rows_column:
        blocks.rows_table(ctx, table, rows)

    # 3/ Table builder: grouping, aggregate, chart, downloads
    blocks.builder(ctx, table, rows)

# 4/ SQL for analysts
blocks.sql_box(ctx, inputs)
