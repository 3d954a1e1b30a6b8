"""The column-wise CSV reader gives the same frame, and for a bad file the same error naming the same row and
column, as reading the file row by row (the reader it replaced)."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import bundle, checks, population
from analytics.checks import DataError
from tests.conftest import DATA, TODAY

HEADER = "region,region_name,year,measure,country_code,country_name,value,status,unit,source,table,updated,fetched,note_nb,note_en\n"
GOOD = "trondheim,Trondheim,2018,innvandrere,,,12,,personer,tk-strategi-2019,,,,,\n"
GOOD_PL = "trondheim,Trondheim,2018,innvandrere,PL,Polen,,:,personer,ssb-09817,09817,,,,\n"

# Each file: some good rows, then rows with a problem; the first problem in file order is the one reported.
BROKEN = {
    "empty field": GOOD + ",Trondheim,2018,innvandrere,,,12,,personer,x,,,,,\n",
    "bad slug then bad year": GOOD + "Trond heim,Trondheim,2031,innvandrere,,,12,,personer,x,,,,,\n",
    "bad year only, later row": GOOD * 3 + "trondheim,Trondheim,19x8,innvandrere,,,12,,personer,x,,,,,\n",
    "bad number": GOOD + "trondheim,Trondheim,2018,innvandrere,,,1_000x,,personer,x,,,,,\n",
    "control char in an unknown column": HEADER.replace("note_en", "note_en,extra")
    + GOOD.replace(",\n", ",,\n")
    + "trondheim,Trondheim,2018,innvandrere,,,12,,personer,x,,,,,,a\x01b\n",
    "control char beats bad value in the same row": GOOD
    + "trondheim,Trondheim,2018,innvandrerz,,,12,,personer,x,,,,,\x07\n",
    "too long text": GOOD + "trondheim,Trondheim,2018,innvandrere,,,12,,personer,x,,,," + "a" * 5001 + ",\n",
    "field over the csv limit": GOOD
    + 'trondheim,Trondheim,2018,innvandrere,,,12,,personer,x,,,,"'
    + "a" * 140_000
    + '",\n',
    "too many fields": GOOD + "trondheim,Trondheim,2018,innvandrere,,,12,,personer,x,,,,,,extra\n",
    "too few fields, then a bad row": GOOD + "trondheim,Trondheim\n" + "x y,,,,,,,,,,,,,,\n",
    "quoted line break, then bad": GOOD
    + 'trondheim,"Trond\nheim",2018,innvandrere,,,12,,personer,x,,,,,\n'
    + "trondheim,Trondheim,2018,innvandrere,,,-1,,personer,x,,,,,\n",
    "blank lines are skipped": GOOD + "\n\n" + "trondheim,Trondheim,2018,innvandrere,,,12,,prosentt,x,,,,,\n",
    "semicolons": (HEADER + GOOD + "trondheim,Trondheim,2018,innvandrere,,,12,,personer,x,,,,,,\n").replace(",", ";"),
    "missing column": HEADER.replace("unit,", "") + GOOD.replace("personer,", ""),
    "whitespace and a BOM": "\ufeff"
    + HEADER.replace(",", " , ")
    + GOOD.replace("12", " 12 ")
    + " ,x,2018,a,,,,,,,,,,,\n",
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_file_gives_the_same_message_as_reading_row_by_row(tmp_path, name):
    content = BROKEN[name]
    path = tmp_path / population.FILE
    path.write_text(content if content.lstrip("\ufeff").startswith(("region", "region ")) else HEADER + content)
    columns = population.columns(TODAY)
    with pytest.raises(DataError) as by_row:
        checks.read_csv_by_row(path, columns)
    with pytest.raises(DataError) as by_column:
        checks.read_csv(path, columns)
    assert str(by_column.value) == str(by_row.value)
    assert (by_column.value.row, by_column.value.column) == (by_row.value.row, by_row.value.column)


@pytest.mark.parametrize(
    "content",
    [
        HEADER,
        HEADER + GOOD,
        HEADER + GOOD + GOOD_PL,
        HEADER + GOOD_PL + '"trondheim",Trondheim,2019,innvandrere,,,"1,5",,personer,x,,,,"a, ""b""",\n',
        HEADER + GOOD + 'trondheim,"Trond\nheim",2019,innvandrere,,,12,,personer,x,,,,"a\nb",\n',
        HEADER + GOOD.replace(",Trondheim,", ", Trondheim ,") + GOOD_PL.replace(",Polen,", ",Polen ,"),
        HEADER + GOOD + GOOD_PL + GOOD_PL.replace("2018", "2019").replace(",,,,\n", ",,,merknad,\n"),
    ],
    ids=["header only", "one row", "two rows", "quotes", "quoted line breaks", "padded texts", "a few notes"],
)
def test_a_good_file_gives_the_same_frame_as_reading_row_by_row(tmp_path, content):
    path = tmp_path / population.FILE
    path.write_text(content, encoding="utf-8")
    columns = population.columns(TODAY)
    pd.testing.assert_frame_equal(checks.read_csv(path, columns), checks.read_csv_by_row(path, columns))


COLUMNS = {
    "goal_areas.csv": bundle.goal_area_columns(),
    "partners.csv": bundle.partner_columns(TODAY),
    "partner_facts.csv": bundle.partner_fact_columns(TODAY),
    "partner_conflicts.csv": bundle.partner_conflict_columns(TODAY),
    "networks.csv": bundle.network_columns(TODAY),
    "network_goal_areas.csv": bundle.network_goal_area_columns(),
    "network_facts.csv": bundle.network_fact_columns(TODAY),
    "measures.csv": bundle.measure_columns(),
    population.FILE: population.columns(TODAY),
}
SHIPPED = sorted(p for p in DATA.glob("*/*.csv") if p.name in COLUMNS)


def test_the_shipped_files_are_found():
    assert {p.name for p in SHIPPED} == set(COLUMNS)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_reads_the_same_both_ways(path):
    columns = COLUMNS[path.name]
    pd.testing.assert_frame_equal(checks.read_csv(path, columns), checks.read_csv_by_row(path, columns))


@pytest.mark.parametrize("name", ["empty field", "bad year only, later row", "control char in an unknown column"])
def test_a_table_pyarrow_can_read_is_checked_column_wise_not_row_by_row(tmp_path, monkeypatch, name):
    path = tmp_path / population.FILE
    path.write_text(BROKEN[name] if BROKEN[name].startswith("region") else HEADER + BROKEN[name])
    monkeypatch.setattr(checks, "read_csv_by_row", lambda *args, **kwargs: pytest.fail("read row by row"))
    with pytest.raises(DataError):
        checks.read_csv(path, population.columns(TODAY))
    path.write_text(HEADER + GOOD + GOOD_PL)
    assert len(checks.read_csv(path, population.columns(TODAY))) == 2
