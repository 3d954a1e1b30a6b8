"""Files for download: CSV that Excel opens as it should and cannot run formulas from."""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell that Excel would read as a formula, prefixed with an apostrophe; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_for_excel(frame: pd.DataFrame) -> bytes:
    """The frame as semicolon-separated UTF-8 CSV with BOM and decimal comma, formulas neutralised."""
    safe = frame.apply(
        lambda column: (
            column.map(neutralise_formula) if column.dtype == object or pd.api.types.is_string_dtype(column) else column
        )
    )
    return safe.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
