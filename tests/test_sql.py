"""analytics.sql: read-only SELECTs over the tables; files, network, extensions, writes and long runs are refused."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import sql

TABLES = {"partners": pd.DataFrame({"name": ["Kraków", "Graz", "=1+1"], "since_year": [2012, 1968, 2000]})}


def test_a_select_gives_its_rows():
    result = sql.run("select name from partners where since_year > 1990 order by name", TABLES)
    assert result.frame.to_dict("list") == {"name": ["=1+1", "Kraków"]} and not result.truncated


def test_the_row_limit_keeps_the_first_rows_and_says_so():
    result = sql.run("select * from range(50)", TABLES, row_limit=10)
    assert len(result.frame) == 10 and result.truncated


def refused(query: str, **kwargs) -> str:
    with pytest.raises(sql.QueryRefused) as raised:
        sql.run(query, TABLES, **kwargs)
    return str(raised.value)


def test_copy_to_a_file_is_refused_and_writes_nothing(tmp_path):
    target = tmp_path / "out.csv"
    message = refused(f"COPY partners TO '{target}'")
    assert "fil" in message and "COPY" in message and "Ingenting er endret" in message
    assert not target.exists()


def test_attach_is_refused_and_creates_no_database(tmp_path):
    target = tmp_path / "other.duckdb"
    message = refused(f"ATTACH '{target}' AS other")
    assert "koble til en annen database" in message and "ATTACH" in message
    assert not target.exists()


def test_reading_a_file_is_refused_without_showing_it():
    message = refused("select * from read_csv('/etc/passwd')")
    assert "lese eller skrive en fil" in message and "root" not in message and "/etc" not in message


def test_install_httpfs_is_refused_and_installs_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # where DuckDB would put an installed extension
    message = refused("INSTALL httpfs")
    assert "utvidelser" in message and "INSTALL" in message
    assert not any(tmp_path.iterdir())


def test_a_query_past_its_time_limit_is_stopped():
    message = refused("select count(*) from range(100000000000) a", seconds=0.2)
    assert "stoppet etter 0,2 sekunder" in message


@pytest.mark.parametrize(
    "query",
    [
        "insert into partners values ('x', 1)",
        "create table x as select 1",
        "drop view partners",
        "update partners set since_year = 0",
        "delete from partners",
    ],
)
def test_writes_are_refused_and_the_tables_are_unchanged(query):
    message = refused(query)
    assert "bare lese" in message
    assert sql.run("select count(*) as n from partners", TABLES).frame["n"].tolist() == [3]
    assert len(TABLES["partners"]) == 3


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("SET enable_external_access = true", "innstillingene"),
        ("select 1; select 2", "Bare én spørring"),
        ("", "Skriv en spørring"),
        ("selec 1", "kan ikke leses som SQL"),
        ("select * from nowhere", "kunne ikke kjøres"),
    ],
)
def test_other_refusals_say_why(query, words):
    assert words in refused(query)


def test_messages_in_english():
    assert "only read (SELECT)" in refused("delete from partners", lang="en")


def test_the_configuration_is_locked_with_file_access_off():
    database = sql.connection(TABLES)
    try:
        assert database.execute("select current_setting('enable_external_access')").fetchall() == [(False,)]
        assert database.execute("select current_setting('lock_configuration')").fetchall() == [(True,)]
    finally:
        database.close()


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("select * from nowhere", "tabellen «nowhere» finnes ikke her. Tabellene er: partners."),
        ("select nam from partners", "kolonnen «nam» finnes ikke"),
        ("select sum(name) from partners", "blander typer"),
        ("select name, since_year from partners group by name", "GROUP BY"),
        ("select cast(name as int) from partners", "kan ikke gjøres om til typen"),
        ("selec 1", "kan ikke leses som SQL"),
    ],
)
def test_a_failing_query_gets_a_norwegian_message_and_duckdb_words_go_to_the_log(query, words, caplog):
    caplog.set_level("INFO", logger="analytics.sql")
    message = refused(query)
    assert words in message
    for duckdb_words in ("Error", "LINE 1", "Candidate", "Did you mean", "^"):
        assert duckdb_words not in message
    assert "Error" in caplog.text  # DuckDB's own message is in the log for whoever runs the server


def test_a_failing_query_in_english():
    assert "there is no column «nam»" in refused("select nam from partners", lang="en")
