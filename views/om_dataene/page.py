"""Om dataene: every source, the bundle's data notes, conflicts between sources, and the files."""

import streamlit as st

from analytics import partners
from analytics.about import cited_sources, source_table, source_widths
from analytics.i18n import t
from ui import cached, shell, widgets
from views.om_dataene import blocks

# 1/ Data
ctx = shell.context()
lang, bundle = ctx.lang, ctx.bundle

# 2/ Sources
st.title(t("about.title", lang))
st.markdown(t("about.intro", lang))
st.header(t("about.sources", lang))
st.dataframe(
    source_table(ctx.sources, lang, cited_sources(bundle)),
    hide_index=True,
    width="stretch",
    height=widgets.full_height(ctx.sources),
    column_config={label: st.column_config.Column(width=width) for label, width in source_widths(lang).items()}
    | {
        t("col.url", lang): st.column_config.LinkColumn(
            t("col.url", lang), width=source_widths(lang)[t("col.url", lang)]
        )
    },
)

# 3/ Data notes
st.header(t("about.notes", lang))
blocks.data_notes(ctx)
st.text(t("about.outlines", lang))

# 4/ Conflicts
st.header(t("about.conflicts", lang))
conflicts = partners.year_conflicts(bundle.partners, bundle.partner_conflicts)
if conflicts.empty:
    st.caption(t("about.conflicts_none", lang))
else:
    st.dataframe(partners.conflict_table(conflicts, ctx.sources, lang), hide_index=True, width="stretch")

# 5/ Files
st.header(t("about.files", lang))
st.dataframe(cached.bundle_files(ctx.settings.data_dir, bundle.id, ctx.today, lang), hide_index=True, width="stretch")
