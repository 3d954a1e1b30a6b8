"""AppTest: every chart in every view comes with a text summary, its figures in an expander and its source line."""

from __future__ import annotations

import re

import pytest

from analytics.formatting import escape_markdown, format_date
from analytics.i18n import t
from analytics.store import Report, Store, sqlite_url
from tests.markup_check import shown
from tests.test_pages import run_page

VIEWS = ["views/vennskapsbyer/page.py", "views/nettverk/page.py", "views/befolkning/page.py", "views/tiltak/page.py"]
SOURCE_PREFIXES = ("Kilde:", "Kilder:", "Source:", "Sources:")
# The data's own date after the source line, as on a slide: the figures' years, the sources' years or the latest
# report (or that there is none yet), never today's date.
DATA_DATE = re.compile(
    r" · (Tall for|Figures for|Kilder datert|Sources dated) (19|20)\d\d(–(19|20)\d\d)?"
    r"(, (hentet fra SSB|fetched from SSB) \d\d\.\d\d\.\d{4})?$"
    r"| · (Siste rapport|Latest report) \d\d\.\d\d\.\d{4}$| · (Ingen rapporter ennå|No reports yet)$"
)

pytestmark = pytest.mark.usefixtures("app_state")


def in_order(at) -> list:
    """Every element of the main area in the order drawn (a container before what it holds)."""

    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)

    return list(walk(at.main))


def chart_units(at, lang: str) -> list[dict]:
    """Per plotly chart: the element right after it (its summary), the texts up to its data expander, the
    expander's label and table, and the caption after the expander (the source line)."""
    drawn = in_order(at)
    units = []
    for i, element in enumerate(drawn):
        if element.type != "plotly_chart":
            continue
        after = drawn[i + 1 :]
        expander = next(j for j, e in enumerate(after) if e.type == "expander")
        tables = [e for e in after[expander:] if e.type == "dataframe"]
        units.append(
            {
                "summary": after[0],
                "captions": [e.value for e in after[:expander] if e.type in ("markdown", "caption")],
                "label": after[expander].label,
                "table": tables[0].value if tables else None,
                "source": shown(next(e.value for e in after[expander:] if e.type == "caption")),
            }
        )
    return units


@pytest.mark.parametrize("org", ["trondheim", "kuopio", "ntnu", "trondelag", "trd30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_chart_has_a_summary_a_data_expander_and_a_source_line_with_its_data_date(view, lang, org):
    at = run_page(view, lang, org)
    assert not at.exception
    charts = [e for e in in_order(at) if e.type == "plotly_chart"]
    data_expanders = [e for e in at.expander if e.label == t("chart.data", lang)]
    assert len(data_expanders) == len(charts)
    for unit in chart_units(at, lang):
        summary = unit["summary"]
        assert summary.type == "markdown" and not summary.proto.allow_html
        assert summary.value.strip() and not summary.value.startswith(SOURCE_PREFIXES)
        assert unit["label"] == t("chart.data", lang)
        assert unit["table"] is not None and not unit["table"].empty
        assert unit["source"].startswith(SOURCE_PREFIXES)
        assert DATA_DATE.search(unit["source"]), unit["source"]


def test_trondheim_draws_every_chart_it_has_data_for():
    counts = {view: len(chart_units(run_page(view), "nb")) for view in VIEWS}
    assert counts == {VIEWS[0]: 1, VIEWS[1]: 3, VIEWS[2]: 4, VIEWS[3]: 0}  # no reports yet: no history


def test_the_agreements_chart_says_what_it_shows_and_lists_the_years_that_change():
    (unit,) = chart_units(run_page(VIEWS[0]), "nb")
    assert unit["captions"][0] == escape_markdown(
        "Første avtale: 1945. Flest nye avtaler i ett år: 4 i 1946. I alt 15 i 2012."
    )
    assert unit["table"].columns.tolist() == ["År", "Vennskapsby", "Intensjonsavtale", "MoU / solidaritet", "I alt"]
    assert unit["table"].iloc[-1].tolist() == ["2012", "13", "1", "1", "15"]


def test_the_network_charts_give_their_numbers_in_english():
    summaries = [unit["captions"][0] for unit in chart_units(run_page(VIEWS[1], "en"), "en")]
    assert summaries[0].startswith(escape_markdown("Each dot is a network the strategy ties to the goal area. 30 dots"))
    assert escape_markdown("5 · International community (2)") in summaries[1]
    assert summaries[2].startswith("The networks by scope")


def test_the_population_summaries_keep_the_notes_and_number_formats():
    units = chart_units(run_page(VIEWS[2]), "nb")
    share, persons, countries, change = units
    assert escape_markdown("Trondheim 15,3\u00a0% (2018)") in share["captions"][0]
    assert share["table"].set_index("År").loc["2018", "Hele landet"] == "17,3\u00a0%"
    assert persons["captions"][0].startswith(escape_markdown("Trondheim hadde 29\u00a0539 innbyggere"))
    assert any(
        c.startswith(escape_markdown("Merknad:")) for c in persons["captions"][1:]
    )  # the data note under its chart
    assert escape_markdown("Polen 1\u00a0536 (Kraków)") in countries["captions"][0]
    assert change["table"].set_index("Landbakgrunn").loc["Polen", "Endring"] == "+281"


def test_a_measures_history_has_a_summary_and_its_reports_open_beside_it(app_state):
    store = Store(sqlite_url(app_state / "status.sqlite"))
    store.add([Report("trondheim", "vennskapsbyavtaler", "2026", "i_rute", 50, None, "ok", "Kari")])
    at = run_page(VIEWS[3])
    at.selectbox(key="measure").set_value("vennskapsbyavtaler").run()
    (unit,) = chart_units(at, "nb")
    assert unit["captions"][0].startswith(escape_markdown("Én rapport, "))
    assert unit["captions"][0].endswith(escape_markdown(": i rute, fremdrift 50\u00a0%."))
    assert unit["table"]["Kommentar"].tolist() == ["ok"]
    reported = store.reports("trondheim")["reported_at"].max()
    assert unit["source"] == f"{t('measures.source_reports', 'nb')} · Siste rapport {format_date(reported.date())}"


@pytest.mark.parametrize(
    ("view", "lang", "dates"),
    [
        (VIEWS[0], "nb", ["Kilder datert 2019"]),
        (VIEWS[1], "en", ["Sources dated 2019–2026"] * 3),
        (VIEWS[2], "nb", ["Tall for 2013–2026", "Tall for 2011–2018", "Tall for 2012", "Tall for 2011–2012"]),
    ],
)
def test_each_chart_gives_the_date_of_its_own_figures(view, lang, dates):
    """The years of the figures drawn (the persons chart ends in 2018, the country chart shows one year), not the
    view's or today's."""
    assert [unit["source"].rsplit(" · ", 1)[1] for unit in chart_units(run_page(view, lang), lang)] == dates
