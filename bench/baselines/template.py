"""Where the real Streamlit GDP dashboard template lies (../shared/anchors), to run it unchanged from there.

The anchors folder sits beside the project in the workplace (`../shared/anchors/gdp-dashboard-template`), but a
worktree or a CI clone may sit deeper or elsewhere: the folder is looked up in every parent directory, or taken
from $BENCH_ANCHORS. None means it is absent; the benchmark then falls back to the look-alike (`gdp.py`) and says so.
"""

from __future__ import annotations

import os
from pathlib import Path

TEMPLATE = Path("gdp-dashboard-template") / "streamlit_app.py"


def gdp_template() -> Path | None:
    """The template's own `streamlit_app.py` (it reads `data/gdp_data.csv` beside itself), or None if absent."""
    given = os.environ.get("BENCH_ANCHORS")
    candidates = [Path(given)] if given else []
    candidates += [parent / "shared" / "anchors" for parent in Path(__file__).resolve().parents]
    for anchors in candidates:
        if (anchors / TEMPLATE).is_file():
            return anchors / TEMPLATE
    return None
