"""Opening the app loads no database, Excel, Word, PowerPoint or DuckDB code: those load when first used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# PIL is not here: streamlit itself imports it.
HEAVY = ["sqlalchemy", "openpyxl", "pptx", "kaleido", "duckdb", "docx"]
VIEWS = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts) for p in ROOT.glob("views/*/*.py") if p.stem != "page"
)


def loaded_after(modules: list[str]) -> dict[str, bool]:
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps({{h: h in sys.modules for h in {HEAVY!r}}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "modules",
    [["ui.shell", "ui.cached"], ["ui.navigation", "ui.search", "ui.settings", "ui.shell", "ui.cached", *VIEWS]],
    ids=["shell and cached", "app and every view's blocks"],
)
def test_the_heavy_libraries_are_not_loaded_by_the_app_and_views(modules):
    assert loaded_after(modules) == dict.fromkeys(HEAVY, False)


def test_the_check_sees_a_heavy_library_when_it_is_loaded():
    loaded = loaded_after(["ui.cached", "analytics.excel", "analytics.store"])
    assert loaded["openpyxl"] and loaded["sqlalchemy"]
