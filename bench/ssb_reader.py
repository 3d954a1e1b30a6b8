"""Benchmark: our JSON-stat2 reader against pyjstat on a generated national-scale SSB answer.

357 municipalities × 230 country backgrounds × 2 immigrant categories × 15 years (one content code): about
2,5 million cells in SSB's structure. The numbers are random; only the size and the shape matter here.
Prints median and spread of the parse time, peak memory (tracemalloc) and the ratios. Not a pass/fail test.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import jsonstat  # noqa: E402

SIZES = {"Region": 357, "Landbakgrunn": 230, "InnvandrKat": 2, "ContentsCode": 1, "Tid": 15}


def national_answer(seed: int = 1) -> str:
    rng = np.random.default_rng(seed)
    cells = int(np.prod(list(SIZES.values())))
    values: list = rng.integers(0, 5000, cells).tolist()
    suppressed = rng.choice(cells, cells // 50, replace=False)
    for position in suppressed:
        values[int(position)] = None
    dimension = {}
    for dim_id, size in SIZES.items():
        codes = [f"{2010 + i}" if dim_id == "Tid" else f"{dim_id[:1]}{i:04d}" for i in range(size)]
        dimension[dim_id] = {
            "label": dim_id.lower(),
            "category": {"index": {c: i for i, c in enumerate(codes)}, "label": {c: f"{dim_id} {c}" for c in codes}},
        }
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "09817: generated national answer",
        "source": "Statistisk sentralbyrå",
        "updated": "2025-03-11T07:00:00Z",
        "role": {"geo": ["Region"], "metric": ["ContentsCode"], "time": ["Tid"]},
        "id": list(SIZES),
        "size": list(SIZES.values()),
        "dimension": dimension,
        "extension": {"px": {"tableid": "09817"}},
        "value": values,
        "status": {str(int(p)): ":" for p in suppressed},
    }
    return json.dumps(doc)


def ours(text: str):
    return jsonstat.read(text).frame


def pyjstat_reader(text: str):
    from pyjstat import pyjstat  # noqa: PLC0415 - optional, installed by `make bench`

    return pyjstat.Dataset.read(text).write("dataframe")


def timed(function, text: str, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = function(text)
        times.append(time.perf_counter() - start)
    return times, result


def peak_mb(function, text: str) -> float:
    gc.collect()
    tracemalloc.start()
    function(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(runs: int = 5, pyjstat_runs: int = 3) -> list[dict]:
    text = national_answer()
    print(f"Answer: {int(np.prod(list(SIZES.values()))):,} cells, {len(text) / 1e6:.1f} MB of JSON")
    rows = []
    readers = [("ours (analytics.jsonstat)", ours, runs)]
    try:
        import pyjstat  # noqa: F401, PLC0415

        readers.append(("pyjstat 2.4.0", pyjstat_reader, pyjstat_runs))
    except ImportError:
        print("pyjstat is not installed (pip install -r bench/requirements.txt): only our reader is measured")
    values = []
    for name, function, n in readers:
        times, frame = timed(function, text, n)
        frame_mb = frame.memory_usage(deep=True).sum() / 1e6
        values.append(frame["value"].to_numpy(dtype=float, na_value=np.nan))
        del frame
        rows.append(
            {
                "reader": name,
                "runs": n,
                "times": times,
                "median_s": statistics.median(times),
                "min_s": min(times),
                "max_s": max(times),
                "peak_mb": peak_mb(function, text),
                "frame_mb": frame_mb,
            }
        )
    print(
        f"{'reader':28} {'runs':>4} {'median s':>9} {'min–max s':>13} {'peak MB':>8} {'frame MB':>9} {'peak/frame':>10}"
    )
    for r in rows:
        spread = f"{r['min_s']:.2f}–{r['max_s']:.2f}"
        ratio = r["peak_mb"] / r["frame_mb"]
        print(
            f"{r['reader']:28} {r['runs']:>4} {r['median_s']:>9.2f} {spread:>13} {r['peak_mb']:>8.0f} "
            f"{r['frame_mb']:>9.0f} {ratio:>10.1f}"
        )
    if len(rows) == 2:
        same = np.array_equal(values[0], values[1], equal_nan=True)
        print(f"pyjstat / ours, median time: {rows[1]['median_s'] / rows[0]['median_s']:.1f}×")
        print(f"Same values in the same order as pyjstat: {'yes' if same else 'NO'}")
    return rows


if __name__ == "__main__":
    main()
