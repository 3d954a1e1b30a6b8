"""The import cost of opening the app: ui.shell, ui.cached and every view's modules, in a fresh interpreter, for
one or more checkouts (e.g. the main checkout before a change and this one after), interleaved with the real GDP
template's imports (streamlit, pandas, math, pathlib: the lines at the top of its streamlit_app.py, found by
bench/baselines/template.py). Prints figures, and each checkout's total against the template's (target ≤ 1.2×).

    .venv/bin/python bench/imports.py [RUNS] [CHECKOUT ...]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["sqlalchemy", "openpyxl", "pptx", "kaleido", "PIL", "duckdb", "docx"]
SCRIPT = """
import importlib, json, pathlib, sys, time
start = time.perf_counter()
import streamlit
after_streamlit = time.perf_counter()
for path in ["ui/shell.py", "ui/cached.py", *sorted(str(p) for p in pathlib.Path("views").glob("*/*.py"))]:
    if not path.endswith("page.py"):
        importlib.import_module(path[:-3].replace("/", "."))
end = time.perf_counter()
print(json.dumps({"streamlit": after_streamlit - start, "app": end - after_streamlit,
                  "loaded": [h for h in HEAVY if h in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))


TEMPLATE_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import streamlit
after_streamlit = time.perf_counter()
import math, pathlib
import pandas
end = time.perf_counter()
print(json.dumps({"streamlit": after_streamlit - start, "app": end - after_streamlit, "loaded": []}))
"""


def measure(root: Path | None) -> dict:
    """One fresh interpreter importing a checkout's app modules, or (root None) the template's imports."""
    script, cwd = (TEMPLATE_SCRIPT, ROOT) if root is None else (SCRIPT, root)
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", script], cwd=cwd, capture_output=True, text=True, check=True
    )
    import json  # noqa: PLC0415

    return json.loads(done.stdout.strip().splitlines()[-1])


def main(runs: int, roots: list[Path]) -> None:
    print(f"load average {os.getloadavg()[0]:.1f} at start")
    results = {root: [] for root in [None, *roots]}
    for _ in range(runs):
        for root in results:
            results[root].append(measure(root))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    template = statistics.median(v["streamlit"] + v["app"] for v in results[None])
    for root, values in results.items():
        app = statistics.median(v["app"] for v in values)
        base = statistics.median(v["streamlit"] for v in values)
        total = statistics.median(v["streamlit"] + v["app"] for v in values)
        if root is None:
            print(
                f"gdp template: import streamlit {base * 1000:.0f} ms; then pandas, math, pathlib {app * 1000:.0f} "
                f"ms; total {total * 1000:.0f} ms (median of {runs})"
            )
            continue
        print(
            f"{root}: import streamlit {base * 1000:.0f} ms; then the app's ui and views {app * 1000:.0f} ms; "
            f"total {total * 1000:.0f} ms = {total / template:.2f}× the template's (median of {runs}); "
            f"heavy modules loaded: {', '.join(values[0]['loaded']) or 'none'}"
        )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = int(arguments.pop(0)) if arguments and arguments[0].isdigit() else 5
    main(count, [Path(a).resolve() for a in arguments] or [ROOT])
