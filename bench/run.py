"""`make bench`: every benchmark in one run, printed as one table (see bench/README.md). Not a pass/fail test.

BENCH_QUICK=1 runs each figure a few times only (a smoke check of the harness, not figures to quote).
BENCH_SECTIONS=server,scale,browser,memory,ssb picks sections (all by default).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, bench/ is sys.path[0]; its views.py would then shadow the app's views/ (a namespace package,
# which Python picks only when no module of that name is found anywhere on the path). Import bench.* from the root.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import browser, national, server_cost, ssb_reader  # noqa: E402
from bench.baselines.gdp_data import write_gdp_csv  # noqa: E402
from bench.baselines.template import gdp_template  # noqa: E402
from bench.stats import Figure, table  # noqa: E402
from bench.views import MAP_VIEW, VIEWS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUICK = os.environ.get("BENCH_QUICK") == "1"
SECTIONS = os.environ.get("BENCH_SECTIONS", "server,scale,browser,memory,ssb").split(",")
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
    return "≤ 500 ms" if name == YEAR_CHANGE else "≤ 2000 ms"


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

    start = time.perf_counter()
    folder = national.write_data_folder(work / "national")
    generated = time.perf_counter() - start
    state = work / "state-national"
    start = time.perf_counter()
    national.write_reports(store.sqlite_url(state / "status.sqlite"))
    reports = time.perf_counter() - start
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
        Figure("scale", "load: bundle (load_bundle)", "s", tuple(loads["bundle"])),
        Figure("scale", "load: population (population.load)", "s", tuple(loads["population"])),
    ]
    return server_cost.app_env(folder, state), figures


def browser_figures(work: Path) -> list[Figure]:
    env = {
        "DASHBOARD_DATA_DIR": str(ROOT / "data"),
        "DASHBOARD_STATE_DIR": str(work / "state-browser"),
        "SSB_API_URL": f"http://127.0.0.1:{browser.free_port()}/api/pxwebapi/v2",
        "BENCH_GDP_CSV": os.environ["BENCH_GDP_CSV"],
    }
    with browser.server("bench/baselines/app.py", env) as (_, url):
        base = browser.measure_baselines(url, BROWSER_RUNS)
    with browser.server("app.py", env) as (_, url):
        app = browser.measure_app(url, BROWSER_RUNS)
    figures = [
        Figure("browser", "minimal page", "ms", tuple(base["minimal"])),
        Figure("browser", GDP, "ms", tuple(base["gdp"])),
        Figure("browser", GDP_CHANGE, "ms", tuple(base["gdp: year change"])),
    ]
    for view in [*VIEWS, YEAR_CHANGE]:
        name = getattr(view, "name", view)
        figures.append(
            Figure(
                "browser", name, "ms", tuple(app[name]), GDP_CHANGE if name == YEAR_CHANGE else GDP, target(name, "")
            )
        )
    notes = [f"map redrawn and changed after every year change: {'yes' if app['_map_changed'][0] else 'NO'}"]
    notes.append(f"requests outside the machine (aborted): {int(app['_outside_requests'][0])}")
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
        if "browser" in SECTIONS:
            found, notes = browser_figures(work)
            figures += found
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
