"""Progress of the measures from their status reports: latest status, roll-up, late, stale, expected-by-now,
indicators, SDG coverage and what changed between two dates. Plain pandas; "today" is always passed in."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.formatting import format_date, format_percent
from analytics.i18n import in_language, t
from analytics.palette import STATUS_SYMBOLS
from analytics.statuses import NOT_REPORTED, REPORT_STATUSES

DONE = ("fullfort", "avbrutt")
STALE_MONTHS = 6  # a measure with no report for this long is flagged as stale
REPORT_COLUMNS = ["measure_id", "period", "status", "progress", "indicator_value", "comment", "reporter", "reported_at"]


def _at(reports: pd.DataFrame, moment: dt.datetime | None) -> pd.DataFrame:
    """The latest report per measure made at or before `moment` (all reports when None)."""
    if moment is not None:
        reports = reports[reports["reported_at"] <= pd.Timestamp(moment)]
    ordered = reports.sort_values(["reported_at", "id"] if "id" in reports else ["reported_at"], kind="stable")
    return ordered.groupby("measure_id", sort=False).tail(1).set_index("measure_id")


def latest(measures: pd.DataFrame, reports: pd.DataFrame, moment: dt.datetime | None = None) -> pd.DataFrame:
    """One row per measure with its latest report's fields; "ikke_rapportert" where there is none."""
    last = _at(reports, moment)[REPORT_COLUMNS[1:]]
    table = measures.set_index("id").join(last, how="left")
    table["status"] = table["status"].fillna(NOT_REPORTED)
    return table.reset_index()


def is_late(table: pd.DataFrame, today: dt.date) -> pd.Series:
    """Due date passed and not done (fullført or avbrutt)."""
    due = pd.to_datetime(table["due"])
    return table["due"].notna() & (due < pd.Timestamp(today)) & ~table["status"].isin(DONE)


def is_stale(table: pd.DataFrame, today: dt.date, months: int) -> pd.Series:
    """Reported once, but not in the last `months` months (and not done)."""
    limit = pd.Timestamp(today, tz="UTC") - pd.DateOffset(months=months)
    reported = table["reported_at"].notna()
    return reported & (pd.to_datetime(table["reported_at"], utc=True) < limit) & ~table["status"].isin(DONE)


def expected_by_now(start, due, today: dt.date) -> float | None:
    """Progress a linear plan expects today: 0 before start, 100 from the due date; None without both dates."""
    if start is None or due is None or pd.isna(start) or pd.isna(due):
        return None
    if today <= start:
        return 0.0
    if today >= due:
        return 100.0
    return round(100 * (today - start).days / (due - start).days, 1)


def indicator_share(baseline, target, actual) -> float | None:
    """How far the actual value has come from baseline to target, in percent (may be below 0 or above 100)."""
    if any(v is None or pd.isna(v) for v in (baseline, target, actual)) or target == baseline:
        return None
    return round(100 * (actual - baseline) / (target - baseline), 1)


def with_flags(table: pd.DataFrame, today: dt.date, stale_months: int = 6, behind_by: float = 10) -> pd.DataFrame:
    """latest() with late, stale, expected progress, behind plan and indicator share."""
    table = table.copy()
    table["late"] = is_late(table, today)
    table["stale"] = is_stale(table, today, stale_months)
    table["expected"] = [expected_by_now(s, d, today) for s, d in zip(table["start"], table["due"], strict=True)]
    expected = pd.to_numeric(table["expected"], errors="coerce")
    table["behind_plan"] = (expected - table["progress"]) > behind_by
    table["indicator_share"] = [
        indicator_share(b, t, a)
        for b, t, a in zip(
            table["indicator_baseline"], table["indicator_target"], table["indicator_value"], strict=True
        )
    ]
    return table


def light(statuses: pd.Series, late: pd.Series) -> str:
    """The traffic light of a group: red if anything is late or forsinket, grey if nothing is reported,
    green if everything reported is i rute or done and nothing is unreported, yellow otherwise."""
    if late.any() or (statuses == "forsinket").any():
        return "red"
    if (statuses == NOT_REPORTED).all():
        return "grey"
    if statuses.isin(("i_rute", *DONE)).all():
        return "green"
    return "yellow"


def rollup(table: pd.DataFrame, goal_areas: pd.DataFrame) -> pd.DataFrame:
    """Per målområde (in the strategy's order; "" for measures without one): counts per status and a light."""
    rows = []
    keys = [*goal_areas.sort_values("number")["id"], None]
    for key in keys:
        group = table[table["goal_area_id"].isna()] if key is None else table[table["goal_area_id"] == key]
        if group.empty:
            continue
        counts = group["status"].value_counts()
        rows.append(
            {
                "goal_area_id": key or "",
                "measures": len(group),
                "on_track": int(counts.get("i_rute", 0) + counts.get("fullfort", 0)),
                **{status: int(counts.get(status, 0)) for status in (*REPORT_STATUSES, NOT_REPORTED)},
                "late": int(group["late"].sum()),
                "light": light(group["status"], group["late"]),
            }
        )
    return pd.DataFrame(rows)


def changes(
    measures: pd.DataFrame, reports: pd.DataFrame, since: dt.datetime, until: dt.datetime
) -> dict[str, pd.DataFrame]:
    """What changed between two moments: status transitions, new comments, and measures that became late."""
    before = latest(measures, reports, since).set_index("id")
    after = latest(measures, reports, until).set_index("id")
    moved = before["status"] != after["status"]
    transitions = pd.DataFrame(
        {"measure_id": before.index[moved], "from": before["status"][moved], "to": after["status"][moved]}
    ).reset_index(drop=True)
    window = reports[(reports["reported_at"] > pd.Timestamp(since)) & (reports["reported_at"] <= pd.Timestamp(until))]
    comments = window[window["comment"].fillna("").str.strip() != ""][
        ["measure_id", "reported_at", "reporter", "comment"]
    ]
    late_before = is_late(before.reset_index(), since.date())
    late_after = is_late(after.reset_index(), until.date())
    became = after.index[late_after.to_numpy() & ~late_before.to_numpy()]
    return {
        "transitions": transitions,
        "comments": comments.reset_index(drop=True),
        "became_late": pd.DataFrame({"measure_id": list(became)}),
    }


def filtered(table: pd.DataFrame, goal_areas=(), statuses=(), responsible=(), sdgs=()) -> pd.DataFrame:
    """The rows matching every non-empty filter (an SDG filter keeps measures naming any chosen goal)."""
    keep = pd.Series(True, index=table.index)
    if goal_areas:
        keep &= table["goal_area_id"].isin(goal_areas)
    if statuses:
        keep &= table["status"].isin(statuses)
    if responsible:
        keep &= table["responsible"].isin(responsible)
    if sdgs:
        keep &= table["sdgs"].map(lambda goals: bool(set(goals or ()) & set(sdgs)))
    return table[keep]


def display_table(table: pd.DataFrame, goal_labels: dict, lang: str, stale_months: int) -> pd.DataFrame:
    """The measures table for the view: labelled columns, Norwegian dates, flags in words."""
    titles = in_language(table, "title", lang)
    words = (
        t("measures.flag.late", lang),
        t("measures.flag.stale", lang, months=stale_months),
        t("measures.flag.behind", lang),
    )
    flags = [
        ", ".join(word for word, on in zip(words, row, strict=True) if on)
        for row in zip(table["late"], table["stale"], table["behind_plan"], strict=True)
    ]
    shown = pd.DataFrame(
        {
            t("measures.col.title", lang): titles,
            t("measures.col.status", lang): _translated(
                table["status"], lambda s: f"{STATUS_SYMBOLS.get(s, '')} {t(f'report_status.{s}', lang)}"
            ),
            t("measures.col.progress", lang): pd.to_numeric(table["progress"], errors="coerce").astype(float),
            t("measures.col.due", lang): _dates(table["due"]),
            t("measures.col.responsible", lang): table["responsible"].fillna(""),
            t("measures.col.flags", lang): flags if len(table) else [],
            t("measures.filter.goal_area", lang): table["goal_area_id"].map(lambda g: goal_labels.get(g, "")),
            t("measures.col.kind", lang): _translated(table["kind"], lambda k: t(f"kind.{k}", lang)),
            t("measures.col.expected", lang): table["expected"].map(
                lambda v: format_percent(v, 0) if v is not None and pd.notna(v) else "–"
            ),
            t("measures.col.reported", lang): _dates(table["reported_at"], utc=True),
        },
        index=table.index,
    )
    if "state" in table:  # the effective plan (analytics.plan): utkast, vedtatt, avsluttet, trukket
        shown[t("plan.col.state", lang)] = _translated(table["state"], lambda s: t(f"plan.state.{s}", lang))
    shown[t("measures.col.id", lang)] = table["id"]  # a technical id: last, so that it never pushes Status off
    return shown


def display_widths(lang: str) -> dict[str, int]:
    """Column widths in pixels for display_table: title, status, progress, due date, responsible and flags fit
    in the ~1000 px a 1400 px wide window leaves beside the sidebar; longer text is cut, the whole on hover."""
    return {
        t("measures.col.title", lang): 300,
        t("measures.col.status", lang): 130,
        t("measures.col.progress", lang): 110,
        t("measures.col.due", lang): 95,
        t("measures.col.responsible", lang): 150,
        t("measures.col.flags", lang): 150,
        t("measures.filter.goal_area", lang): 180,
        t("measures.col.id", lang): 120,
    }


def history_summary(history: pd.DataFrame, lang: str) -> str:
    """The text alternative to a measure's history chart: how many reports over which dates, the latest status and
    progress, and how many reports give no progress (they have no point on the line)."""
    ordered = history.sort_values("reported_at", kind="stable")
    last = ordered.iloc[-1]
    values = {
        "status": t(f"report_status.{last['status']}", lang),
        "progress": format_percent(last["progress"], 0)
        if pd.notna(last["progress"])
        else t("measures.not_given", lang),
    }
    if len(ordered) == 1:
        sentences = [t("measures.history_one", lang, date=format_date(last["reported_at"].date()), **values)]
    else:
        first = format_date(ordered["reported_at"].iloc[0].date())
        last_date = format_date(last["reported_at"].date())
        sentences = [t("measures.history_summary", lang, n=len(ordered), first=first, last=last_date, **values)]
    without = int(ordered["progress"].isna().sum())
    if without:
        sentences.append(t("measures.history_no_progress", lang, n=without))
    return " ".join(sentences)


def _dates(column: pd.Series, utc: bool = False) -> pd.Series:
    """Dates (or times, on their own day) as dd.mm.yyyy, as format_date writes them; a missing one as "–"."""
    if column.empty:
        return column.copy()  # as Series.map gives it
    return pd.to_datetime(column, utc=utc).dt.strftime("%d.%m.%Y").fillna("–").astype("str")


def _translated(column: pd.Series, translate) -> pd.Series:
    """translate() of every value, called once per distinct value."""
    return column.map({value: translate(value) for value in column.unique()})
