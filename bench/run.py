"""`make bench`: every benchmark in one run, printed as one table (see bench/README.md). Not a pass/fail test.

BENCH_QUICK=1 runs each figure a few times only (a smoke check of the harness, not figures to quote).
BENCH_SECTIONS=server,scale,explore,browser,memory,ssb picks sections (all by default).
BENCH_NATIONAL_DIR=<folder> reuses a national folder written by `bench/national.py <folder> --reports` (its
status.sqlite beside the bundles) instead of generating one: for working on one section, not for figures to quote.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

# The project first, and not bench/ itself (where `python bench/run.py` puts it): bench/views.py would otherwise
# shadow the views/ folder (a namespace package loses to a module of the same name) and no page script would run.
sys.path[:] = [str(Path(__file__).resolve().parents[1])] + [
    p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent
]

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench import browser, national, server_cost, ssb_reader  # noqa: E402
from bench.baselines.gdp_data import write_gdp_csv  # noqa: E402
from bench.baselines.template import gdp_template  # noqa: E402
from bench.stats import Figure, table  # noqa: E402
from bench.views import MAP_VIEW, VIEWS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUICK = os.environ.get("BENCH_QUICK") == "1"
SECTIONS = os.environ.get("BENCH_SECTIONS", "server,scale,explore,browser,memory,ssb").split(",")
SERVER_RUNS, SCALE_RUNS, BROWSER_RUNS, SESSIONS = (3, 2, 2, 3) if QUICK else (20, 10, 10, 10)
SCALE_TIMEOUT = 60  # seconds; a national-scale view slower than this on any run is reported as such
YEAR_CHANGE = f"{MAP_VIEW.name}: year change"
GDP, GDP_CHANGE = "gdp template", "gdp: year range change"
LOOKALIKE = "gdp look-alike"  # bench/baselines/gdp.py: the template's calls on generated data
TEMPLATE = gdp_template()  # the real template's streamlit_app.py, run unchanged from where it lies; None if absent


def target(name: str, section: str) -> str:
    if section == "server":
        if name in ("befolkning", "nettverk"):
            return "≤ 0.5× gdp"  # issue 17
        return "≤ 1.5× gdp" if name == YEAR_CHANGE else "≤ 3× gdp"
    return "≤ 1.0×" if name in (YEAR_CHANGE, NEW_YEAR) else "≤ 2000 ms"  # issue 17: the map as fast as the template


def server_figures(work: Path) -> list[Figure]:
    """Warm reruns of the two baselines and every view on the shipped data, taking turns in this process."""
    shipped = server_cost.app_env(ROOT / "data", work / "state-shipped")
    subjects = [server_cost.baseline("minimal page", "minimal.py", shipped)]
    if TEMPLATE is not None:
        subjects.append(server_cost.baseline(GDP, TEMPLATE, shipped))
    subjects.append(server_cost.baseline(LOOKALIKE if TEMPLATE is not None else GDP, "gdp.py", shipped))
    subjects += server_cost.view_subjects("", shipped, "trondheim")
    server_cost.measure(subjects, SERVER_RUNS)
    figures = []
    for s in subjects:
        base = "" if s.name in ("minimal page", GDP, LOOKALIKE) else GDP
        figures.append(
            Figure("server", s.name, "ms", tuple(s.milliseconds), base, target(s.name, "server") * bool(base))
        )
    return figures


def scale_figures(work: Path) -> list[Figure]:
    """The national-scale folder: generation and load times, and every view's warm rerun against the shipped data.

    Measured after the server section, in turns with the shipped views again: a large heap slows every rerun in
    the process a little (garbage collection), so both sides of each ratio run under the same conditions."""
    big, figures = national_folder(work)
    shipped = server_cost.app_env(ROOT / "data", work / "state-shipped")
    subjects = server_cost.view_subjects("shipped: ", shipped, "trondheim", SCALE_RUNS)
    subjects += server_cost.view_subjects("national: ", big, national.ORG, SCALE_RUNS, SCALE_TIMEOUT)
    server_cost.measure(subjects, SCALE_RUNS)
    for s in subjects:
        base = s.name.replace("national: ", "shipped: ") if s.name.startswith("national: ") else ""
        note = f"stopped: {s.failed}" if s.failed else ""
        figures.append(Figure("scale", s.name, "ms", tuple(s.milliseconds), base, "≤ 2× shipped" * bool(base), note))
    return figures


def national_folder(work: Path) -> tuple[dict[str, str], list[Figure]]:
    """Generate the national-scale folder and its reports; time generation and the loaders."""
    from analytics import bundle, population, store  # noqa: PLC0415

    given = os.environ.get("BENCH_NATIONAL_DIR")
    if given or (work / "national").exists():  # given, or written by an earlier section of this run
        folder = Path(given) if given else work / "national"
        return server_cost.app_env(folder, folder if given else work / "state-national"), []
    start = time.perf_counter()
    folder = national.write_data_folder(work / "national")
    generated = time.perf_counter() - start
    state = work / "state-national"
    start = time.perf_counter()
    national.write_reports(store.sqlite_url(state / "status.sqlite"))
    reports = time.perf_counter() - start
    start = time.perf_counter()
    national.write_plan_revisions(store.sqlite_url(state / "status.sqlite"), folder)
    revisions = time.perf_counter() - start
    today = dt.date.today()
    known = bundle.load_sources(folder / "sources.yml")["id"]
    loads = {"bundle": [], "population": []}
    for _ in range(1 if QUICK else 3):
        start = time.perf_counter()
        bundle.load_bundle(folder / national.ORG, known, today)
        loads["bundle"].append(time.perf_counter() - start)
        start = time.perf_counter()
        population.load(folder / national.ORG / population.FILE, known, today)
        loads["population"].append(time.perf_counter() - start)
    figures = [
        Figure("scale", "generate the folder (CSV, YAML)", "s", (generated,)),
        Figure("scale", "write 50 000 reports (Store.add_if_empty)", "s", (reports,)),
        Figure("scale", "write 20 000 plan revisions (Store.add_plan_changes)", "s", (revisions,)),
        Figure("scale", "load: bundle (load_bundle)", "s", tuple(loads["bundle"])),
        Figure("scale", "load: population (population.load)", "s", tuple(loads["population"])),
    ]
    return server_cost.app_env(folder, state), figures


# ---- explore (issue 18): Utforsk's facets and grouping on the national population table ----
EXPLORE_PAGE = "views/utforsk/page.py"
EXPLORE_TARGET = "≤ 2× gdp template (real)"


def explore_figures(work: Path) -> tuple[list[Figure], list[str]]:
    """Warm reruns of Utforsk on the national population table (a facet changed, a grouping changed, the whole
    table) in turns with the real GDP template (bench/baselines/template.py), run unchanged from where it lies;
    without it, the look-alike gdp.py, and the note says so."""
    big, figures = national_folder(work)
    template = gdp_template()
    notes = [] if template else ["explore: the real GDP template was not found; the look-alike gdp.py stands in"]
    base_name = "gdp template (real)" if template else GDP
    app = AppTest.from_file(str(template or server_cost.BASELINES / "gdp.py"), default_timeout=server_cost.TIMEOUT)
    subjects = [server_cost.Subject(base_name, app, server_cost.app_env(ROOT / "data", work / "state-shipped"))]
    years = [str(national.LAST_YEAR - 1), str(national.LAST_YEAR)]
    population = [("table", "Befolkningstall")]
    one_year = [("range_population_year", years[1]), ("range_population_year", years[1])]
    grouping = [
        ("facet_population_figure", "Innvandrere og norskfødte med innvandrerforeldre"),
        ("by_population", "Region"),  # 357 groups: the sum of each municipality's total (its country rows left out)
        ("agg_population", "Sum"),
        ("of_population", "Verdi"),
    ]
    plans = [
        ("utforsk national: population, facet change", population, _change_country),
        ("utforsk national: population, grouping change", population + one_year + grouping, _change_year),
        ("utforsk national: population, whole table", population, None),
    ]
    subjects += [_explore_subject(name, params, big, change) for name, params, change in plans]
    server_cost.measure(subjects, SCALE_RUNS)
    for s in subjects:
        base = base_name if s is not subjects[0] else ""
        note = f"stopped: {s.failed}" if s.failed else ""
        figures.append(Figure("explore", s.name, "ms", tuple(s.milliseconds), base, EXPLORE_TARGET * bool(base), note))
    return figures, notes


def _explore_subject(name: str, params: list[tuple[str, str]], env: dict, change) -> server_cost.Subject:
    """Utforsk of the national organisation opened by a link with `params`; its first runs fill the caches."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=server_cost.TIMEOUT)  # the first run loads
    app.session_state["lang"], app.session_state["org"] = "nb", national.ORG
    for key in dict.fromkeys(k for k, _ in params):
        values = [v for k, v in params if k == key]
        app.query_params[key] = values if len(values) > 1 else values[0]
    os.environ.update(env)
    app.run()
    app.switch_page(EXPLORE_PAGE).run()
    if app.exception:
        raise RuntimeError(f"{name}: {app.exception[0].message}")
    if app.warning:  # a refused grouping would measure the refusal, not the grouping
        raise RuntimeError(f"{name}: {app.warning[0].value}")
    app.default_timeout = SCALE_TIMEOUT
    return server_cost.Subject(name, app, env, change, SCALE_RUNS)


def _change_country(app: AppTest, run: int) -> None:
    """Choose one country background, then another (each leaves 357 regions × 15 years of rows)."""
    facet = app.multiselect(key="facet_population_country_background")
    facet.set_value([facet.options[run % 2]])


def _change_year(app: AppTest, run: int) -> None:
    """Move the year range between the last two years (the grouping is computed anew)."""
    year = national.LAST_YEAR - run % 2
    app.slider(key="range_population_year").set_value((year, year))


TEMPLATE_LOAD, TEMPLATE_CHANGE = "gdp template (real): load by URL", "gdp template (real): year change"
NEW_YEAR = f"{MAP_VIEW.name}: new year"


def template_figures(env: dict[str, str]) -> tuple[list[Figure], list[str], str, str]:
    """The real GDP template, run unchanged from where it lies; the look-alike with a printed note if it is absent.
    Returns (figures, notes, the load figure's name, the year change figure's name) to take ratios to."""
    real = gdp_template()
    if real is None:
        note = (
            "the real GDP template (../shared/anchors) is absent: ratios are to the look-alike bench/baselines/gdp.py"
        )
        print(note, file=sys.stderr)
        return [], [note], "gdp look-alike: load by URL", GDP_CHANGE
    with browser.server(str(real), env, cwd=real.parent) as (_, url):
        measured = browser.measure_template(url, BROWSER_RUNS)
    figures = [
        Figure("browser", TEMPLATE_LOAD, "ms", tuple(measured["load"])),
        Figure("browser", TEMPLATE_CHANGE, "ms", tuple(measured["year change"])),
    ]
    return figures, [f"real GDP template: {real.parent.name} (run unchanged)"], TEMPLATE_LOAD, TEMPLATE_CHANGE


def browser_figures(work: Path) -> list[Figure]:
    env = {
        "DASHBOARD_DATA_DIR": str(ROOT / "data"),
        "DASHBOARD_STATE_DIR": str(work / "state-browser"),
        "SSB_API_URL": f"http://127.0.0.1:{browser.free_port()}/api/pxwebapi/v2",
        "BENCH_GDP_CSV": os.environ["BENCH_GDP_CSV"],
    }
    real, notes, load_base, change_base = template_figures(env)
    with browser.server("bench/baselines/app.py", env) as (_, url):
        base = browser.measure_baselines(url, BROWSER_RUNS)
        look_alike = browser.measure_url_loads(url, BROWSER_RUNS, {"load": ("gdp", False)})
    with browser.server("app.py", env) as (_, url):
        app = browser.measure_app(url, BROWSER_RUNS)
    with browser.server("app.py", env) as (_, url):
        loads = browser.measure_url_loads(url, BROWSER_RUNS, {v.name: (v.url, v == MAP_VIEW) for v in VIEWS})
    figures = [
        *real,
        Figure("browser", "minimal page", "ms", tuple(base["minimal"])),
        Figure("browser", GDP, "ms", tuple(base["gdp"])),
        Figure("browser", "gdp look-alike: load by URL", "ms", tuple(look_alike["load"])),
        Figure("browser", GDP_CHANGE, "ms", tuple(base["gdp: year change"])),
    ]
    for view in [*VIEWS, YEAR_CHANGE, NEW_YEAR]:
        name = getattr(view, "name", view)
        base_name = change_base if name in (YEAR_CHANGE, NEW_YEAR) else GDP
        figures.append(Figure("browser", name, "ms", tuple(app[name]), base_name, target(name, "")))
    for view in VIEWS:
        figures.append(
            Figure("browser", f"{view.name}: load by URL", "ms", tuple(loads[view.name]), load_base, "≤ 1.0×")
        )
    outside = int(app["_outside_requests"][0] + loads["_outside_requests"][0])
    notes.append(f"map redrawn and changed after every year change: {'yes' if app['_map_changed'][0] else 'NO'}")
    notes.append(f"requests outside the machine (aborted): {outside}")
    notes.append(f"clicks the app did not take (repeated): {len(browser.RETRIES)}")
    return figures, notes


def memory_figures(work: Path) -> list[Figure]:
    env = {
        "DASHBOARD_DATA_DIR": str(ROOT / "data"),
        "DASHBOARD_STATE_DIR": str(work / "state-memory"),
        "SSB_API_URL": f"http://127.0.0.1:{browser.free_port()}/api/pxwebapi/v2",
    }
    with browser.server("app.py", env) as (process, url):
        rss = browser.session_memory(process.pid, url, SESSIONS)
    per_session = (rss[-1] - rss[1]) / (len(rss) - 2)
    return [
        Figure("memory", "server RSS, idle", "MB", (rss[0],)),
        Figure("memory", "server RSS after 1 session", "MB", (rss[1],)),
        Figure("memory", f"server RSS after {SESSIONS} sessions", "MB", (rss[-1],), "", "≤ 400 MB"),
        Figure("memory", "per additional session", "MB", (per_session,), "", "≤ 10 MB"),
    ]


def ssb_figures() -> list[Figure]:
    rows = ssb_reader.main(*((1, 1) if QUICK else (5, 3)))
    figures = [Figure("ssb", rows[0]["reader"], "s", tuple(rows[0]["times"]), "", "< 2 s")]
    figures.append(Figure("ssb", "ours: peak memory (tracemalloc)", "MB", (rows[0]["peak_mb"],)))
    if len(rows) == 2:
        figures.append(Figure("ssb", rows[1]["reader"], "s", tuple(rows[1]["times"]), rows[0]["reader"], "≥ 10× ours"))
    return figures


def machine() -> str:
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    import streamlit  # noqa: PLC0415

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return (
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} × {cpu}, Python {platform.python_version()}, "
        f"streamlit {streamlit.__version__}, pandas {pd.__version__}, numpy {np.__version__}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    started = time.perf_counter()
    print(machine() + (" — QUICK (smoke check, not figures to quote)" if QUICK else ""))
    if TEMPLATE is None:
        print(
            "NOTE: the real GDP template (../shared/anchors/gdp-dashboard-template, or $BENCH_ANCHORS) is absent; "
            "the server ratios are to the look-alike bench/baselines/gdp.py on generated data instead."
        )
    else:
        print(f"gdp template: {TEMPLATE} (run unchanged where it lies); the look-alike is measured beside it")
    figures, notes = [], []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        os.environ["BENCH_GDP_CSV"] = str(write_gdp_csv(work / "gdp.csv"))
        if "server" in SECTIONS:
            figures += server_figures(work)
        if "scale" in SECTIONS:
            figures += scale_figures(work)
        if "explore" in SECTIONS:
            found, explore_notes = explore_figures(work)
            figures += found
            notes += explore_notes
        if "browser" in SECTIONS:
            found, browser_notes = browser_figures(work)
            figures += found
            notes += browser_notes
        if "memory" in SECTIONS:
            figures += memory_figures(work)
    if "ssb" in SECTIONS:
        figures += ssb_figures()
    print()
    print(table(figures))
    for note in notes:
        print(note)
    print(f"load average at the end {os.getloadavg()[0]:.1f}; total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
