"""`population.load` on the national-scale population file (1,25 million rows): the column-wise reader against
the row-by-row reader it replaced, interleaved in one run. Prints figures; nothing passes or fails.

    .venv/bin/python bench/population_load.py [RUNS]
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import checks, population  # noqa: E402
from bench import national  # noqa: E402


def main(runs: int = 3) -> None:
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / population.FILE
        rows = national.population_rows(
            national.NATIONAL, national.country_codes(national.NATIONAL.countries), np.random.default_rng(1)
        )
        national._write_csv(path, rows, population.columns(today))
        del rows
        known = {national.SOURCE}
        print(f"{path.stat().st_size / 1e6:.0f} MB, load average {os.getloadavg()[0]:.1f} at start")
        times = {"column-wise (read_csv)": [], "row by row (read_csv_by_row)": []}
        for _ in range(runs):
            for name in times:
                reader = checks.read_csv if name.startswith("column") else checks.read_csv_by_row
                with mock.patch.object(population, "read_csv", reader):
                    start = time.perf_counter()
                    frame = population.load(path, known, today)
                    times[name].append(time.perf_counter() - start)
        print(f"{len(frame):,} rows, load average {os.getloadavg()[0]:.1f} at the end")
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            shown = ", ".join(f"{v:.2f}" for v in values)
            print(f"population.load, {name}: median {medians[name]:.2f} s ({shown})")
        print(f"speed-up: {medians['row by row (read_csv_by_row)'] / medians['column-wise (read_csv)']:.1f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
