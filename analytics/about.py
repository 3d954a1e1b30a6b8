"""Tables for the "Om dataene" view: sources and the files of a bundle."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd

from analytics import population
from analytics.bundle import OUTLINES, Bundle, source_ids_in
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.provenance import safe_url, source_texts

# Every CSV file a bundle may hold: the frames of the Bundle (all its fields but the organisation).
BUNDLE_FRAMES = tuple(f.name for f in fields(Bundle) if f.name != "organisation")


def cited_sources(bundle: Bundle) -> list[str]:
    """The source ids the bundle cites, in the order first met: every `source` / `*_source` column of its
    CSV files (not `name_in_source`, a place name) and every `source` / `*_source` value in organisation.yml."""
    found: list[str] = []

    def add(value) -> None:
        if isinstance(value, str) and value and value not in found:
            found.append(value)

    for value in source_ids_in(bundle.organisation):
        add(value)
    for name in BUNDLE_FRAMES:
        frame = getattr(bundle, name)
        if not isinstance(frame, pd.DataFrame):
            continue
        for column in frame.columns:
            if column == "source" or (str(column).endswith("_source") and column != "name_in_source"):
                for value in frame[column].dropna():
                    add(value)
    return found


def sources_in_order(sources: pd.DataFrame, cited: list[str]) -> pd.DataFrame:
    """The sources the chosen organisation cites first (in `cited` order), then the rest in file order."""
    rank = {source_id: i for i, source_id in enumerate(cited)}
    position = sources["id"].map(rank).fillna(len(rank))
    return sources.iloc[position.argsort(kind="stable")]


def source_table(sources: pd.DataFrame, lang: str, cited: list[str] | tuple = ()) -> pd.DataFrame:
    """One row per source with labelled columns, what a reader looks for first (title, publisher, date, licence)
    on the left and the technical id last; the sources in `cited` come first. Only plain http(s) addresses
    become links."""
    sources = sources_in_order(sources, list(cited))
    return pd.DataFrame(
        {
            t("col.title", lang): source_texts(sources, "title", lang),
            t("col.publisher", lang): source_texts(sources, "publisher", lang),
            t("col.date", lang): sources["date"].map(format_date),
            t("col.licence", lang): sources["licence"],
            t("col.url", lang): sources["url"].map(safe_url),
            t("col.note", lang): sources["note"],
            t("col.id", lang): sources["id"],
        }
    )


def source_widths(lang: str) -> dict[str, int]:
    """Pixel widths for source_table: title, publisher, date and licence fit beside the sidebar at 1400 px; long
    titles and notes are cut, the whole text on hover."""
    return {
        t("col.title", lang): 330,
        t("col.publisher", lang): 170,
        t("col.date", lang): 95,
        t("col.licence", lang): 130,
        t("col.url", lang): 170,
        t("col.note", lang): 220,
        t("col.id", lang): 140,
    }


def bundle_files(bundle: Bundle, sources: pd.DataFrame, outlines: dict, data_dir: Path, lang: str) -> pd.DataFrame:
    """One row per data file of the bundle with its number of rows (a missing file shows as missing)."""
    rows = [{"file": f"{bundle.id}/organisation.yml", "rows": 1}]
    for name in BUNDLE_FRAMES:
        path = data_dir / bundle.id / f"{name}.csv"
        rows.append(
            {
                "file": f"{bundle.id}/{name}.csv",
                "rows": len(getattr(bundle, name)) if path.exists() else None,
            }
        )
    snapshot = data_dir / bundle.id / population.FILE
    lines = snapshot.read_text(encoding="utf-8-sig").strip().splitlines() if snapshot.exists() else None
    rows.append({"file": f"{bundle.id}/{population.FILE}", "rows": len(lines) - 1 if lines else None})
    rows += [{"file": "sources.yml", "rows": len(sources)}, {"file": str(OUTLINES), "rows": len(outlines["features"])}]
    frame = pd.DataFrame(rows)
    frame["rows"] = frame["rows"].map(lambda n: "–" if n is None or pd.isna(n) else str(int(n)))
    return frame.rename(columns={"file": t("col.file", lang), "rows": t("col.rows", lang)})
