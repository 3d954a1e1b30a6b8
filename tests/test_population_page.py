"""AppTest of the Befolkning view: shipped snapshot, Kuopio's other measures, and the refresh button."""

from __future__ import annotations

import json
import math

import pytest

from analytics import population, ssb
from analytics.formatting import escape_markdown
from tests.conftest import DATA
from tests.markup_check import shown
from tests.test_pages import elements, plotly_values, run_page

PAGE = "views/befolkning/page.py"


pytestmark = pytest.mark.usefixtures("app_state")


def charts(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in elements(at, "plotly_chart")]


def test_trondheim_share_chart_breaks_at_missing_years_and_every_chart_has_a_source():
    at = run_page(PAGE)
    assert not at.exception and not at.error
    share = charts(at)[0]
    assert share["layout"]["title"]["text"] == "Andel av befolkningen med innvandrerbakgrunn"
    traces = {trace["name"]: trace for trace in share["data"]}
    assert list(traces) == ["Trondheim", "Trøndelag", "Hele landet"]
    norway = dict(
        zip(plotly_values(traces["Hele landet"]["x"]), plotly_values(traces["Hele landet"]["y"]), strict=True)
    )
    assert norway[2013] == 14.1 and norway[2018] == 17.3
    assert norway[2014] is None or math.isnan(norway[2014])  # a gap, not a line across it
    assert traces["Hele landet"]["connectgaps"] is False
    assert "15,3\u00a0%" in plotly_values(traces["Trondheim"]["text"])
    captions = [shown(c.value) for c in at.caption]
    assert sum(c.startswith(("Kilde:", "Kilder:")) for c in captions) >= len(charts(at))
    assert any(escape_markdown("Trondheim 15,3\u00a0% (2018)") in m.value for m in at.markdown)  # the summary


def test_the_view_says_only_the_snapshot_is_present_and_offers_the_refresh():
    at = run_page(PAGE)
    assert any("Viser bare enkelttallene" in info.value for info in at.info)
    assert at.button(key="pop_refresh").label == "Hent fra SSB"


def test_largest_backgrounds_highlight_partner_countries_and_the_partner_table():
    at = run_page(PAGE)
    bars = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Største landbakgrunner"))
    (trace,) = bars["data"]
    assert trace["y"][:3] == ["Polen", "Tyrkia", "Sverige"]
    assert "1\u00a0536  ← Kraków" in trace["text"]
    (table,) = [frame.value for frame in at.dataframe if "Innbyggere med bakgrunn derfra" in frame.value.columns]
    residents = table.set_index("Partnerby")["Innbyggere med bakgrunn derfra"]
    assert residents["Kraków"] == "1\u00a0536" and residents["Graz"] == "–"


def test_change_between_two_years():
    at = run_page(PAGE)
    change = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith("Endring 2011–2012"))
    assert change["data"][0]["y"][0] == "Polen" and change["data"][0]["text"][0] == "+281 (+22,4\u00a0%)"


def test_choosing_norway_shows_immigrants_and_norwegian_born_stacked():
    at = run_page(PAGE)
    at.radio(key="pop_region").set_value("norge").run()
    persons = next(c for c in charts(at) if "Hele landet" in c["layout"]["title"]["text"])
    traces = {trace["name"]: trace for trace in persons["data"] if trace.get("name")}
    immigrants = dict(
        zip(plotly_values(traces["Innvandrere"]["x"]), plotly_values(traces["Innvandrere"]["y"]), strict=True)
    )
    assert immigrants[2020] == 790497 and immigrants[2013] == 593321


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_kuopio_shows_its_figures_only_with_their_definition(lang):
    at = run_page(PAGE, lang=lang, org="kuopio")
    assert not at.exception and not at.error
    assert [m.value for m in at.metric] == ["3\u00a0103", "4\u00a0685", "7,1\u00a0%"]
    warning = shown(at.warning[0].value)
    assert ("ikke samme mål" in warning) if lang == "nb" else ("not the same measure" in warning)
    assert not charts(at)  # never drawn on an axis next to immigrant background
    assert not [b for b in at.button if b.key == "pop_refresh"]


def test_an_organisation_without_figures_says_so():
    at = run_page(PAGE, org="ntnu")
    assert [i.value for i in at.info] == ["Det finnes ingen befolkningstall for NTNU i datapakken."]


def test_the_refresh_button_fetches_and_the_view_then_shows_ssb_figures(fake_ssb, monkeypatch, app_state):
    monkeypatch.setenv("SSB_API_URL", fake_ssb.base)
    at = run_page(PAGE)
    at.button(key="pop_refresh").click().run()
    assert not at.exception and not at.error
    assert ssb.snapshot_path(app_state, "trondheim").exists()
    captions = [shown(c.value) for c in at.caption]
    assert any(c.startswith("Hentet fra SSB, tabell 09817") and "11.03.2025 kl. 07.00 UTC" in c for c in captions)
    assert any(s.value.startswith("Oppdatert:") for s in at.success)
    assert at.button(key="pop_refresh").label == "Oppdater fra SSB"
    assert any(c.startswith("Kilde: SSB, tabell 09817") for c in captions)


def test_a_failed_refresh_shows_the_message_and_keeps_the_figures(fake_ssb, monkeypatch, app_state):
    monkeypatch.setenv("SSB_API_URL", fake_ssb.base)
    fake_ssb.routes["data"] = lambda query: (503, "text/html", "<html>Service Unavailable</html>")
    at = run_page(PAGE)
    before = charts(at)[0]["data"]
    at.button(key="pop_refresh").click().run()
    (error,) = at.error
    assert "HTTP 503" in shown(error.value) and "Tallene er ikke oppdatert" in shown(error.value)
    assert charts(at)[0]["data"] == before
    assert not ssb.snapshot_path(app_state, "trondheim").exists()


def test_a_broken_fetched_file_falls_back_to_the_shipped_figures(app_state):
    path = ssb.snapshot_path(app_state, "trondheim")
    path.parent.mkdir(parents=True)
    path.write_text("region,year\nx,1\n", encoding="utf-8")
    at = run_page(PAGE)
    assert any("kan ikke brukes" in shown(w.value) and population.FILE in shown(w.value) for w in at.warning)
    assert charts(at)[0]["layout"]["title"]["text"] == "Andel av befolkningen med innvandrerbakgrunn"


@pytest.mark.parametrize("column, bad", [("updated", "i går"), ("fetched", "2026-02-30T10:00:00Z"), ("value", "inf")])
def test_a_fetched_file_with_a_bad_value_gives_a_clear_message_and_the_shipped_figures(app_state, column, bad):
    shipped = (DATA / "trondheim" / population.FILE).read_text(encoding="utf-8").splitlines()
    header = shipped[0].split(",")
    rows = [dict(zip(header, line.split(","), strict=True)) for line in shipped[1:3]]
    for row in rows:
        row.update(table="09817", updated="2025-03-11T07:00:00Z", fetched="2026-11-22T09:30:00Z")
    rows[1][column] = bad
    path = ssb.snapshot_path(app_state, "trondheim")
    path.parent.mkdir(parents=True)
    path.write_text("\n".join([",".join(header), *(",".join(r.values()) for r in rows)]) + "\n", encoding="utf-8")
    at = run_page(PAGE)
    assert not at.exception
    (warning,) = [shown(w.value) for w in at.warning if "kan ikke brukes" in w.value]
    assert f"ssb/trondheim/{population.FILE}, rad 3, kolonne «{column}»" in warning and bad in warning
    assert str(app_state) not in warning
    assert charts(at)[0]["layout"]["title"]["text"] == "Andel av befolkningen med innvandrerbakgrunn"


def test_a_suppressed_figure_shows_its_symbol_not_zero(app_state):
    path = ssb.snapshot_path(app_state, "trondheim")
    path.parent.mkdir(parents=True)
    header = (DATA / "trondheim" / population.FILE).read_text(encoding="utf-8").splitlines()[0]
    path.write_text(
        header + "\n"
        "trondheim,Trondheim,2024,innvandrerbakgrunn,,,41000,,personer,ssb-09817,09817,2025-03-11T07:00:00Z,2026-11-22T09:30:00Z,,\n"
        "trondheim,Trondheim,2024,innvandrerbakgrunn,111,Polen,3000,,personer,ssb-09817,09817,2025-03-11T07:00:00Z,2026-11-22T09:30:00Z,,\n"
        "trondheim,Trondheim,2024,innvandrerbakgrunn,664,Nauru,,:,personer,ssb-09817,09817,2025-03-11T07:00:00Z,2026-11-22T09:30:00Z,,\n",
        encoding="utf-8",
    )
    at = run_page(PAGE)
    assert not at.exception and not at.error
    (table,) = [frame.value for frame in at.dataframe if "Verdi" in frame.value.columns]
    assert table.set_index("Landbakgrunn").loc["Nauru", "Verdi"] == ":"


def test_in_english_the_country_is_named_norway():
    at = run_page(PAGE, lang="en")
    names = [trace["name"] for trace in charts(at)[0]["data"]]
    assert names == ["Trondheim", "Trøndelag", "Norway"]
