"""Report statuses, a status report and the database's errors: what the views and summaries need of
analytics.store without loading sqlalchemy (the database code loads when a database is first opened)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Report statuses (id -> bokmål label); a measure without reports is "ikke rapportert", which is never stored.
REPORT_STATUSES = {
    "ikke_startet": "ikke startet",
    "i_rute": "i rute",
    "forsinket": "forsinket",
    "fullfort": "fullført",
    "avbrutt": "avbrutt",
}
NOT_REPORTED = "ikke_rapportert"


class StoreError(RuntimeError):
    """The database cannot be used; str() is a message in Norwegian."""


@dataclass(frozen=True)
class PlanChange:
    """One change to a measure: its whole content after the change, and the revision the editor started from."""

    organisation: str
    measure_id: str
    based_on: int  # 0 for a shipped measure never changed in the app, or a new measure
    content: dict
    author: str


class PlanConflict(StoreError):
    """A save refused because the measure has a newer revision than the one the change was based on; nothing of
    the batch was written. `newer` holds those revisions (revision, author, changed_at, content), oldest first."""

    def __init__(self, measure_id: str, based_on: int, newer: list[dict]):
        self.measure_id, self.based_on, self.newer = measure_id, based_on, newer
        who = ", ".join(dict.fromkeys(str(r["author"]) for r in newer)) or "en annen"
        super().__init__(
            f"Tiltaket «{measure_id}» er endret av {who} mens du redigerte (revisjon {based_on} → "
            f"{newer[-1]['revision'] if newer else '?'}). Ingenting er lagret; endringene dine står fortsatt i skjemaet."
        )


@dataclass(frozen=True)
class Report:
    organisation: str
    measure_id: str
    period: str
    status: str
    progress: float | None = None
    indicator_value: float | None = None
    comment: str = ""
    reporter: str = ""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"
