"""Status reports in a real database: an SQLite file by default, PostgreSQL when a database URL is configured.

Reports are append-only: a correction is a new report, and the database itself refuses UPDATE and DELETE on the
reports table (triggers), and also REPLACE (SQLite) and TRUNCATE (PostgreSQL). The schema is created and versioned by the app through an explicit version table;
migrations run in one transaction under a lock, so two app servers starting at once do not race.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event

# The statuses, the report and the errors live in analytics.statuses (no sqlalchemy), so that the views and the
# summaries can use them without loading the database code; they are re-exported here.
from analytics.statuses import (  # noqa: F401
    NOT_REPORTED,
    REPORT_STATUSES,
    PlanChange,
    PlanConflict,
    Report,
    StoreError,
    sqlite_url,
)

metadata = sa.MetaData()


def _about_a_measure() -> tuple[sa.Column, ...]:
    """The columns an append-only table of the store starts with: its id, the organisation, the measure."""
    return (
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("measure_id", sa.String(100), nullable=False),
    )


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)
reports = sa.Table(
    "reports",
    metadata,
    *_about_a_measure(),
    sa.Column("period", sa.String(10), nullable=False),  # "2025", "2025-06" or "2025-06-30"
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("progress", sa.Float, nullable=True),
    sa.Column("indicator_value", sa.Float, nullable=True),
    sa.Column("comment", sa.Text, nullable=False, server_default=""),
    sa.Column("reporter", sa.String(200), nullable=False),
    sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("batch", sa.String(40), nullable=True),  # one upload or one form submission
    sa.CheckConstraint("status IN ({})".format(", ".join(f"'{s}'" for s in REPORT_STATUSES)), name="known_status"),
    sa.CheckConstraint("progress IS NULL OR (progress >= 0 AND progress <= 100)", name="progress_0_100"),
    sa.Index("reports_by_measure", "organisation", "measure_id", "reported_at"),
)

APPEND_ONLY = {
    "sqlite": [
        "CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports "
        "BEGIN SELECT RAISE(ABORT, 'rapporter kan ikke endres; registrer en ny rapport'); END",
        "CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports "
        "BEGIN SELECT RAISE(ABORT, 'rapporter kan ikke slettes'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION reports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'rapporter kan ikke endres eller slettes; registrer en ny rapport'; END $$",
        "CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON reports "
        "FOR EACH ROW EXECUTE FUNCTION reports_append_only()",
    ],
}


def _version_1(connection: sa.Connection) -> None:
    metadata.create_all(connection, tables=[reports])
    for statement in APPEND_ONLY[connection.dialect.name]:
        connection.exec_driver_sql(statement)


# Version 2: the holes in append-only. On SQLite, INSERT OR REPLACE / REPLACE INTO delete the old row without
# firing the delete trigger (unless recursive_triggers is on), so an insert of an existing id is refused before it
# happens; on PostgreSQL, TRUNCATE fires no row trigger, so a statement trigger refuses it.
NO_REPLACE_NO_TRUNCATE = {
    "sqlite": [
        "CREATE TRIGGER reports_no_replace BEFORE INSERT ON reports "
        "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM reports WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'rapporter kan ikke erstattes; registrer en ny rapport'); END",
    ],
    "postgresql": [
        "CREATE TRIGGER reports_no_truncate BEFORE TRUNCATE ON reports "
        "FOR EACH STATEMENT EXECUTE FUNCTION reports_append_only()",
    ],
}

# --- plan revisions (issue 15): the handlingsplan edited in the app, one append-only row per change ---
plan_revisions = sa.Table(
    "plan_revisions",
    metadata,
    *_about_a_measure(),
    sa.Column("revision", sa.Integer, nullable=False),  # 1, 2, … per measure; 0 is the shipped measures.csv row
    sa.Column("content", sa.Text, nullable=False),  # the whole measure after the change, as JSON
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("batch", sa.String(40), nullable=False),  # one form submission or one uploaded sheet
    sa.UniqueConstraint("organisation", "measure_id", "revision", name="one_revision_per_number"),
    sa.CheckConstraint("revision >= 1", name="revision_from_1"),
)

PLAN_APPEND_ONLY = {
    "sqlite": [
        "CREATE TRIGGER plan_revisions_no_update BEFORE UPDATE ON plan_revisions "
        "BEGIN SELECT RAISE(ABORT, 'planrevisjoner kan ikke endres; lagre en ny revisjon'); END",
        "CREATE TRIGGER plan_revisions_no_delete BEFORE DELETE ON plan_revisions "
        "BEGIN SELECT RAISE(ABORT, 'planrevisjoner kan ikke slettes'); END",
        "CREATE TRIGGER plan_revisions_no_replace BEFORE INSERT ON plan_revisions "
        "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM plan_revisions WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'planrevisjoner kan ikke erstattes; lagre en ny revisjon'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION plan_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'planrevisjoner kan ikke endres eller slettes; lagre en ny revisjon'; END $$",
        "CREATE TRIGGER plan_revisions_append_only BEFORE UPDATE OR DELETE ON plan_revisions "
        "FOR EACH ROW EXECUTE FUNCTION plan_revisions_append_only()",
        "CREATE TRIGGER plan_revisions_no_truncate BEFORE TRUNCATE ON plan_revisions "
        "FOR EACH STATEMENT EXECUTE FUNCTION plan_revisions_append_only()",
    ],
}


def _version_2(connection: sa.Connection) -> None:
    for statement in NO_REPLACE_NO_TRUNCATE[connection.dialect.name]:
        connection.exec_driver_sql(statement)


def _version_3_plan_revisions(connection: sa.Connection) -> None:
    metadata.create_all(connection, tables=[plan_revisions])
    for statement in PLAN_APPEND_ONLY[connection.dialect.name]:
        connection.exec_driver_sql(statement)


MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {
    1: _version_1,
    2: _version_2,
    3: _version_3_plan_revisions,
}
LATEST = max(MIGRATIONS)
LOCK_ID = 742_019  # PostgreSQL advisory lock held while migrating


class Store:
    """The one interface to the reports, whatever the database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = _engine(url)
        self._migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def version(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0

    def _migrate(self) -> None:
        try:
            with self.engine.begin() as connection:
                if self.dialect == "postgresql":
                    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": LOCK_ID})
                metadata.create_all(connection, tables=[schema_version])
                current = connection.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0
                if current > LATEST:
                    raise StoreError(
                        f"Databasen har skjemaversjon {current}, nyere enn appens {LATEST}. Oppdater appen."
                    )
                for version in range(current + 1, LATEST + 1):
                    MIGRATIONS[version](connection)
                    connection.execute(schema_version.insert().values(version=version, applied_at=_now()))
        except sa.exc.OperationalError as error:
            raise StoreError(f"Får ikke åpnet databasen ({_safe(self.url)}): {error.orig}") from None

    def add(
        self,
        new: Iterable[Report],
        batch: str | None = None,
        now: dt.datetime | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Write all reports in one transaction (all or nothing); returns how many were written."""
        batch = batch or uuid.uuid4().hex
        _check_lengths({"batch": batch})
        now = now or _now()
        written = 0
        with self.engine.begin() as connection:
            for report in new:
                row = _row(report)
                _check_lengths(row)
                connection.execute(reports.insert().values(**row, reported_at=now, batch=batch))
                written += 1
                if progress:
                    progress(written)
        return written

    def has_batch(self, batch: str) -> dt.datetime | None:
        """When a batch (e.g. one uploaded file, by its content hash) was saved, or None if it never was."""
        query = sa.select(sa.func.min(reports.c.reported_at)).where(reports.c.batch == batch)
        with self.engine.connect() as connection:
            return connection.execute(query).scalar()

    def add_if_empty(self, dated: Iterable[tuple[dt.datetime, Report]], batch: str) -> int:
        """Write reports with their own times in one transaction, only if there are no reports yet (the example
        data); returns how many were written, 0 when there were reports. On SQLite the transaction holds the write
        lock from its start, so a second server filling at the same moment waits and then writes nothing."""
        with self.engine.begin() as connection:
            if connection.execute(sa.select(sa.func.count()).select_from(reports)).scalar():
                return 0
            rows = [{**_row(report), "reported_at": moment, "batch": batch} for moment, report in dated]
            if rows:
                connection.execute(reports.insert(), rows)
        return len(rows)

    def reports(self, organisation: str | None = None) -> pd.DataFrame:
        """Every report (of one organisation), oldest first."""
        return self._oldest_first(reports, "reported_at", organisation)

    def revision(self, organisation: str | None = None) -> tuple[int, int]:
        """(number of reports, highest id) of one organisation (or all): as reports are append-only, this changes
        exactly when a report is added, by any server. A cheap query (the index), for caching reports()."""
        return self._append_key(reports, organisation)

    def add_plan_changes(self, changes: Iterable[PlanChange], batch: str | None = None, now=None) -> int:
        """Write every change as the next revision of its measure, in one transaction (all or nothing). A change
        whose measure has a revision newer than `based_on` raises PlanConflict and nothing is written; the unique
        (organisation, measure, revision) constraint refuses the same race between two servers."""
        changes, batch, now = list(changes), batch or uuid.uuid4().hex, now or _now()
        _check_lengths({"batch": batch}, plan_revisions)
        written = 0
        try:
            with self.engine.begin() as connection:
                for change in changes:
                    row = {
                        "organisation": change.organisation,
                        "measure_id": change.measure_id,
                        "author": change.author,
                    }
                    _check_lengths(row, plan_revisions)
                    newer = _newer_revisions(connection, change)
                    if newer:
                        raise PlanConflict(change.measure_id, change.based_on, newer)
                    connection.execute(
                        plan_revisions.insert().values(
                            **row,
                            revision=change.based_on + 1,
                            content=json.dumps(change.content, ensure_ascii=False, sort_keys=True),
                            changed_at=now,
                            batch=batch,
                        )
                    )
                    written += 1
        except sa.exc.IntegrityError:
            # another server saved the same revision number between our check and our insert: report what it wrote
            with self.engine.connect() as connection:
                for change in changes:
                    newer = _newer_revisions(connection, change)
                    if newer:
                        raise PlanConflict(change.measure_id, change.based_on, newer) from None
            raise
        return written

    def plan_revisions(self, organisation: str | None = None) -> pd.DataFrame:
        """Every plan revision (of one organisation), oldest first; `content` is the measure as a dict."""
        frame = self._oldest_first(plan_revisions, "changed_at", organisation)
        frame["content"] = [json.loads(text) for text in frame["content"]]
        return frame

    def plan_revision_key(self, organisation: str | None = None) -> tuple[int, int]:
        """(number of plan revisions, highest id): changes exactly when a revision is added, for caching."""
        return self._append_key(plan_revisions, organisation)

    def _oldest_first(self, table: sa.Table, moment: str, organisation: str | None) -> pd.DataFrame:
        """Every row of an append-only table (of one organisation) by its time column `moment` (in UTC), then id."""
        query = sa.select(table).order_by(table.c[moment], table.c.id)
        if organisation is not None:
            query = query.where(table.c.organisation == organisation)
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        frame = pd.DataFrame(rows, columns=[c.name for c in table.columns])
        frame[moment] = pd.to_datetime(frame[moment], utc=True)
        return frame

    def _append_key(self, table: sa.Table, organisation: str | None) -> tuple[int, int]:
        """(number of rows, highest id) of an append-only table (of one organisation): changes exactly when a row
        is added."""
        query = sa.select(sa.func.count(), sa.func.max(table.c.id))
        if organisation is not None:
            query = query.where(table.c.organisation == organisation)
        with self.engine.connect() as connection:
            number, highest = connection.execute(query).one()
        return int(number), int(highest or 0)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.count()).select_from(reports)).scalar()

    def dispose(self) -> None:
        self.engine.dispose()


def _row(report: Report) -> dict:
    row = {
        "organisation": report.organisation,
        "measure_id": report.measure_id,
        "period": report.period,
        "status": report.status,
        "progress": _number_or_none(report.progress),
        "indicator_value": _number_or_none(report.indicator_value),
        "comment": report.comment or "",
        "reporter": report.reporter,
    }
    return row


def _number_or_none(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_settings(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _write_lock_at_begin(connection):
            # take the write lock at BEGIN, so two writers queue instead of failing on a lock upgrade
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _newer_revisions(connection: sa.Connection, change: PlanChange) -> list[dict]:
    query = (
        sa.select(
            plan_revisions.c.revision, plan_revisions.c.author, plan_revisions.c.changed_at, plan_revisions.c.content
        )
        .where(
            plan_revisions.c.organisation == change.organisation,
            plan_revisions.c.measure_id == change.measure_id,
            plan_revisions.c.revision > change.based_on,
        )
        .order_by(plan_revisions.c.revision)
    )
    rows = [dict(row) for row in connection.execute(query).mappings()]
    return [{**row, "content": json.loads(row["content"]), "changed_at": _utc(row["changed_at"])} for row in rows]


def _utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as UTC (SQLite gives it back without its time zone)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _check_lengths(row: dict, table: sa.Table = reports) -> None:
    """Refuse a value longer than its column before it reaches the database (SQLite ignores the length that
    PostgreSQL enforces, so the same report must fail the same way on both)."""
    for name, value in row.items():
        length = getattr(table.c[name].type, "length", None) if name in table.c else None
        if length and isinstance(value, str) and len(value) > length:
            raise StoreError(f"Feltet «{name}» kan ha høyst {length} tegn; verdien har {len(value)}.")
