"""Pure analysis of partner cities: who is active when, counts over time, arcs, profiles."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics import palette
from analytics.bundle import AGREEMENT_TYPES, OWN
from analytics.formatting import format_int
from analytics.i18n import in_language, t
from analytics.provenance import dated_facts, labels_of, source_labels


def partners_active_in(partners: pd.DataFrame, year: int) -> pd.DataFrame:
    """The partners whose agreement began in or before `year`."""
    return partners[partners["since_year"] <= year].reset_index(drop=True)


def partner_counts_by_year(partners: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """One row per year and agreement type: the number of partnerships begun by that year."""
    years = pd.RangeIndex(first, last + 1, name="year")
    begun = partners.groupby(["since_year", "agreement_type"]).size().unstack(fill_value=0)
    begun = begun.reindex(columns=list(AGREEMENT_TYPES), fill_value=0)
    before = begun[begun.index < first].sum()
    counts = begun.reindex(years, fill_value=0).cumsum() + before
    return counts.reset_index().melt(id_vars="year", var_name="agreement_type", value_name="count")


def arcs_from_home(partners: pd.DataFrame, home: dict) -> pd.DataFrame:
    """One row per partner: its id, type, status and the arc's source and target [lon, lat]."""
    frame = partners[["id", "name", "agreement_type", "status", "lon", "lat"]].copy()
    frame["source_position"] = [[home["lon"], home["lat"]]] * len(frame)
    frame["target_position"] = frame[["lon", "lat"]].values.tolist()
    return frame.drop(columns=["lon", "lat"]).reset_index(drop=True)


def facts_for(facts: pd.DataFrame, partner_id: str) -> pd.DataFrame:
    """The facts about one partner, dated ones first in year order."""
    rows = facts[facts["partner_id"] == partner_id]
    return rows.sort_values("year", na_position="last", kind="stable").reset_index(drop=True)


def activity_areas_of(facts: pd.DataFrame, partner_id: str) -> list[str]:
    """The distinct activity areas named in the facts about one partner, in first-seen order."""
    areas = facts_for(facts, partner_id)["area"].dropna()
    return list(dict.fromkeys(areas))


def year_conflicts(partners: pd.DataFrame, conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per disputed start year: partner, the year used and its source, the other year and its source."""
    other = conflicts[conflicts["field"] == "since_year"].rename(
        columns={"value": "other_year", "source": "other_source"}
    )
    used = partners[["id", "name", "since_year", "since_source"]]
    merged = used.merge(other, left_on="id", right_on="partner_id")
    columns = [
        "id",
        "name",
        "since_year",
        "since_source",
        "other_year",
        "other_source",
        "note_nb",
        "note_en",
    ]
    return merged[columns].reset_index(drop=True)


def sources_of(partners: pd.DataFrame, facts: pd.DataFrame, conflicts: pd.DataFrame, partner_id: str) -> list[str]:
    """Every source id behind one partner's record, facts and conflicts, without repeats."""
    row = partners[partners["id"] == partner_id]
    ids = row[["source", "since_source", "status_source", "coord_source"]].to_numpy().ravel().tolist()
    ids += facts.loc[facts["partner_id"] == partner_id, "source"].tolist()
    ids += conflicts.loc[conflicts["partner_id"] == partner_id, "source"].tolist()
    return list(dict.fromkeys(ids))


def country_in(partners: pd.DataFrame, lang: str) -> pd.Series:
    """The partners' country names in `lang` (bokmål where no English name is given)."""
    return in_language(partners, "country", lang)


def status_text(status: str, status_source: str, lang: str) -> str:
    """The status in `lang`, marked as the dashboard's own inference where no source states it."""
    label = t(f"partner_status.{status}", lang)
    return t("own.inferred", lang, value=label) if status_source == OWN else label


def partner_tooltips(partners: pd.DataFrame, lang: str) -> pd.Series:
    """One plain-text tooltip per partner: city, country, type, since-year, status."""
    countries = country_in(partners, lang)
    texts = [
        t(
            "partners.tooltip",
            lang,
            name=row.name,
            country=country,
            type=t(f"type.{row.agreement_type}", lang),
            year=row.since_year,
            status=status_text(row.status, row.status_source, lang),
        )
        for row, country in zip(partners.itertuples(), countries, strict=True)
    ]
    return pd.Series(texts, index=partners.index, dtype=object)


def partner_table(partners: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The partners as a table for people: labelled columns in `lang`, one row per city."""
    return pd.DataFrame(
        {
            t("col.name", lang): partners["name"],
            t("col.country", lang): country_in(partners, lang),
            t("col.type", lang): partners["agreement_type"].map(lambda v: t(f"type.{v}", lang)),
            t("col.since", lang): partners["since_year"],
            t("col.status", lang): [
                status_text(s, source, lang)
                for s, source in zip(partners["status"], partners["status_source"], strict=True)
            ],
            t("col.nordic", lang): partners["nordic_platform"].map(lambda v: t("yes" if v else "no", lang)),
            t("col.sources", lang): _source_names(partners, sources, lang),
        }
    ).reset_index(drop=True)


def _source_names(partners: pd.DataFrame, sources: pd.DataFrame, lang: str = "nb") -> list[str]:
    """Per partner: the short names of its sources (record, since-year, status, coordinates), each once."""
    known = source_labels(sources, lang)
    ids = partners[["source", "since_source", "status_source", "coord_source"]].to_numpy().tolist()
    return ["; ".join(dict.fromkeys(known.get(s, s) for s in row)) for row in ids]


def counts_summary(partners: pd.DataFrame, lang: str) -> str:
    """A one-sentence text alternative to the chart of agreements over time."""
    per_year = partners.groupby("since_year").size()
    return t(
        "partners.chart_summary",
        lang,
        first=int(per_year.index.min()),
        peak_n=int(per_year.max()),
        peak_year=int(per_year.idxmax()),
        total=len(partners),
        last=int(per_year.index.max()),
    )


def counts_table(counts: pd.DataFrame, type_labels: dict, lang: str) -> pd.DataFrame:
    """The agreements over time as a table for people: one row per year in which a count changes, one column per
    agreement type that occurs (in the chart's order) and the total."""
    wide = counts.pivot(index="year", columns="agreement_type", values="count")
    wide = wide[[key for key in dict.fromkeys(counts["agreement_type"]) if wide[key].any()]]
    changed = wide.diff().fillna(wide).ne(0).any(axis=1)  # the first year counts as a change from nothing
    wide = wide[changed]
    table = pd.DataFrame({t("partners.year", lang): [str(year) for year in wide.index]})
    for key in wide.columns:
        table[type_labels[key]] = [format_int(n) for n in wide[key]]
    table[t("col.total", lang)] = [format_int(n) for n in wide.sum(axis=1)]
    return table


def conflict_table(conflicts: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The disputed start years as a table for people, in `lang`."""
    notes = in_language(conflicts, "note", lang)
    return pd.DataFrame(
        {
            t("col.name", lang): conflicts["name"],
            t("col.used_year", lang): conflicts["since_year"],
            t("source", lang): labels_of(sources, conflicts["since_source"], lang),
            t("col.other_year", lang): conflicts["other_year"],
            t("col.other_source", lang): labels_of(sources, conflicts["other_source"], lang),
            t("col.note", lang): notes,
        }
    )


@dataclass(frozen=True)
class Profile:
    """What the profile of one partner says, in one language, every text with its source label."""

    title: str
    since: int
    type_label: str
    status_label: str  # marked where the status is the dashboard's inference: "aktiv (egen slutning)"
    status_metric: tuple[str, str]  # (label, value) for a narrow card: the mark in the label, "Status (egen slutning)"
    since_note: str
    nordic_platform: str
    conflicts: list[str]
    areas: list[str]
    facts: list[tuple[str, str]]
    sources: pd.DataFrame


def profile_of(bundle, sources: pd.DataFrame, partner_id: str, lang: str) -> Profile:
    """The profile of one partner: record, conflicting start years, activity areas, facts and sources."""
    partner = bundle.partners[bundle.partners["id"] == partner_id]
    row = partner.iloc[0]
    conflicts = year_conflicts(partner, bundle.partner_conflicts)
    facts = facts_for(bundle.partner_facts, partner_id)
    known = source_labels(sources, lang)
    return Profile(
        title=f"{row['name']} – {country_in(partner, lang).iloc[0]}",
        since=int(row["since_year"]),
        type_label=t(f"type.{row['agreement_type']}", lang),
        status_label=status_text(row["status"], row["status_source"], lang),
        status_metric=(
            t("own.inferred", lang, value=t("partners.status", lang))
            if row["status_source"] == OWN
            else t("partners.status", lang),
            t(f"partner_status.{row['status']}", lang),
        ),
        since_note=str(in_language(row, "since_note", lang) or "") if "since_note_nb" in row else "",
        nordic_platform=t("yes" if row["nordic_platform"] else "no", lang),
        conflicts=[
            t(
                "partners.conflict",
                lang,
                used=c.since_year,
                used_source=known.get(c.since_source, c.since_source),
                other=c.other_year,
                other_source=known.get(c.other_source, c.other_source),
                note=note,
            )
            for c, note in zip(conflicts.itertuples(), in_language(conflicts, "note", lang), strict=True)
        ],
        areas=[t(f"area.{area}", lang) for area in activity_areas_of(bundle.partner_facts, partner_id)],
        facts=dated_facts(facts, sources, lang),
        sources=sources.set_index("id").loc[
            sources_of(bundle.partners, bundle.partner_facts, bundle.partner_conflicts, partner_id)
        ],
    )


def legend_entries(partners: pd.DataFrame) -> tuple[list[str], bool]:
    """The agreement types the organisation has (in the palette's order) and whether any relation is dormant: the
    map legend lists only these."""
    present = set(partners["agreement_type"])
    types = [key for key in palette.AGREEMENT_COLOURS if key in present]
    return types, bool(partners["status"].eq("hvilende").any())
