"""Nettverk's content as data: the coverage, counts, gaps and scope mix of one organisation's networks, one
network's profile, and the comparison with another organisation. Plain functions of the bundle (no Streamlit):
the page gets them through cached.derived, once per bundle, language and choice, instead of redoing the pandas
work on every rerun."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import networks as nw
from analytics.i18n import t


@dataclass(frozen=True)
class Overview:
    """Everything above the profile: the charts' tables and their text alternatives, the gaps, the full table."""

    labels: dict
    per_goal_area: pd.DataFrame
    fewest: pd.DataFrame
    sources_of_links: list[str]
    coverage: pd.DataFrame
    coverage_summary: str
    coverage_table: pd.DataFrame
    counts_summary: str
    counts_table: pd.DataFrame
    mix: pd.DataFrame
    scope_labels: dict
    scope_summary: str
    scope_table: pd.DataFrame
    unlinked: list[str]
    themes_not_covered: list[str]
    names: dict
    table: pd.DataFrame


def overview(bundle, lang: str) -> Overview:
    labels = nw.goal_labels(bundle.goal_areas, lang)
    per_goal_area = nw.networks_per_goal_area(bundle.network_goal_areas, bundle.goal_areas)
    per_goal_area["label"] = per_goal_area["number"].map(labels)
    coverage = nw.coverage_matrix(bundle.networks, bundle.network_goal_areas, bundle.goal_areas)
    mix = nw.scope_mix(bundle.networks, bundle.network_goal_areas, bundle.goal_areas)
    scope_labels = {scope: t(f"scope.{scope}", lang) for scope in mix["scope"].unique()}
    return Overview(
        labels=labels,
        per_goal_area=per_goal_area,
        fewest=nw.fewest_networks(per_goal_area),
        sources_of_links=[*bundle.network_goal_areas["source"]] or [*bundle.networks["source"]],
        coverage=coverage,
        coverage_summary=nw.coverage_summary(coverage, lang),
        coverage_table=nw.coverage_table(coverage, labels, lang),
        counts_summary=nw.counts_summary(per_goal_area, labels, lang),
        counts_table=nw.counts_table(per_goal_area, labels, lang),
        mix=mix,
        scope_labels=scope_labels,
        scope_summary=nw.scope_summary(mix, scope_labels, lang),
        scope_table=nw.scope_table(mix, labels, scope_labels, lang),
        unlinked=list(nw.networks_without_goal_area(bundle.networks, bundle.network_goal_areas)["name"]),
        themes_not_covered=[t(f"theme.{theme}", lang) for theme in nw.themes_not_covered(bundle.networks)],
        names=dict(zip(bundle.networks["id"], bundle.networks["name"], strict=True)),
        table=nw.network_table(bundle.networks, bundle.network_goal_areas, bundle.goal_areas, lang),
    )


def profile(bundle, sources: pd.DataFrame, network_id: str, lang: str):
    """(network_profile, its sources as rows of sources.yml)."""
    found = nw.network_profile(bundle, sources, network_id, lang)
    return found, sources.set_index("id").loc[found.source_ids]


@dataclass(frozen=True)
class Comparison:
    summary: str
    table: pd.DataFrame
    widths: dict


def comparison(first, second, lang: str) -> Comparison:
    """The first organisation's networks against the second's, by theme."""
    a, b = first.organisation["name"], second.organisation["name"]
    compared = nw.compare_by_theme(first.networks, second.networks)
    return Comparison(
        nw.comparison_summary(compared, a, b, lang),
        nw.comparison_table(compared, a, b, lang),
        nw.comparison_widths(a, b, lang),
    )
