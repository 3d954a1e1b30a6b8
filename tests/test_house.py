"""The house rules that hold the code's shape: short functions, and imports that only run one way
(analytics/ ← ui/ ← views/, no view importing another)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("analytics", "ui", "views")
MAX_LINES = 50
# Functions allowed over MAX_LINES, as (path, name): none.
KNOWN_LONG: set[tuple[str, str]] = set()


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def long_functions(source: str, limit: int = MAX_LINES) -> list[tuple[str, int, int]]:
    """(name, first line, length) of every function or method in `source` longer than `limit` lines, counted from
    its `def` line to its last line (decorators not counted)."""
    return [
        (node.name, node.lineno, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > limit
    ]


def imported_modules(source: str) -> set[str]:
    """Every module `source` imports, by its full dotted name (`from a import b` gives "a" and "a.b")."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden_imports(path: Path, source: str) -> list[str]:
    """The imports of a module under analytics/, ui/ or views/ that run against the house's direction: analytics/
    imports none of streamlit, ui, views; ui/ imports no view; a view imports no other view."""
    layer, *rest = path.relative_to(ROOT).parts
    banned = {"analytics": ("streamlit", "ui", "views"), "ui": ("views",)}.get(layer, ())
    own_view = Path(rest[0]).stem if layer == "views" else None

    def wrong(name: str) -> bool:
        top, *below = name.split(".")
        return top in banned or (own_view is not None and top == "views" and bool(below) and below[0] != own_view)

    return [name for name in sorted(imported_modules(source)) if wrong(name)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def short():\n    return 1\n", []),
        ("def long():\n" + "    x = 1\n" * 50, [("long", 1, 51)]),
        ("def exactly():\n" + "    x = 1\n" * 49, []),
        ("class A:\n    def method(self):\n" + "        x = 1\n" * 60, [("method", 2, 61)]),
        ("def outer():\n    def inner():\n" + "        x = 1\n" * 60, [("outer", 1, 62), ("inner", 2, 61)]),
    ],
)
def test_long_functions_are_counted_from_def_to_last_line(source, expected):
    assert long_functions(source) == expected


def test_no_function_in_analytics_ui_or_views_is_over_50_lines():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} {name} ({length} lines)"
        for folder in FOLDERS
        for path in python_files(folder)
        for name, line, length in long_functions(path.read_text(encoding="utf-8"))
        if (path.relative_to(ROOT).as_posix(), name) not in KNOWN_LONG
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("analytics/a.py", "import streamlit as st\n", ["streamlit"]),
        ("analytics/a.py", "from ui import cached\n", ["ui", "ui.cached"]),
        ("analytics/a.py", "from views.tiltak import plan\n", ["views.tiltak", "views.tiltak.plan"]),
        ("analytics/a.py", "import pandas as pd\nfrom analytics import plan\n", []),
        ("ui/a.py", "import streamlit as st\nfrom analytics import plan\n", []),
        ("ui/a.py", "import views.tiltak.blocks\n", ["views.tiltak.blocks"]),
        ("views/tiltak/page.py", "from views.tiltak import blocks\nfrom ui import shell\n", []),
        (
            "views/tiltak/page.py",
            "from views.oversikt import followup\n",
            ["views.oversikt", "views.oversikt.followup"],
        ),
        ("views/tiltak/page.py", "from views import oversikt\n", ["views.oversikt"]),
    ],
)
def test_imports_against_the_direction_are_found(path, source, expected):
    assert forbidden_imports(ROOT / path, source) == expected


def test_imports_run_one_way_and_no_view_imports_another():
    offenders = {
        str(path.relative_to(ROOT)): bad
        for folder in FOLDERS
        for path in python_files(folder)
        if (bad := forbidden_imports(path, path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
