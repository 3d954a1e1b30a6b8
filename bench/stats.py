"""Median and spread of a list of timings, and the one table the benchmark prints."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    section: str  # server, browser, memory, scale, ssb
    name: str
    unit: str  # "ms", "s" or "MB"
    values: tuple[float, ...]
    baseline: str = ""  # the name of the figure in the same section this one is a ratio to
    target: str = ""  # the target, as text
    note: str = ""  # shown instead of the figures when there are none (e.g. every run timed out)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    @property
    def spread(self) -> tuple[float, float]:
        """The 10th and 90th percentile (min and max for fewer than 10 values)."""
        ordered = sorted(self.values)
        if not ordered:
            return float("nan"), float("nan")
        if len(ordered) < 10:
            return ordered[0], ordered[-1]
        cut = statistics.quantiles(ordered, n=10, method="inclusive")
        return cut[0], cut[-1]


def ratio(figure: Figure, figures: list[Figure]) -> float | None:
    base = next((f for f in figures if f.section == figure.section and f.name == figure.baseline), None)
    if base is None or not base.values or not figure.values or base.median == 0:
        return None
    return figure.median / base.median


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def table(figures: list[Figure]) -> str:
    """One row per figure: median, spread, runs, the ratio to its baseline (named) and the target."""
    header = f"{'section':8} {'figure':38} {'median':>9} {'p10–p90':>15} {'n':>3} {'ratio':>7}  {'to':24} target"
    lines = [header, "-" * len(header)]
    for f in figures:
        if not f.values:
            lines.append(f"{f.section:8} {f.name[:38]:38} {f.note:>37}  {'':7}  {f.baseline[:24]:24} {f.target}")
            continue
        low, high = f.spread
        spread = f"{_number(low, f.unit)}–{_number(high, f.unit)}" if len(f.values) > 1 else ""
        r = ratio(f, figures)
        shown = f"{r:.2f}×" if r is not None else ""
        median = f"{_number(f.median, f.unit)} {f.unit}"
        lines.append(
            f"{f.section:8} {f.name[:38]:38} {median:>9} {spread:>15} {len(f.values):>3} {shown:>7}  "
            f"{(f.baseline if r is not None else '')[:24]:24} {f.target}"
        )
    return "\n".join(lines)
