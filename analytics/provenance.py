"""Source lines and source lists for charts and tables."""

from __future__ import annotations

import re

import pandas as pd

from analytics.bundle import source_ids_in
from analytics.i18n import in_language, t

SAFE_URL = re.compile(r"https?://[^\s()<>\"']+")


def source_labels(sources: pd.DataFrame, lang: str = "nb") -> dict[str, str]:
    """Source id -> its short name (its `short`, in English its `short_en` where given, else its publisher)."""
    english = sources["short_en"] if lang == "en" and "short_en" in sources else [""] * len(sources)
    return {
        source_id: english_short or short or publisher
        for source_id, short, english_short, publisher in zip(
            sources["id"], sources["short"], english, sources["publisher"], strict=True
        )
    }


def source_texts(sources: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """A column of sources.yml (title, publisher) in `lang`: its `{column}_en` in English where given."""
    english = sources.get(f"{column}_en")
    if lang != "en" or english is None:
        return sources[column]
    return english.where(english.astype(bool), sources[column])


def source_label(sources: pd.DataFrame, source_id: str, lang: str = "nb") -> str:
    """The short name of a source (its `short`, else its publisher); an unknown id is itself."""
    return source_labels(sources, lang).get(source_id, source_id)


def labels_of(sources: pd.DataFrame, source_ids: pd.Series, lang: str = "nb") -> pd.Series:
    """The short name of each source id in a column (vectorised; an unknown id is itself)."""
    return source_ids.map(source_labels(sources, lang)).fillna(source_ids)


def source_line(sources: pd.DataFrame, source_ids, lang: str = "nb") -> str:
    """ "Kilde: A; B" for the given ids, each short name once, in the order given."""
    known = source_labels(sources, lang)
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
    known = source_labels(sources, lang)
    return [
        (f"{year}: {text}" if pd.notna(year) else text, known.get(source, source))
        for year, text, source in zip(ordered["year"], texts, ordered["source"], strict=True)
    ]


# Sources the app cites for what it ships beside the bundles: the country outlines of every map
# (data/shared/countries-110m.geojson) and the table the SSB refresh fetches.
SHARED_SOURCE_IDS = ("natural-earth-110m", "ssb-09817")


def cited_source_ids(bundle, population: pd.DataFrame) -> set[str]:
    """Every source id a bundle cites: each `source`/`…_source` column of its files, every `source` key in its
    organisation.yml, and the `source` column of its population figures."""
    cited = set(source_ids_in(bundle.organisation))
    for frame in (
        bundle.goal_areas,
        bundle.partners,
        bundle.partner_facts,
        bundle.partner_conflicts,
        bundle.networks,
        bundle.network_goal_areas,
        bundle.network_facts,
        bundle.measures,
        population,
    ):
        for column in frame.columns:
            if column == "source" or column.endswith("_source"):
                cited |= {str(value) for value in frame[column].dropna()}
    return cited


def uncited_sources(sources: pd.DataFrame, cited: set[str]) -> list[str]:
    """The ids defined in sources.yml that nothing cites, in the file's order (a source nobody cites is either a
    citation that went missing or an entry to remove)."""
    return [source_id for source_id in sources["id"] if source_id not in cited and source_id not in SHARED_SOURCE_IDS]
