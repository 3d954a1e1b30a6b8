"""Read-only SQL for analysts over the Utforsk tables, with DuckDB.

Every query gets a fresh in-memory database that holds only the given frames, with file and network access
switched off, no extensions (neither installed nor loaded), the configuration locked, one thread, a memory cap,
a row limit and a time limit (a timer thread interrupts it). Only one SELECT statement is run; anything else is
refused with a message in Norwegian (or English) before it runs, so nothing is ever written anywhere.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from analytics.i18n import t

if TYPE_CHECKING:
    import duckdb

LOG = logging.getLogger(__name__)
ROW_LIMIT = 1000
SECONDS = 5.0
CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "temp_directory": "",  # no spilling to disk
    "threads": 1,
    "memory_limit": "256MB",
    "lock_configuration": True,  # last: no query can switch any of the above back on
}
# Statement types that are refused, with the reason said to the reader.
REFUSED = {
    "COPY": "sql.refused.file",
    "EXPORT": "sql.refused.file",
    "ATTACH": "sql.refused.attach",
    "DETACH": "sql.refused.attach",
    "LOAD": "sql.refused.extension",
    "SET": "sql.refused.setting",
    "VARIABLE_SET": "sql.refused.setting",
    "PRAGMA": "sql.refused.setting",
}


class QueryRefused(Exception):
    """A query that was not run (or was stopped), with the message for the reader."""


@dataclass(frozen=True)
class Result:
    frame: pd.DataFrame
    truncated: bool  # the query gave more rows than the limit; the first `limit` are in the frame


def connection(tables: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """A locked-down in-memory database holding only `tables` (name → frame)."""
    import duckdb  # noqa: PLC0415 - loads with the first query, not with the page

    database = duckdb.connect(":memory:", config=CONFIG)
    for name, frame in tables.items():
        database.register(name, frame)
    return database


def statement_type(database, query: str, lang: str) -> str:
    """The type of the query's one statement ("SELECT", "COPY" …); an empty query, several statements or a
    syntax error are refused."""
    if not query.strip():
        raise QueryRefused(t("sql.refused.empty", lang))
    import duckdb  # noqa: PLC0415 - already loaded by connection()

    try:
        statements = database.extract_statements(query)
    except duckdb.Error as err:
        LOG.info("SQL refused as unreadable: %s", err)
        raise QueryRefused(t("sql.refused.syntax", lang)) from None
    if len(statements) != 1:
        raise QueryRefused(t("sql.refused.several", lang))
    return statements[0].type.name


def run(
    query: str, tables: dict[str, pd.DataFrame], lang: str = "nb", row_limit: int = ROW_LIMIT, seconds=SECONDS
) -> Result:
    """The result of one read-only SELECT over `tables`; anything else raises QueryRefused with a message."""
    import duckdb  # noqa: PLC0415 - loads with the first query, not with the page

    database = connection(tables)
    try:
        kind = statement_type(database, query, lang)
        if kind != "SELECT":
            raise QueryRefused(t(REFUSED.get(kind, "sql.refused.write"), lang, kind=query.split()[0].upper()))
        timer = threading.Timer(seconds, database.interrupt)
        timer.start()
        try:
            cursor = database.execute(query)
            rows = cursor.fetchmany(row_limit + 1)
            columns = [d[0] for d in cursor.description]
        except duckdb.InterruptException:
            raise QueryRefused(t("sql.refused.time", lang, seconds=_seconds(seconds))) from None
        except duckdb.PermissionException:
            raise QueryRefused(t("sql.refused.file", lang, kind="SELECT")) from None
        except duckdb.Error as err:
            LOG.info("SQL query failed: %s", err)  # DuckDB's own words for the log; the reader gets ours
            raise QueryRefused(error_message(err, tables, lang)) from None
        finally:
            timer.cancel()
    finally:
        database.close()
    return Result(pd.DataFrame(rows[:row_limit], columns=columns), len(rows) > row_limit)


def error_message(err: Exception, tables: dict, lang: str) -> str:
    """A message in the reader's language for a query DuckDB could not run (never DuckDB's own text, apart from
    a table or column name the reader wrote)."""
    import duckdb  # noqa: PLC0415 - already loaded by run()

    text = str(err)
    if isinstance(err, duckdb.CatalogException) and (name := re.search(r"Table with name (\S+) does not exist", text)):
        return t("sql.refused.table", lang, name=name[1], tables=", ".join(tables))
    if isinstance(err, duckdb.BinderException):
        if name := re.search(r'Referenced column "([^"]+)" not found', text):
            return t("sql.refused.column", lang, name=name[1])
        return t("sql.refused.types", lang)
    if isinstance(err, duckdb.ParserException):
        return t("sql.refused.syntax", lang)
    if isinstance(err, duckdb.ConversionException):
        return t("sql.refused.conversion", lang)
    return t("sql.refused.error", lang)


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")
