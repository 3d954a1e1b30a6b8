"""A measure's indicator followed up: the straight path from baseline to target, the reported values, and whether
the latest value is ahead of or behind the path, in words. Plain pandas; "today" is always passed in.

The path runs from the baseline to the target in a straight line over time. The baseline stands at the end of its
year (31.12) and the target is to be met by the end of its year; without those years the measure's start and due
dates are used. A reported value stands at the end of its period ("2026" → 31.12.2026, "2026-06" → 30.06.2026).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics import plan_frame
from analytics.formatting import format_date, format_decimal, format_int
from analytics.i18n import t
from analytics.progress import expected_by_now, indicator_share

DIRECTIONS = ("opp", "ned")
TOLERANCE = 2.5  # percentage points of the way from baseline to target that still count as "on the path"


@dataclass(frozen=True)
class Position:
    """Where the latest reported value stands against the path: one of "none" (no value reported), "no_path"
    (no dates to draw a path), "reached", "ahead", "on_path", "behind"."""

    state: str
    value: float | None = None
    period: str = ""
    expected: float | None = None  # the value the path expects at the latest value's date


def has_indicator(measure) -> bool:
    """The measure has a complete indicator: a target and a direction (baseline may be missing)."""
    return pd.notna(measure.get("indicator_target")) and measure.get("indicator_direction") in DIRECTIONS


def period_end(period: str) -> dt.date | None:
    """The last day of a report period ("2026", "2026-06" or "2026-06-30"); None for anything else."""
    parts = str(period or "").strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return dt.date(numbers[0], 12, 31)
        if len(numbers) == 2:
            return dt.date(numbers[0], numbers[1], calendar.monthrange(numbers[0], numbers[1])[1])
        if len(numbers) == 3:
            return dt.date(*numbers)
    except ValueError:
        return None
    return None


def path_ends(measure) -> tuple[dt.date, dt.date] | None:
    """(date of the baseline, date the target is due): the ends of the years, else start and due; None if unknown."""
    start = _year_end(measure.get("indicator_baseline_year")) or _date(measure.get("start"))
    end = _year_end(measure.get("indicator_target_year")) or _date(measure.get("due"))
    if start is None or end is None or end <= start or pd.isna(measure.get("indicator_baseline")):
        return None
    return start, end


def chart_path(measure) -> tuple | None:
    """((baseline date, baseline), (due date, target)) for the chart, or None without a path."""
    ends = path_ends(measure)
    if ends is None:
        return None
    return (ends[0], float(measure["indicator_baseline"])), (ends[1], float(measure["indicator_target"]))


def expected_value(measure, when: dt.date) -> float | None:
    """The value the straight path expects on `when` (the baseline before it starts, the target after it ends)."""
    ends = path_ends(measure)
    if ends is None:
        return None
    share = expected_by_now(ends[0], ends[1], when) / 100
    return measure["indicator_baseline"] + (measure["indicator_target"] - measure["indicator_baseline"]) * share


def values_of(reports: pd.DataFrame, measure_id: str) -> pd.DataFrame:
    """The measure's reported indicator values, oldest first: period, date (the period's end, else the day it was
    reported), value, reported_at."""
    dated = _dated(reports[(reports["measure_id"] == measure_id) & reports["indicator_value"].notna()])
    return dated.drop(columns="measure_id").assign(date=_as_dates(dated["date"]))


def latest_values(reports: pd.DataFrame) -> pd.DataFrame:
    """Per measure id (the index), its latest indicator value by period, then by report time: period, date, value."""
    dated = _dated(reports[reports["indicator_value"].notna()])
    last = dated.groupby("measure_id", sort=False).tail(1).set_index("measure_id")
    return last.assign(date=_as_dates(last["date"]))


def _dated(rows: pd.DataFrame) -> pd.DataFrame:
    """measure_id, period, date (a timestamp: the period's end, else the report's day), value, reported_at; sorted."""
    periods = rows["period"].astype(str)
    ends = {period: period_end(period) for period in periods.unique()}
    days = pd.to_datetime(rows["reported_at"], utc=True).dt.tz_localize(None).dt.normalize()
    frame = pd.DataFrame(
        {
            "measure_id": rows["measure_id"].to_numpy(),
            "period": periods.to_numpy(),
            "date": pd.to_datetime(periods.map(ends)).fillna(days).to_numpy(),
            "value": rows["indicator_value"].astype(float).to_numpy(),
            "reported_at": rows["reported_at"].reset_index(drop=True),  # tz-aware: not through numpy objects
        }
    )
    return frame.sort_values(["date", "reported_at"], kind="stable", ignore_index=True)


def _as_dates(column: pd.Series) -> list:
    return [timestamp.date() for timestamp in column]


def position(measure, values: pd.DataFrame) -> Position:
    """Where the latest value (by period, then by report time) stands against the path, respecting the direction."""
    if values.empty:
        return Position("none")
    last = values.iloc[-1]
    return position_of(measure, float(last["value"]), str(last["period"]), last["date"])


def position_of(measure, value: float, period: str, when: dt.date) -> Position:
    """Where one value, standing at `when`, is against the measure's path."""
    baseline, target = measure.get("indicator_baseline"), measure["indicator_target"]
    rising = measure["indicator_direction"] == "opp"
    if (value >= target) if rising else (value <= target):
        return Position("reached", value, period, float(target))
    expected = expected_value(measure, when)
    if expected is not None and baseline == target:
        return Position("behind", value, period, expected)  # a level to hold, and it is not held
    if expected is None:
        return Position("no_path", value, period)
    gap = (indicator_share(baseline, target, value) or 0) - (indicator_share(baseline, target, expected) or 0)
    if abs(gap) <= TOLERANCE:
        return Position("on_path", value, period, expected)
    return Position("ahead" if gap > 0 else "behind", value, period, expected)


def position_text(measure, values: pd.DataFrame, lang: str) -> str:
    """The position in one or two sentences ("Siste verdi, 35 % (2026-06), ligger foran banen …")."""
    where = position(measure, values)
    unit = str(measure.get("indicator_unit") or "")
    if where.state == "none":
        return t("indicator.none", lang)
    words = {
        "value": quantity(where.value, unit),
        "period": where.period,
        "target": quantity(measure["indicator_target"], unit),
        "expected": quantity(where.expected, unit),
        "direction": t(f"indicator.direction.{measure['indicator_direction']}", lang),
    }
    return t(f"indicator.position.{where.state}", lang, **words)


def path_text(measure, lang: str) -> str:
    """The measurable goal in words: "Andel …: fra 12 % (2019) til 20 % (2022), økende."."""
    unit = str(measure.get("indicator_unit") or "")
    baseline = measure.get("indicator_baseline")
    parts = {
        "baseline": quantity(baseline, unit) if pd.notna(baseline) else t("indicator.no_baseline", lang),
        "baseline_year": _year_text(measure.get("indicator_baseline_year"), measure.get("start")),
        "target": quantity(measure["indicator_target"], unit),
        "target_year": _year_text(measure.get("indicator_target_year"), measure.get("due")),
        "direction": t(f"indicator.direction.{measure['indicator_direction']}", lang),
    }
    return t("indicator.goal", lang, **parts)


def quantity(value, unit: str) -> str:
    """A number in Norwegian format with its unit: "12,5 %", "40 deltakere"; missing → "–"."""
    if value is None or pd.isna(value):
        return "–"
    number = format_int(value) if float(value).is_integer() else format_decimal(value, 1)
    return f"{number}\u00a0{unit}".strip() if unit else number


def values_table(values: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """The reported values as text for people: period, date it stands at, value."""
    return pd.DataFrame(
        {
            t("indicator.col.period", lang): values["period"],
            t("col.date", lang): [format_date(d) for d in values["date"]],
            t("indicator.col.value", lang): [quantity(v, unit) for v in values["value"]],
        }
    )


def _year_end(year) -> dt.date | None:
    return None if year is None or pd.isna(year) else dt.date(int(year), 12, 31)


def _date(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _year_text(year, fallback_date) -> str:
    if year is not None and pd.notna(year):
        return str(int(year))
    date = _date(fallback_date)
    return format_date(date) if date else "–"


def overview_table(plan: pd.DataFrame, reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every adopted measure with an indicator: its title, measurable goal, latest value and where that stands
    against the path, in words (for Oversikt). Empty when no measure has an indicator."""
    with_goal = plan_frame.adopted(plan)
    with_goal = with_goal[with_goal["indicator_target"].notna() & with_goal["indicator_direction"].isin(DIRECTIONS)]
    last = latest_values(reports).to_dict("index") if not reports.empty else {}
    rows = []
    for measure in with_goal.to_dict("records"):
        value = last.get(measure["id"])
        where = position_of(measure, value["value"], str(value["period"]), value["date"]) if value else Position("none")
        unit = str(measure.get("indicator_unit") or "")
        title = measure.get("title_en") if lang == "en" and measure.get("title_en") else measure["title_nb"]
        rows.append(
            {
                t("measures.col.title", lang): title,  # the verdict first: it is what a narrow screen shows
                t("indicator.col.position", lang): t(f"indicator.state.{where.state}", lang),
                t("indicator.col.latest", lang): f"{quantity(where.value, unit)} ({where.period})" if value else "–",
                t("plan_word.goal", lang): path_text(measure, lang),
            }
        )
    return pd.DataFrame(rows)
