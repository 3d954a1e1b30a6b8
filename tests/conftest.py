"""Shared fixtures: the shipped data, a fixed 'today', and writable copies of the data folder."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from analytics.bundle import load_bundle, load_sources
from tests import ssb_fixtures

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def sources():
    return load_sources(DATA / "sources.yml")


@pytest.fixture(scope="session")
def trondheim(sources):
    return load_bundle(DATA / "trondheim", sources["id"], TODAY)


@pytest.fixture
def app_state(monkeypatch, tmp_path) -> Path:
    """The app on the shipped data, with an empty state folder (nothing fetched, no reports) and no database URL."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(DATA))
    monkeypatch.setenv("DASHBOARD_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path / "state"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ (outlines included) for breaking or extending."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def fake_ssb():
    fake = ssb_fixtures.FakeSsb()
    server = fake.serve()
    fake.base = f"http://127.0.0.1:{server.server_address[1]}/api/pxwebapi/v2"
    yield fake
    fake.release.set()
    server.shutdown()
    server.server_close()


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server on 127.0.0.1 (Debian's binaries); skipped where none is installed.

    CI sets REQUIRE_POSTGRES=1 (and installs Debian's postgresql), so a missing server fails there."""
    binaries = _postgres_bin()
    if binaries is None:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (REQUIRE_POSTGRES=1) but /usr/lib/postgresql/*/bin is missing")
        pytest.skip("no PostgreSQL server installed (Debian: apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))  # not under pytest's 0700 root folder: postgres runs it
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(base, "postgres")
    data = base / "data"
    subprocess.run(
        [*as_user, binaries / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    # Under pytest-xdist every worker starts its own server (its own folder and port). A free port can be taken
    # by another worker between asking for it and the server binding it: then start again on another one.
    for attempt in range(3):
        port = _free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=on"
        started = subprocess.run(
            [*as_user, binaries / "pg_ctl", "-D", data, "-o", options, "-l", base / "log", "-w", "start"],
            capture_output=True,
        )
        if started.returncode == 0:
            break
        if attempt == 2:
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr.decode(errors='replace')}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True
        )


def new_postgres_database(server_url: str) -> str:
    """A new, empty database on the throwaway server (one per test, so tests never see each other's reports)."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def free_port() -> int:
    """A free loopback port. Under pytest-xdist each worker takes ports from its own band (below Linux's ephemeral
    range), so two workers never pick the same port between asking for it and binding it."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    if workers > 1:
        span = 12_000 // workers
        low = 20_000 + (worker % workers) * span
        for _ in range(200):
            port = random.randrange(low, low + span)
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_free_port = free_port


@pytest.fixture
def chromium():
    """Debian's Chromium for kaleido (PowerPoint pictures); skipped where missing, required in CI."""
    if Path("/usr/bin/chromium").exists() or os.environ.get("BROWSER_PATH"):
        return
    message = "Debian's chromium is not installed (apt-get install chromium); kaleido needs it"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)
