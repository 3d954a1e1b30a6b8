"""The deployment in deploy/: Debian's nginx, rendered from deploy/nginx/ with test ports, in front of two app servers
under /internasjonal/ on one PostgreSQL. A report saved through one server is seen through the other, both via the
proxy, and every request of a browser stays on the server nginx's routing cookie chose (websocket included). An
editor signs in with OpenID Connect (st.login) through the proxy against a stand-in provider on loopback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from secrets import token_hex

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from playwright.sync_api import expect

from analytics import auth
from analytics.store import Store
from tests.conftest import new_postgres_database
from tests.e2e.conftest import LOOPBACK, ROOT, _free_port, guard_requests, start_server, wait_until_rendered
from tests.e2e.test_reporting import cells, choose, open_measures, rollup_line, sign_in, trondheim_template, upload

NGINX = Path("/usr/sbin/nginx")
SUB_PATH = "internasjonal"
COOKIE = "internasjonal_route"
TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


@pytest.fixture(scope="module", autouse=True)
def nginx_present():
    if NGINX.exists():
        return
    message = "Debian's nginx is not installed (apt-get install nginx); the deployment test needs it"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def secrets_file(tmp_path_factory) -> Path:
    """One local editor (kari / hemmelig) for both app servers, outside the repo, as /etc/internasjonal/ would be."""
    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    digest = auth.hash_password("hemmelig", iterations=1000)
    path.write_text(f'[editors.kari]\nname = "Kari Nordmann"\npassword_hash = "{digest}"\n', encoding="utf-8")
    return path


def render(template: str, values: dict[str, str]) -> str:
    """What `envsubst` does with the named ${VARIABLES} (nginx's own $variables are left alone)."""
    for name, value in values.items():
        template = template.replace("${" + name + "}", value)
    assert "${" not in template, "a placeholder of the template was not given a value"
    return template


def nginx_config(prefix: Path, port: int, apps: list[str]) -> Path:
    """deploy/'s two templates, rendered for `apps`, inside a minimal main config and server{} on `port`."""
    http = render(
        (ROOT / "deploy/nginx/internasjonal-http.conf.template").read_text(), {"APP_1": apps[0], "APP_2": apps[1]}
    )
    location = render(
        (ROOT / "deploy/nginx/internasjonal-location.conf.template").read_text(),
        {"ACCESS_LOG": str(prefix / "access.log")},
    )
    (prefix / "internasjonal-http.conf").write_text(http)
    (prefix / "internasjonal-location.conf").write_text(location)
    temp = "\n".join(f"    {name}_temp_path {prefix / 'temp' / name};" for name in TEMP_DIRS)
    # As root the master starts its workers as `user`; they write only the temp folders (logs are opened by the
    # master), so those belong to nobody instead of running the workers as root.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    main = f"""daemon off;
{user}
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} notice;
events {{ worker_connections 512; }}
http {{
{temp}
    include {prefix / "internasjonal-http.conf"};
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {prefix / "internasjonal-location.conf"};
    }}
}}
"""
    path = prefix / "nginx.conf"
    path.write_text(main)
    return path


def start_nginx(apps: list[str], port: int) -> tuple[subprocess.Popen, str, Path]:
    """Debian's nginx in the foreground with a temporary prefix; returns (process, proxy url, access log)."""
    prefix = Path(tempfile.mkdtemp(prefix="dashboard-nginx-"))  # not under pytest's 0700 folder: workers read it
    prefix.chmod(0o755)
    for name in TEMP_DIRS:
        (prefix / "temp" / name).mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(prefix / "temp" / name, "nobody")
    config = nginx_config(prefix, port, apps)
    checked = subprocess.run([NGINX, "-t", "-p", prefix, "-c", config], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", prefix, "-c", config], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/{SUB_PATH}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, url, prefix / "access.log"
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.1)  # polling for readiness, bounded by the deadline
    process.kill()
    raise RuntimeError("nginx did not pass /_stcore/health on within 30 s")


LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ upstream=(?P<upstream>.+) route=(?P<route>\S+)$'
)


def log_lines(access_log: Path) -> list[dict[str, str]]:
    return [match.groupdict() for match in map(LINE.search, access_log.read_text().splitlines()) if match]


def wait_for_log(access_log: Path, wanted) -> list[dict[str, str]]:
    """The access log's lines once `wanted(lines)` is true (nginx writes a line when a request ends)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        lines = log_lines(access_log)
        if wanted(lines):
            return lines
        time.sleep(0.1)  # polling for nginx's log write, bounded by the deadline
    raise AssertionError(f"the access log never showed what was waited for:\n{access_log.read_text()}")


def upstream_of(access_log: Path, route: str) -> str:
    """The app server that answered the first request with this routing key."""
    lines = wait_for_log(access_log, lambda lines: any(line["route"] == route for line in lines))
    return next(line["upstream"] for line in lines if line["route"] == route)


def route_to(proxy: str, access_log: Path, upstream: str) -> str:
    """A routing-cookie value that nginx sends to `upstream` (tried value by value, as the hash decides)."""
    for number in range(64):
        route = f"probe-{number}"
        request = urllib.request.Request(f"{proxy}/{SUB_PATH}/_stcore/health", headers={"Cookie": f"{COOKIE}={route}"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            set_cookies = answer.headers.get_all("Set-Cookie") or []
            assert not [c for c in set_cookies if c.startswith(COOKIE)]  # a browser with the cookie keeps it
        if upstream_of(access_log, route) == upstream:
            return route
    raise AssertionError(f"no routing key among 64 went to {upstream}")


def status_of(url: str) -> int:
    request = urllib.request.Request(url)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_report_saved_through_one_server_is_seen_through_the_other_via_nginx(
    browser, browser_context_args, postgres_url, secrets_file, tmp_path
):
    database = new_postgres_database(postgres_url)
    env = {"DATABASE_URL": database, "STREAMLIT_SERVER_COOKIE_SECRET": token_hex(32)}  # the same on both
    processes, contexts = [], []
    try:
        servers = []
        for _ in range(2):
            servers.append(start_server(ROOT / "data", env=env, secrets=secrets_file, base_path=SUB_PATH))
            processes.append(servers[-1][0])
        apps = [url.removeprefix("http://").removesuffix(f"/{SUB_PATH}") for _, url in servers]
        proxy_process, proxy, access_log = start_nginx(apps, _free_port())
        processes.insert(0, proxy_process)
        app = f"{proxy}/{SUB_PATH}"
        assert status_of(f"{proxy}/{SUB_PATH}") == 301  # nginx adds the slash
        assert status_of(f"{app}/_stcore/metrics") == 404  # not for the web

        # 1/ A first browser: nginx gives it a routing cookie and one app server
        first = browser.new_context(**browser_context_args)
        contexts.append(first)
        first_outside = guard_requests(first, LOOPBACK)
        writer = first.new_page()
        open_measures(writer, app)
        cookie = next(c for c in first.cookies() if c["name"] == COOKIE)
        assert (cookie["path"], cookie["httpOnly"], cookie["sameSite"]) == (f"/{SUB_PATH}", True, "Lax")
        writer_app = upstream_of(access_log, cookie["value"])
        reader_app = next(address for address in apps if address != writer_app)

        # 2/ A second browser whose cookie routes it to the other server: nothing reported yet
        second = browser.new_context(**browser_context_args)
        contexts.append(second)
        second_outside = guard_requests(second, LOOPBACK)
        reader_route = route_to(proxy, access_log, reader_app)
        second.add_cookies([{"name": COOKIE, "value": reader_route, "domain": "127.0.0.1", "path": f"/{SUB_PATH}"}])
        reader = second.new_page()
        open_measures(reader, app)
        expect(rollup_line(reader, "Uten målområde")).to_have_text(
            re.compile(re.escape("Uten målområde — 0 av 6 i rute eller fullført") + "$")
        )

        # 3/ Report through the first server
        sign_in(writer, "hemmelig")
        writer.get_by_text("Innlogget som Kari Nordmann.").wait_for()
        choose(writer, "report_measure", "Handlingsplan med målbare mål")
        writer.locator(".st-key-report_period input").fill("2026-06")
        choose(writer, "report_status", "fullført")
        writer.locator(".st-key-report_progress input").fill("100")
        writer.locator(".st-key-report_comment textarea").fill("levert via nginx")
        writer.get_by_role("button", name="Lagre rapport").click()
        writer.get_by_text("Rapporten er lagret.").wait_for()
        # and an Excel upload, which goes to the server holding the session (its file is kept there)
        filled = [("vennskapsbyavtaler", "i rute", 40, "opplastet via nginx"), ("hovedstrategi-4", "fullført", 100, "")]
        upload(writer, "rapport.xlsx", trondheim_template(filled)[0])
        writer.get_by_role("button", name="Lagre alle 2").click()
        writer.get_by_text("2 rapporter er lagret.").wait_for()

        # 4/ ... and see it through the second
        open_measures(reader, app)
        expect(rollup_line(reader, "Uten målområde")).to_have_text(
            re.compile(re.escape("Uten målområde — 1 av 6 i rute eller fullført") + "$")
        )
        expect(rollup_line(reader, "Vennskapsbyer")).to_have_text(
            re.compile(re.escape("Vennskapsbyer — 2 av 2 i rute eller fullført") + "$")
        )
        table = cells(reader, 0)
        assert table[table.index("Handlingsplan med målbare mål") + 1].endswith(
            "fullført"
        )  # title, then status (after its symbol)
        reader.get_by_role("heading", name="Status per målområde").evaluate("heading => heading.scrollIntoView()")
        reader.screenshot(path=tmp_path / "deploy-proxy.png")  # docs/deploy-proxy.png
        stored = Store(database).reports("trondheim")
        assert sorted(stored[["measure_id", "status", "comment", "reporter"]].values.tolist()) == [
            ["handlingsplan", "fullfort", "levert via nginx", "Kari Nordmann"],
            ["hovedstrategi-4", "fullfort", "", "Kari Nordmann"],
            ["vennskapsbyavtaler", "i_rute", "opplastet via nginx", "Kari Nordmann"],
        ]
        assert first_outside == [] and second_outside == []

        # 5/ Every request of each browser went to its own server, the websockets through the proxy too
        for context in contexts:
            context.close()
        contexts.clear()
        routes = {cookie["value"]: writer_app, reader_route: reader_app}
        page_loads = {cookie["value"]: 1, reader_route: 2}  # one websocket each, logged when it closes
        websocket = f"/{SUB_PATH}/_stcore/stream"

        def websockets_of(lines, route):
            return [line for line in lines if line["route"] == route and line["path"] == websocket]

        lines = wait_for_log(
            access_log, lambda lines: all(len(websockets_of(lines, r)) >= n for r, n in page_loads.items())
        )
        for route, upstream in routes.items():
            assert {line["upstream"] for line in lines if line["route"] == route} == {upstream}
            assert {line["status"] for line in websockets_of(lines, route)} == {"101"}
        assert not [line for line in lines if line["route"] in routes and line["status"].startswith("5")]
        uploads = [line for line in lines if line["path"].startswith(f"/{SUB_PATH}/_stcore/upload_file/")]
        assert uploads and {(line["route"], line["status"]) for line in uploads} == {(cookie["value"], "204")}

        # 6/ With the writer's server stopped, nginx sends its browser to the other one
        writer_process = next(process for process, url in servers if writer_app in url)
        writer_process.terminate()
        writer_process.wait(timeout=10)
        health = f"/{SUB_PATH}/_stcore/health?after-stop"
        request = urllib.request.Request(f"{proxy}{health}", headers={"Cookie": f"{COOKIE}={cookie['value']}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200
        lines = wait_for_log(access_log, lambda lines: any(line["path"] == health for line in lines))
        upstreams = [line["upstream"] for line in lines if line["path"] == health]
        assert upstreams == [f"{writer_app}, {reader_app}"]  # tried, refused, passed on
    finally:
        for context in contexts:
            context.close()
        for process in processes:  # nginx first, then the app servers
            process.terminate()
            process.wait(timeout=10)


class FakeIdentityProvider(BaseHTTPRequestHandler):
    """An OpenID Connect provider on loopback, as Entra ID answers: discovery, authorize (signs in at once as
    `USER`), token (an RS256-signed ID token with the nonce it was given) and its key set."""

    key = RSAKey.generate_key(2048, parameters={"kid": "test"})
    client_id = "dashboard-test"
    user = {"sub": "kari-1", "name": "Kari Entra", "email": "kari@example.invalid"}
    nonces: dict[str, str] = {}

    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, status: int, body: dict | None = None, location: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        data = json.dumps(body or {}).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802 - the name http.server calls
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/.well-known/openid-configuration":
            self.answer(
                200,
                {
                    "issuer": self.issuer(),
                    "authorization_endpoint": f"{self.issuer()}/authorize",
                    "token_endpoint": f"{self.issuer()}/token",
                    "jwks_uri": f"{self.issuer()}/keys",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "code_challenge_methods_supported": ["S256"],
                },
            )
        elif url.path == "/keys":
            self.answer(200, {"keys": [self.key.as_dict(private=False)]})
        elif url.path == "/authorize":
            code = f"code-{len(self.nonces)}"
            self.nonces[code] = query["nonce"]
            back = f"{query['redirect_uri']}?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
            self.answer(302, location=back)
        else:
            self.answer(404)

    def do_POST(self):  # noqa: N802
        form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        now = int(time.time())
        claims = {
            **self.user,
            "iss": self.issuer(),
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": self.nonces[form["code"]],
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "test"}, claims, self.key)
        self.answer(200, {"access_token": "a", "token_type": "Bearer", "expires_in": 300, "id_token": id_token})

    def log_message(self, *args):
        pass


@pytest.fixture
def identity_provider():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIdentityProvider)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_editor_signs_in_with_oidc_through_nginx_and_stays_signed_in_on_either_server(
    page, identity_provider, tmp_path, outside_requests
):
    port = _free_port()
    proxy = f"http://127.0.0.1:{port}"
    secrets_path = tmp_path / "secrets.toml"
    secrets_path.write_text(
        "[auth]\n"
        f'redirect_uri = "{proxy}/{SUB_PATH}/oauth2callback"\n'
        f'cookie_secret = "{token_hex(32)}"\n'
        f'client_id = "{FakeIdentityProvider.client_id}"\n'
        'client_secret = "not-a-real-secret"\n'
        f'server_metadata_url = "{identity_provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    processes = []
    try:
        servers = []
        for _ in range(2):
            servers.append(start_server(ROOT / "data", secrets=secrets_path, base_path=SUB_PATH))
            processes.append(servers[-1][0])
        apps = [url.removeprefix("http://").removesuffix(f"/{SUB_PATH}") for _, url in servers]
        proxy_process, proxy, access_log = start_nginx(apps, port)
        processes.insert(0, proxy_process)
        app = f"{proxy}/{SUB_PATH}"

        page.goto(f"{app}/tiltak")
        wait_until_rendered(page)
        page.get_by_role("button", name="Logg inn for å rapportere").click()  # st.login: out to the provider and back
        page.wait_for_url(f"{app}/")
        open_measures(page, app)
        expect(page.get_by_text("Innlogget som Kari Entra.")).to_have_count(1)
        expect(page.get_by_role("button", name="Lagre rapport")).to_have_count(1)
        route = next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)
        first_app = upstream_of(access_log, route)
        callbacks = [line for line in log_lines(access_log) if line["path"].startswith(f"/{SUB_PATH}/oauth2callback")]
        assert [line["upstream"] for line in callbacks] == [first_app]  # the callback reached the server that began

        # the same browser, routed to the other server, is still signed in there (one cookie_secret for both)
        other_app = next(address for address in apps if address != first_app)
        other_route = route_to(proxy, access_log, other_app)
        page.context.add_cookies(
            [{"name": COOKIE, "value": other_route, "domain": "127.0.0.1", "path": f"/{SUB_PATH}"}]
        )
        open_measures(page, app)
        expect(page.get_by_text("Innlogget som Kari Entra.")).to_have_count(1)

        def reloads(lines):
            return [line for line in lines if line["route"] == other_route and line["path"].endswith("/tiltak")]

        assert [line["upstream"] for line in reloads(wait_for_log(access_log, reloads))] == [other_app]
        assert outside_requests == []
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
