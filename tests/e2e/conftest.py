"""A real Streamlit server and Debian's Chromium; every non-loopback request is aborted and recorded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LOOPBACK = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost", "data:", "blob:")


def pytest_collection_modifyitems(items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def chromium_present():
    if CHROMIUM.exists():
        return
    message = "Debian's chromium is not installed (apt-get install chromium); browser tests need it"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args():
    return {"viewport": {"width": 1400, "height": 900}, "locale": "nb-NO"}


_free_port = free_port  # one port per xdist worker's residue (tests/conftest.py)


def start_server(data_dir: Path, env: dict[str, str] | None = None, secrets: Path | None = None, base_path: str = ""):
    """Start `streamlit run app.py` on a free loopback port; returns (process, base url) once it answers.

    Its state folder is empty (unless `env` names one), "SSB" is a loopback port nobody listens on (a refresh fails
    as offline), and it reads secrets only from `secrets` (a file outside the repo; none by default), never from
    the repo's or the user's .streamlit/secrets.toml. `env` adds to or overrides its environment, e.g. DATABASE_URL;
    a DATABASE_URL or DASHBOARD_DEMO of the shell running the tests is not passed on. `base_path` serves the app
    under a sub-path (`server.baseUrlPath`, as behind a proxy); the returned url then ends with it."""
    for attempt in range(3):
        try:
            return _start_server(data_dir, env, secrets, base_path)
        except PortTaken:  # another pytest-xdist worker took the free port first
            if attempt == 2:
                raise


class PortTaken(RuntimeError):
    pass


def _start_server(data_dir: Path, env: dict[str, str] | None, secrets: Path | None, base_path: str):
    port = _free_port()
    state = tempfile.mkdtemp(prefix="dashboard-state-")
    inherited = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DASHBOARD_DEMO")}
    env = {
        **inherited,
        "DASHBOARD_DATA_DIR": str(data_dir),
        "DASHBOARD_STATE_DIR": state,
        "SSB_API_URL": f"http://127.0.0.1:{_free_port()}/api/pxwebapi/v2",
        "SSB_TIMEOUT": "5",
        **(env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--secrets.files",
            str(secrets or Path(state) / "no-secrets.toml"),
            *(["--server.baseUrlPath", base_path] if base_path else []),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, url
        except OSError:
            if process.poll() is not None:
                error = process.stderr.read().decode()
                raise (PortTaken if f"Port {port} is not available" in error else RuntimeError)(error) from None
            time.sleep(0.2)  # polling for readiness, bounded by the deadline
    process.kill()
    raise RuntimeError("streamlit did not answer /_stcore/health within 60 s")


@pytest.fixture(scope="session")
def server():
    process, url = start_server(ROOT / "data")
    yield url
    process.terminate()
    process.wait(timeout=10)


def guard_requests(context, allowed: tuple[str, ...]) -> list[str]:
    """Let through requests whose URL starts with one of `allowed`; abort the others and collect their URLs."""
    attempted: list[str] = []

    def guard(route):
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return attempted


@pytest.fixture
def outside_requests(context):
    """Abort every request that leaves the machine and collect its URL; a test asserts the list is empty."""
    return guard_requests(context, LOOPBACK)


AXE = ROOT / "tests/e2e/.axe/node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from the npm registry (installed by `make test`); skipped with a reason where it is missing."""
    if AXE.exists():
        return AXE
    message = f"axe-core is not installed ({AXE}); `make test` installs it with npm"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def wait_until_rendered(page) -> None:
    """Wait for Streamlit to finish its script run."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    page.wait_for_selector('[data-testid="stStatusWidgetRunningIcon"]', state="detached", timeout=30_000)


@pytest.fixture
def hostile_server(tmp_path_factory):
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", target)
    path = target / "trondheim/partners.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",Graz,Graz,", ",<img src=x onerror=alert(1)>,Graz,"), encoding="utf-8"
    )
    process, url = start_server(target)
    yield url
    process.terminate()
    process.wait(timeout=10)
