"""The report store against a real SQLite file and a real PostgreSQL server (started by the tests)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa

from analytics.store import LATEST, Report, Store, StoreError, sqlite_url
from tests.conftest import ROOT, new_postgres_database

HOSTILE = ["<script>alert(1)</script>", '=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "ære & <b>ø</b>"]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "status.sqlite")
    return new_postgres_database(request.getfixturevalue("postgres_url"))


def test_schema_is_created_and_versioned_once(url):
    first = Store(url)
    assert first.version() == LATEST
    second = Store(url)  # a second app server starting on the same database
    assert second.version() == LATEST
    with first.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM schema_version")).scalar() == LATEST


def test_reports_are_stored_verbatim_and_read_back_in_order(url):
    store = Store(url)
    written = store.add([Report("trondheim", "m1", "2025", "i_rute", 40, None, text, "Kari") for text in HOSTILE])
    store.add([Report("trondheim", "m1", "2026-06", "forsinket", 45.5, 12.0, "ny rapport", "Ola")])
    store.add([Report("kuopio", "k1", "2025-12-31", "fullfort", 100, None, "", "Aino")])
    assert written == len(HOSTILE)
    frame = store.reports("trondheim")
    assert frame["comment"].tolist() == [*HOSTILE, "ny rapport"]
    assert frame.iloc[-1][["period", "status", "progress", "indicator_value", "reporter"]].tolist() == [
        "2026-06",
        "forsinket",
        45.5,
        12.0,
        "Ola",
    ]
    assert frame["reported_at"].is_monotonic_increasing
    assert len(store.reports()) == len(HOSTILE) + 2


def test_a_correction_is_a_new_report_and_the_database_refuses_update_and_delete(url):
    store = Store(url)
    store.add([Report("trondheim", "m1", "2025", "i_rute", 40, reporter="Kari")])
    for statement in ("UPDATE reports SET status = 'fullfort'", "DELETE FROM reports"):
        with pytest.raises(sa.exc.DatabaseError, match="kan ikke"), store.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert store.reports()["status"].tolist() == ["i_rute"]


COPY_AS_FORSINKET = (
    "{verb} reports (id, organisation, measure_id, period, status, comment, reporter, reported_at, batch) "
    "SELECT id, organisation, measure_id, period, 'forsinket', 'overskrevet', reporter, reported_at, batch "
    "FROM reports"
)
OVERWRITES = {
    "sqlite": {
        "insert-or-replace": COPY_AS_FORSINKET.format(verb="INSERT OR REPLACE INTO"),
        "replace-into": COPY_AS_FORSINKET.format(verb="REPLACE INTO"),
        "upsert": COPY_AS_FORSINKET.format(verb="INSERT INTO")
        + " WHERE true ON CONFLICT (id) DO UPDATE SET status = 'forsinket'",
        "delete": "DELETE FROM reports",
    },
    "postgresql": {
        "truncate": "TRUNCATE reports",
        "truncate-cascade": "TRUNCATE TABLE reports RESTART IDENTITY CASCADE",
        "upsert": COPY_AS_FORSINKET.format(verb="INSERT INTO") + " ON CONFLICT (id) DO UPDATE SET status = 'forsinket'",
        "delete": "DELETE FROM reports",
    },
}


@pytest.mark.parametrize(
    "dialect, kind", [(dialect, kind) for dialect, statements in OVERWRITES.items() for kind in statements]
)
def test_the_database_refuses_replace_and_truncate_on_every_path(request, tmp_path, dialect, kind):
    if dialect == "sqlite":
        store = Store(sqlite_url(tmp_path / "status.sqlite"))
    else:
        store = Store(new_postgres_database(request.getfixturevalue("postgres_url")))
    statement = OVERWRITES[dialect][kind]
    store.add([Report("trondheim", "m1", "2025", "i_rute", 40, reporter="Kari")])
    with pytest.raises(sa.exc.DatabaseError, match="kan ikke"), store.engine.begin() as connection:
        connection.exec_driver_sql(statement)
    assert store.reports()[["status", "comment"]].values.tolist() == [["i_rute", ""]]
    store.add([Report("trondheim", "m1", "2026", "forsinket", 50, reporter="Kari")])  # new reports still go in
    assert store.count() == 2


@pytest.mark.parametrize(
    "bad",
    [
        Report("trondheim", "m1", "2025", "ferdig", reporter="x"),
        Report("trondheim", "m1", "2025", "i_rute", 101, reporter="x"),
    ],
    ids=["unknown-status", "progress-over-100"],
)
def test_one_bad_row_writes_nothing_of_its_batch(url, bad):
    store = Store(url)
    good = [Report("trondheim", f"m{i}", "2025", "i_rute", 10, reporter="x") for i in range(5)]
    with pytest.raises(sa.exc.IntegrityError):
        store.add([*good, bad])
    assert store.count() == 0


def _workers(args: list[list[str]]) -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store_worker", *a],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for a in args
    ]


def test_eight_writers_at_once_lose_and_duplicate_nothing(url):
    Store(url)  # the schema exists before the writers start
    writers = _workers([["write", url, str(w), "50"] for w in range(8)])
    for process in writers:
        assert process.stdout.readline().strip() == "ready"
    for process in writers:  # go
        process.stdin.write("\n")
        process.stdin.flush()
    for process in writers:
        assert process.stdout.readline().strip() == "done"
        assert process.wait(timeout=120) == 0
    frame = Store(url).reports()
    assert len(frame) == 400
    assert frame["id"].is_unique
    assert not frame.duplicated(subset=["measure_id", "period"]).any()
    assert frame.groupby("measure_id").size().tolist() == [50] * 8


def test_a_process_killed_in_the_middle_of_an_import_leaves_nothing_of_it(url):
    store = Store(url)
    store.add([Report("trondheim", "before", "2025", "i_rute", reporter="x")])
    (process,) = _workers([["crash", url, "1000"]])
    assert process.stdout.readline().strip() == "half"  # 500 rows inserted, not committed
    process.kill()
    process.wait(timeout=30)
    assert store.reports()["measure_id"].tolist() == ["before"]
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_unreachable_database_is_a_clear_message(tmp_path):
    with pytest.raises(StoreError, match="Får ikke åpnet databasen"):
        Store("postgresql+psycopg://someone:secret@127.0.0.1:9/nothing")
