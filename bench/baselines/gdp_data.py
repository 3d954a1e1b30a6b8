"""The generated stand-in for the World Bank's GDP file: 266 countries × 64 years, wide, fixed seed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

COUNTRIES, FIRST_YEAR, LAST_YEAR = 266, 1960, 2023


def write_gdp_csv(path: Path, seed: int = 7) -> Path:
    """Columns Country Name, Country Code, 1960 … 2023; GDP-like random values, the early years partly empty."""
    rng = np.random.default_rng(seed)
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    start = rng.lognormal(22, 2, COUNTRIES)
    growth = rng.normal(1.03, 0.04, (COUNTRIES, len(years))).cumprod(axis=1)
    values = start[:, None] * growth
    first_known = rng.integers(0, 40, COUNTRIES)
    values[np.arange(len(years))[None, :] < first_known[:, None]] = np.nan
    values[:4, 0] = start[:4]  # the four countries the page selects have a first year
    frame = pd.DataFrame(values, columns=[str(y) for y in years])
    frame.insert(0, "Country Code", [f"C{i:03d}" for i in range(1, COUNTRIES + 1)])
    frame.insert(0, "Country Name", [f"Generated country {i}" for i in range(1, COUNTRIES + 1)])
    frame.to_csv(path, index=False)
    return path
