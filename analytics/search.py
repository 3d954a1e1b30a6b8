"""Search across every organisation's records: cities, countries, networks, measures, målområder, sources, facts.

The index has one row per record, with the text it is found by (bokmål and English, without case or accents:
«krakow» finds Kraków) and the view and query parameters that open it at that record. Query parameters hold
what the view's bound widget shows (Streamlit 1.67 puts the formatted option in the URL): the organisation's
name, the city's or network's name, the measure's bokmål title.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from analytics.bundle import Bundle
from analytics.explore import folded
from analytics.i18n import LANGUAGES, t

KINDS = ("partner", "network", "measure", "goal_area", "country", "source", "partner_fact", "network_fact")
COLUMNS = ["org_id", "org_name", "kind", "title", "detail", "view", "params", "haystack"]


@dataclass(frozen=True)
class Organisation:
    """What the index is built from for one organisation: its id, name, bundle and population figures."""

    id: str
    name: str
    bundle: object
    population: pd.DataFrame


def _rows(org: Organisation, kind: str, titles, details, view: str, params, texts) -> list[dict]:
    """Index rows; `params` are the query parameters that open the record (the views' choosers' shown labels)."""
    return [
        {
            "org_id": org.id,
            "org_name": org.name,
            "kind": kind,
            "title": str(title),
            "detail": "" if pd.isna(detail) else str(detail),
            "view": view,
            "params": {"org": org.name, **param},
            "haystack": folded(" ".join(str(x) for x in text if isinstance(x, str) and x)),
        }
        for title, detail, param, text in zip(titles, details, params, texts, strict=True)
    ]


def _partner_rows(org: Organisation) -> list[dict]:
    p = org.bundle.partners
    texts = zip(p["name"], p["name_in_source"], p["country_nb"], p["country_en"], strict=True)
    params = [{"city": n} for n in p["name"]]
    return _rows(org, "partner", p["name"], p["country_nb"], "vennskapsbyer", params, texts)


def _fact_rows(org: Organisation, kind: str, facts: pd.DataFrame, owners: pd.DataFrame, link: tuple) -> list[dict]:
    """Index rows of facts about partners or networks, found by their text and opened at their owner's name;
    `link` is (the facts' column naming the owner, the view, its query parameter)."""
    owner_column, view, param = link
    names = facts[owner_column].map(dict(zip(owners["id"], owners["name"], strict=True)))
    texts = zip(facts["text_nb"], facts["text_en"], strict=True)
    return _rows(org, kind, names, facts["text_nb"], view, [{param: n} for n in names], texts)


def _partner_fact_rows(org: Organisation) -> list[dict]:
    link = ("partner_id", "vennskapsbyer", "city")
    return _fact_rows(org, "partner_fact", org.bundle.partner_facts, org.bundle.partners, link)


def _network_rows(org: Organisation) -> list[dict]:
    n = org.bundle.networks
    params = [{"network": name} for name in n["name"]]
    themes = [(t(f"theme.{theme}", "nb"), t(f"theme.{theme}", "en")) for theme in n["theme"]]  # own classification
    described = zip(n["name"], n["description_nb"], n["description_en"], strict=True)
    texts = [(*row, *theme) for row, theme in zip(described, themes, strict=True)]
    return _rows(org, "network", n["name"], n["description_nb"], "nettverk", params, texts)


def _network_fact_rows(org: Organisation) -> list[dict]:
    link = ("network_id", "nettverk", "network")
    return _fact_rows(org, "network_fact", org.bundle.network_facts, org.bundle.networks, link)


def _measure_rows(org: Organisation) -> list[dict]:
    m = org.bundle.measures
    params = [{"measure": title} for title in m["title_nb"]]  # the Tiltak view's chooser shows the bokmål title
    texts = zip(m["title_nb"], m["title_en"], m["description_nb"], m["responsible"], strict=True)
    return _rows(org, "measure", m["title_nb"], m["description_nb"], "tiltak", params, texts)


def _goal_area_rows(org: Organisation) -> list[dict]:
    g = org.bundle.goal_areas
    texts = zip(g["name_nb"], g["name_en"], g["goal"], g["main_strategy"], strict=True)
    return _rows(org, "goal_area", g["name_nb"], g["goal"], "", [{}] * len(g), texts)


def _country_rows(org: Organisation) -> list[dict]:
    named = org.population.dropna(subset=["country_name"])
    countries = named.drop_duplicates("country_name")
    texts = zip(countries["country_name"], countries["country_code"], strict=True)
    regions = countries["region_name"]
    return _rows(org, "country", countries["country_name"], regions, "befolkning", [{}] * len(countries), texts)


def _source_rows(org: Organisation, sources: pd.DataFrame) -> list[dict]:
    texts = zip(sources["title"], sources["publisher"], sources["short"], sources["note"], strict=True)
    return _rows(org, "source", sources["title"], sources["publisher"], "om-dataene", [{}] * len(sources), texts)


def cited(org: Organisation) -> set[str]:
    """Every source id the organisation's files name."""
    frames = [getattr(org.bundle, name) for name in FRAMES] + [org.population]
    return {s for frame in frames for c in frame.columns if c.endswith("source") for s in frame[c].dropna()}


FRAMES = tuple(f.name for f in fields(Bundle) if f.name != "organisation")  # every table of a bundle


def build_index(organisations: list[Organisation], sources: pd.DataFrame) -> pd.DataFrame:
    """One row per record of every organisation; a source once, under the first organisation that cites it."""
    rows, placed = [], set()
    for org in organisations:
        for rows_of in (_partner_rows, _network_rows, _measure_rows, _goal_area_rows, _country_rows):
            rows += rows_of(org)
        rows += _partner_fact_rows(org) + _network_fact_rows(org)
        own = sources[sources["id"].isin(cited(org) - placed)]
        rows += _source_rows(org, own)
        placed |= set(own["id"])
    if organisations:
        rows += _source_rows(organisations[0], sources[~sources["id"].isin(placed)])
    return pd.DataFrame(rows, columns=COLUMNS)


def search(index: pd.DataFrame, query: str, limit: int = 20) -> tuple[pd.DataFrame, int]:
    """(the first `limit` hits, the number of hits): records whose text holds every word of the query (case and
    accents ignored); records whose title matches come first, then by kind (cities before facts) and name."""
    words = folded(query).split()
    if not words or index.empty:
        return index.iloc[0:0], 0
    hits = index[index["haystack"].map(lambda text: all(w in text for w in words))]
    in_title = hits["title"].map(lambda title: all(w in folded(title) for w in words))
    order = pd.DataFrame(
        {"title_first": ~in_title, "kind": hits["kind"].map(KINDS.index), "name": hits["title"].map(folded)}
    )
    ranked = hits.loc[order.sort_values(["title_first", "kind", "name"], kind="stable").index]
    return ranked.head(limit), len(ranked)


def link_params(hit: pd.Series, lang: str) -> dict[str, str]:
    """The query parameters that open a hit's view at its record, in the reader's language."""
    params = dict(hit["params"])
    if lang != "nb":
        params["lang"] = LANGUAGES[lang]
    return params


def hit_label(hit: pd.Series, kind_label: str) -> str:
    """A hit as one line: «Kraków – Vennskapsby · Trondheim kommune»."""
    return f"{hit['title']} – {kind_label} · {hit['org_name']}"
