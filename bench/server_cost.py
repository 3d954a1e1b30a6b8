"""Server cost per view: the time the script runner takes for one warm rerun, measured inside one process.

Each subject (a baseline page, a view of app.py on some data) is an AppTest session whose caches were filled by
two runs first. The subjects take turns, one rerun each, so that a burst of load from other processes on the
machine falls on all of them alike. What is timed is ScriptRunner._run_script: app.py's frame and the page
script, every st.* call with its protobuf (plotly and deck JSON, Arrow tables), the widget and session-state
handling — what a real server runs per rerun — but not AppTest's own set-up and parsing of the result.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from streamlit import logger
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module
from streamlit.testing.v1 import local_script_runner as local_script_runner_module
from streamlit.testing.v1.local_script_runner import LocalScriptRunner

from bench.views import MAP_VIEW, VIEWS, YEAR_KEY, YEARS

ROOT = Path(__file__).resolve().parents[1]
BASELINES = Path(__file__).resolve().parent / "baselines"
TIMEOUT = 600

# AppTest sessions set up outside a script run warn "missing ScriptRunContext"; harmless here.
logger.set_log_level("error")
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
_script_seconds: list[float] = []
_run_script = LocalScriptRunner._run_script


def _timed_run_script(self, rerun_data) -> None:
    start = time.perf_counter()
    try:
        _run_script(self, rerun_data)
    finally:
        _script_seconds.append(time.perf_counter() - start)


LocalScriptRunner._run_script = _timed_run_script

# A server compiles a page script once (its ScriptCache lives as long as the runtime); AppTest makes a new
# ScriptCache on every run, so each timed rerun would also parse and compile app.py and the page (AST rewriting
# for "magic" included), which no real rerun does. One shared cache, as in a server, for every subject alike.
_SCRIPT_CACHE = ScriptCache()
app_test_module.ScriptCache = lambda: _SCRIPT_CACHE
local_script_runner_module.ScriptCache = lambda: _SCRIPT_CACHE


@dataclass
class Subject:
    """One AppTest session to rerun; `env` is set before each run, `change` (if any) sets a widget first."""

    name: str
    app: AppTest
    env: dict[str, str]
    change: Callable[[AppTest, int], None] | None = None
    runs: int | None = None  # at most this many timed reruns (the slow national-scale subjects take fewer)
    milliseconds: list[float] = field(default_factory=list)
    failed: str = ""  # why the subject stopped being measured (a run over its time-out)


def app_env(data_dir: Path, state_dir: Path) -> dict[str, str]:
    return {"DASHBOARD_DATA_DIR": str(data_dir), "DASHBOARD_STATE_DIR": str(state_dir)}


def baseline(name: str, script: str | Path, env: dict[str, str]) -> Subject:
    """A baseline page: a script in bench/baselines, or a path elsewhere (the real template, run where it lies)."""
    path = script if isinstance(script, Path) else BASELINES / script
    return Subject(name, AppTest.from_file(str(path), default_timeout=TIMEOUT), env)


def view(
    name: str, script: str, env: dict[str, str], org: str, change=None, runs: int | None = None, timeout=TIMEOUT
) -> Subject:
    """A session of app.py on `script`; its first runs (which fill the caches) are not timed."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    app.session_state["lang"] = "nb"
    app.session_state["org"] = org
    subject = Subject(name, app, env, change, runs)
    _attempt(subject)
    app.switch_page(script)
    _attempt(subject)
    return subject


def year_change(app: AppTest, run: int) -> None:
    """Move the map's year slider between two years far apart."""
    slider = app.slider(key=YEAR_KEY)
    years = [slider.max if year is None else year for year in YEARS]
    slider.set_value(years[run % 2])


def view_subjects(prefix: str, env: dict[str, str], org: str, runs: int | None = None, timeout=TIMEOUT):
    """Every view, and the map's year change alone."""
    subjects = [view(f"{prefix}{v.name}", v.script, env, org, runs=runs, timeout=timeout) for v in VIEWS]
    name = f"{prefix}{MAP_VIEW.name}: year change"
    subjects.append(view(name, MAP_VIEW.script, env, org, change=year_change, runs=runs, timeout=timeout))
    return subjects


def _run(subject: Subject, run: int | None = None) -> float:
    os.environ.update(subject.env)
    if subject.change is not None and run is not None:
        subject.change(subject.app, run)
    _script_seconds.clear()
    subject.app.run()
    if subject.app.exception:
        raise RuntimeError(f"{subject.name}: {subject.app.exception[0].message}")
    return 1000 * sum(_script_seconds)


def _attempt(subject: Subject, run: int | None = None) -> float | None:
    """One run, unless the subject has failed; a run over its time-out marks it failed."""
    if subject.failed:
        return None
    try:
        return _run(subject, run)
    except RuntimeError as err:
        if "timed out" not in str(err):
            raise
        subject.failed = f"a run took over {subject.app.default_timeout:.0f} s"
        return None


def measure(subjects: list[Subject], runs: int, warm: int = 2) -> list[Subject]:
    """Warm each subject, then `runs` rounds of one rerun per subject; the times land in subject.milliseconds."""
    for subject in subjects:
        for i in range(warm):
            _attempt(subject, i)
    for i in range(runs):
        for subject in subjects:
            if subject.runs is None or i < subject.runs:
                took = _attempt(subject, warm + i)
                if took is not None:
                    subject.milliseconds.append(took)
    return subjects
