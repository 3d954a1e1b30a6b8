"""Befolkning's and Nettverk's derived tables and figures are cached by meaning (issue 17): a warm rerun does not
redo the pandas work, a new population snapshot or another choice does, and the figure st.plotly_chart gets
says exactly what the figure says."""

from __future__ import annotations

import json
import os

import plotly.io as pio
import pytest

from analytics import charts, networks, population, ssb
from tests.conftest import DATA, TODAY
from tests.test_pages import elements, run_page
from ui import cached

pytestmark = pytest.mark.usefixtures("app_state")


def counting(monkeypatch, module, name: str) -> list:
    """Replace module.name by a wrapper that records each call; the list of calls."""
    calls, original = [], getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(args[1:])
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def specs(at) -> list[str]:
    return [chart.proto.spec for chart in elements(at, "plotly_chart")]


@pytest.mark.parametrize(
    ("page", "module", "name"),
    [
        ("views/befolkning/page.py", population, "split"),
        ("views/befolkning/page.py", population, "change"),
        ("views/befolkning/page.py", population, "partner_backgrounds"),
        ("views/nettverk/page.py", networks, "scope_mix"),
        ("views/nettverk/page.py", networks, "compare_by_theme"),
        ("views/nettverk/page.py", networks, "network_profile"),
    ],
)
def test_a_warm_rerun_does_not_redo_the_derived_tables(monkeypatch, page, module, name):
    cached._derived.clear()
    calls = counting(monkeypatch, module, name)
    at = run_page(page)
    assert not at.exception and calls, "the first run computes the table"
    first, drawn = len(calls), specs(at)
    at.run()
    assert not at.exception
    assert len(calls) == first  # looked up by its key, not computed again
    assert specs(at) == drawn  # and the same charts are drawn


def test_another_choice_is_computed_and_the_first_is_kept(monkeypatch):
    cached._derived.clear()
    calls = counting(monkeypatch, population, "partner_backgrounds")
    at = run_page("views/befolkning/page.py")
    region = at.radio(key="pop_country_region").value
    year = at.selectbox(key=f"pop_year_{region}")
    chosen = year.value
    other = next(option for option in year.options if str(option) != str(chosen))
    year.set_value(int(other)).run()
    assert not at.exception
    assert len(calls) == 2 and calls[-1][2] == int(other)  # (partners, region, year)
    at.selectbox(key=f"pop_year_{region}").set_value(chosen).run()
    assert not at.exception
    assert len(calls) == 2  # the first choice is still cached


def test_a_new_population_snapshot_is_a_new_key(app_state):
    key = cached.population_key(DATA, app_state, "trondheim", TODAY, "nb")
    assert cached.population_key(DATA, app_state, "trondheim", TODAY, "en") != key  # the language is in it
    path = ssb.snapshot_path(app_state, "trondheim")
    path.parent.mkdir(parents=True)
    path.write_text("region\n", encoding="utf-8")
    fetched = cached.population_key(DATA, app_state, "trondheim", TODAY, "nb")
    assert fetched != key
    path.write_text("region\nx\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))  # written again a second later
    assert cached.population_key(DATA, app_state, "trondheim", TODAY, "nb") != fetched


def test_the_prepared_figure_gives_plotly_chart_the_same_spec():
    figure = charts.count_bars(
        networks.networks_per_goal_area(*_links()).assign(label=lambda f: f["number"].astype(str)),
        "label",
        "Nettverk per målområde",
    )
    prepared = cached.PreparedFigure(figure.to_dict())
    assert pio.to_json(prepared, validate=False) == pio.to_json(figure, validate=False)
    assert json.loads(pio.to_json(prepared, validate=False))["layout"]["title"]["text"] == "Nettverk per målområde"


def _links():
    bundle = cached.bundle(DATA, "trondheim", TODAY)
    return bundle.network_goal_areas, bundle.goal_areas
