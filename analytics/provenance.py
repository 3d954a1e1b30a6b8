"""Source lines and source lists for charts and tables."""

from __future__ import annotations

import re

import pandas as pd

from analytics.i18n import in_language, t

SAFE_URL = re.compile(r"https?://[^\s()<>\"']+")


def source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """Source id -> its short name (its `short`, else its publisher); build it once for many look-ups."""
    return {
        source_id: short or publisher
        for source_id, short, publisher in zip(sources["id"], sources["short"], sources["publisher"], strict=True)
    }


def source_label(sources: pd.DataFrame, source_id: str) -> str:
    """The short name of a source (its `short`, else its publisher); an unknown id is itself."""
    return source_labels(sources).get(source_id, source_id)


def labels_of(sources: pd.DataFrame, source_ids: pd.Series) -> pd.Series:
    """The short name of each source id in a column (vectorised; an unknown id is itself)."""
    return source_ids.map(source_labels(sources)).fillna(source_ids)


def source_line(sources: pd.DataFrame, source_ids, lang: str = "nb") -> str:
    """ "Kilde: A; B" for the given ids, each short name once, in the order given."""
    known = source_labels(sources)
    labels = list(dict.fromkeys(known.get(i, i) for i in source_ids))
    word = t("sources" if len(labels) > 1 else "source", lang)
    return f"{word}: " + "; ".join(labels)


def safe_url(url: str) -> str:
    """The url if it is a plain http(s) address, else an empty string (nothing else becomes a link)."""
    return url if url and SAFE_URL.fullmatch(url) else ""


def dated_facts(facts: pd.DataFrame, sources: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """Facts (year, text_nb/en, source) as ("year: text", source label), dated ones first in year order."""
    ordered = facts.sort_values("year", na_position="last", kind="stable")
    texts = in_language(ordered, "text", lang)
    known = source_labels(sources)
    return [
        (f"{year}: {text}" if pd.notna(year) else text, known.get(source, source))
        for year, text, source in zip(ordered["year"], texts, ordered["source"], strict=True)
    ]
