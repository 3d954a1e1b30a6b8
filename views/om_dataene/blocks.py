"""Om dataene's own blocks: the bundle's data notes."""

from __future__ import annotations

import streamlit as st

from analytics.i18n import in_language, t
from analytics.provenance import source_label


def data_notes(ctx) -> None:
    """The organisation's data notes as plain text, each with its source."""
    for note in ctx.bundle.organisation.get("notes", []):
        text = in_language(note, "text", ctx.lang)
        st.text(f"{text}\n({t('source', ctx.lang)}: {source_label(ctx.sources, note['source'], ctx.lang)})")
