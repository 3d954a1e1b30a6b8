"""Who still has to report: the adopted measures without a report for the period, per responsible unit, with a
ready-to-send reminder and a mailto: link (no mail server; no address is invented)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd

from analytics import periods, plan_frame
from analytics.i18n import in_language, t
from analytics.progress import DONE, latest


@dataclass(frozen=True)
class Reminder:
    """One responsible unit's reminder: the measures it has to report on, the text and the mailto: link."""

    unit: str
    measure_ids: tuple[str, ...]
    titles: tuple[str, ...]
    subject: str
    body: str
    link: str


def missing_reports(plan: pd.DataFrame, reports: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Adopted measures not closed (fullført/avbrutt) with no report for a period in `year`; with year None, the
    adopted measures without a final report (when the strategy period is over)."""
    if year is None:
        return periods.without_final_report(plan, reports)
    table = latest(plan_frame.adopted(plan), reports)
    open_ = table[~table["status"].isin(DONE)]
    in_year = reports["period"].astype(str).str.startswith(str(year))
    reported = set(reports.loc[in_year, "measure_id"])
    return open_[~open_["id"].isin(reported)]


def reminders(missing: pd.DataFrame, what: str, sender: str, lang: str, addresses: dict | None = None) -> list:
    """One Reminder per responsible unit (alphabetical; measures without one last), for the report `what` is
    ("rapport for 2026", "sluttrapport"); `addresses` maps a unit to an e-mail address where the data has one."""
    units: dict[str, list[tuple[str, str]]] = {}
    titles = in_language(missing, "title", lang) if not missing.empty else []
    for unit, measure_id, title in zip(missing["responsible"], missing["id"], titles, strict=True):
        units.setdefault("" if pd.isna(unit) else str(unit), []).append((str(measure_id), str(title)))
    found = []
    for unit in sorted(units, key=lambda u: (u == "", u.casefold())):
        rows = sorted(units[unit])
        name = unit or t("reminders.no_unit", lang)
        subject = t("reminders.subject", lang, what=what, sender=sender)
        items = "\n".join(f"- {title} ({measure_id})" for measure_id, title in rows)
        body = t("reminders.body", lang, unit=name, what=what, n=len(rows), items=items, sender=sender)
        link = mailto((addresses or {}).get(unit, ""), subject, body)
        found.append(Reminder(name, tuple(r[0] for r in rows), tuple(r[1] for r in rows), subject, body, link))
    return found


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link with the subject and body URL-encoded (line breaks as %0D%0A, as RFC 6068 asks)."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
