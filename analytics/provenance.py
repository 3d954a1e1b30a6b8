"""Source lines and source lists for charts and tables."""

from __future__ import annotations

import re

import pandas as pd

from analytics.i18n import in_language, t

SAFE_URL = re.compile(r"https?://[^\s()<>\"']+")


def source_label(sources: pd.DataFrame, source_id: str) -> str:
    """The short name of a source (its `short`, else its publisher)."""
    row = sources[sources["id"] == source_id]
    if row.empty:
        return source_id
    return row["short"].iloc[0] or row["publisher"].iloc[0]


def source_line(sources: pd.DataFrame, source_ids, lang: str = "nb") -> str:
    """ "Kilde: A; B" for the given ids, each short name once, in the order given."""
    labels = list(dict.fromkeys(source_label(sources, i) for i in source_ids))
    word = t("sources" if len(labels) > 1 else "source", lang)
    return f"{word}: " + "; ".join(labels)


def safe_url(url: str) -> str:
    """The url if it is a plain http(s) address, else an empty string (nothing else becomes a link)."""
    return url if url and SAFE_URL.fullmatch(url) else ""


def dated_facts(facts: pd.DataFrame, sources: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """Facts (year, text_nb/en, source) as ("year: text", source label), dated ones first in year order."""
    ordered = facts.sort_values("year", na_position="last", kind="stable")
    texts = in_language(ordered, "text", lang)
    return [
        (f"{year}: {text}" if pd.notna(year) else text, source_label(sources, source))
        for year, text, source in zip(ordered["year"], texts, ordered["source"], strict=True)
    ]
