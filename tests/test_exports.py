"""Downloads open in Excel and cannot run formulas."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.exports import csv_for_excel, neutralise_formula


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+47 123", "'+47 123"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Split", "Split"),
        (1956, 1956),
    ],
)
def test_neutralise_formula(value, expected):
    assert neutralise_formula(value) == expected


def test_csv_for_excel_has_bom_semicolons_and_decimal_commas():
    frame = pd.DataFrame({"name": ['=HYPERLINK("x")', "Kópavogur"], "lat": [64.11234, 1.5]})
    data = csv_for_excel(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["name;lat", '"\'=HYPERLINK(""x"")";64,11234', "Kópavogur;1,5"]
