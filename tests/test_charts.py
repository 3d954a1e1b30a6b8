"""The house palette in the charts: every målområde in its own colour, and no other category in one of those."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import charts, palette
from analytics import networks as nw
from tests.test_networks import GOALS, LINKS, NETS

LABELS = {1: "1 · A", 2: "2 · Beta", 3: "3 · C"}
GOAL_COLOURS = set(palette.GOAL_AREA_COLOURS.values())


def test_the_dot_matrix_draws_each_goal_area_in_its_colour():
    fig = charts.coverage_dots(nw.coverage_matrix(NETS, LINKS, GOALS), LABELS, "")
    colours = {trace.x[0]: trace.marker.color for trace in fig.data}
    assert colours == {"1": palette.goal_area_colour(1), "2": palette.goal_area_colour(2)}


def test_the_count_bars_draw_each_goal_area_in_its_colour():
    counts = nw.networks_per_goal_area(LINKS, GOALS).assign(label=lambda f: f["number"].map(LABELS))
    (bars,) = charts.count_bars(counts, "label", "").data
    assert list(bars.marker.color) == [palette.goal_area_colour(n) for n in (1, 2, 3)]


@pytest.mark.parametrize("scope", list(palette.SCOPE_COLOURS))
def test_no_scope_takes_a_goal_areas_colour(scope):
    # The scope bars sit beside the count bars in the Nettverk view: blue must mean målområde 1 only.
    assert palette.SCOPE_COLOURS[scope].upper() not in {colour.upper() for colour in GOAL_COLOURS}


def test_the_scope_bars_mark_each_goal_area_in_its_colour_and_colour_scopes_without_them():
    mix = nw.scope_mix(NETS, LINKS, GOALS)
    fig = charts.scope_bars(mix, LABELS, {s: s for s in mix["scope"].unique()}, "")
    assert {trace.marker.color for trace in fig.data}.isdisjoint(GOAL_COLOURS)
    ticks = list(fig.layout.yaxis.categoryarray)[::-1]
    assert ticks == [f"<span style='color:{palette.goal_area_colour(n)}'>■</span> {LABELS[n]}" for n in (1, 2, 3)]


@pytest.mark.parametrize(("number", "colour"), [(1, "#0077BB"), (5, "#882255"), (6, palette.DORMANT_GREY)])
def test_goal_area_colour_by_number(number, colour):
    assert palette.goal_area_colour(number) == colour


def test_change_bars_label_each_bar_with_its_signed_change():
    change = pd.DataFrame(
        {"country_name": ["Polen", "Irak"], "change": [281.0, -15.0], "change_percent": [22.39, -1.6]}
    )
    (bars,) = charts.change_bars(change, "").data
    assert list(bars.text) == ["+281 (+22,4\u00a0%)", "−15 (−1,6\u00a0%)"]
