"""Tables for the "Om dataene" view: sources and the files of a bundle."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd

from analytics import population
from analytics.bundle import OUTLINES, Bundle
from analytics.formatting import format_date
from analytics.i18n import t
from analytics.provenance import safe_url, source_texts

# Every CSV file a bundle may hold: the frames of the Bundle (all its fields but the organisation).
BUNDLE_FRAMES = tuple(f.name for f in fields(Bundle) if f.name != "organisation")


def source_table(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per source with labelled columns; only plain http(s) addresses become links."""
    return pd.DataFrame(
        {
            t("col.id", lang): sources["id"],
            t("col.publisher", lang): source_texts(sources, "publisher", lang),
            t("col.title", lang): source_texts(sources, "title", lang),
            t("col.url", lang): sources["url"].map(safe_url),
            t("col.date", lang): sources["date"].map(format_date),
            t("col.licence", lang): sources["licence"],
            t("col.note", lang): sources["note"],
        }
    )


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
