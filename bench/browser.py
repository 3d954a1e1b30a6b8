"""Browser timings and server memory: real `streamlit run` servers driven by Debian's Chromium through Playwright.

Times are taken inside the page (performance.now()), from the click on a sidebar link (or the key press on a
slider) to the moment the view is fully rendered: the script run has finished, no element is stale, every plotly
chart has drawn its SVG, and the last drawing on any canvas (deck.gl's WebGL map, vega's chart, the data grids;
hooked in the page) and to any SVG (plotly, vega) is over — quiet for QUIET_MS. The figure is the latest of those moments, not the moment the
quiet period ends. Every request that would leave the machine is aborted and counted.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from bench.views import MAP_VIEW, VIEWS, View

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"]
LAUNCH_ARGS += ["--disable-component-update"]
LOOPBACK = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")
QUIET_MS = 300
TIMEOUT_MS = 30_000

# Installed before any page script: the script state's changes and the last draw on any canvas.
HOOKS = """
window.__bench = {ranAt: null, finishedAt: null, lastDraw: 0, draws: 0};
const RUNNING = ['running', 'rerunRequested'];
const note = (records) => {
  const app = document.querySelector('[data-testid=stApp]');
  const state = app && app.getAttribute('data-test-script-state');
  if (records.some((r) => RUNNING.includes(r.oldValue)) || RUNNING.includes(state)) {
    window.__bench.ranAt ??= performance.now();
  }
  if (state === 'notRunning' && window.__bench.ranAt !== null) { window.__bench.finishedAt = performance.now(); }
};
new MutationObserver(note).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
  attributeFilter: ['data-test-script-state']});
const drew = () => { window.__bench.lastDraw = performance.now(); window.__bench.draws += 1; };
const hook = (proto, names) => names.forEach((name) => {
  const original = proto && proto[name];
  if (!original) return;
  proto[name] = function (...args) { drew(); return original.apply(this, args); };
});
const gl = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements'];
hook(window.WebGLRenderingContext && WebGLRenderingContext.prototype, gl);
hook(window.WebGL2RenderingContext && WebGL2RenderingContext.prototype, gl);
hook(CanvasRenderingContext2D.prototype, ['fill', 'stroke', 'fillRect', 'fillText', 'drawImage', 'putImageData']);
const inSvg = (node) => node && (node instanceof SVGElement || (node.parentNode instanceof SVGElement));
new MutationObserver((records) => { if (records.some((r) => inSvg(r.target))) drew(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""

START = """() => {
  Object.assign(window.__bench, {ranAt: null, finishedAt: null, domAt: null, draws: 0});
  return performance.now();
}"""

# Returns the rendered time (ms after t0) once everything is drawn and quiet, else false (polled every frame).
RENDERED = """([t0, quiet, needDraw]) => {
  const b = window.__bench, now = performance.now();
  const app = document.querySelector('[data-testid=stApp]');
  if (b.finishedAt === null || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stStatusWidgetRunningIcon], [data-stale=true]')) return false;
  const plots = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  if (!plots.every((p) => p.querySelector('.main-svg'))) { b.domAt = null; return false; }
  b.domAt ??= now;
  if (needDraw && !(b.draws > 0 && b.lastDraw > t0)) return false;
  if (now - Math.max(b.finishedAt, b.lastDraw) < quiet) return false;
  return Math.max(b.finishedAt, b.domAt, b.lastDraw > t0 ? b.lastDraw : 0) - t0;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(script: str, env: dict[str, str], cwd: Path = ROOT):
    """`streamlit run script` on a free loopback port, from `cwd` (the real GDP template runs from where it lies);
    yields (process, base url); stopped afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(process, url)
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_healthy(process, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling for readiness, bounded by the deadline
    raise RuntimeError("streamlit did not answer /_stcore/health within 60 s")


def rss_mb(pid: int) -> float:
    """The resident set size of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


class Browser:
    """One Chromium; pages in fresh contexts with the hooks installed and outside requests aborted."""

    def __init__(self, playwright):
        self.chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        self.outside: list[str] = []

    def page(self):
        context = self.chromium.new_context(viewport={"width": 1400, "height": 900}, locale="nb-NO")
        context.route("**/*", self._guard)
        context.add_init_script(HOOKS)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return page

    def _guard(self, route):
        if route.request.url.startswith(LOOPBACK):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self):
        self.chromium.close()


def open_app(page, url: str) -> None:
    """Load the app and wait for its first run to finish."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"] h1', timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="stStatusWidgetRunningIcon"]', state="detached", timeout=TIMEOUT_MS)


RETRIES: list[str] = []  # actions that started no script run within START_MS and were repeated
START_MS = 5_000


def rendered_after(page, action, need_draw: bool = False) -> float:
    """Milliseconds from `action()` to the fully rendered page.

    An action that starts no script run within START_MS (a click the app did not take) is repeated, timed anew
    and noted in RETRIES."""
    for _ in range(3):
        t0 = page.evaluate(START)
        action()
        try:
            page.wait_for_function("() => window.__bench.ranAt !== null", polling="raf", timeout=START_MS)
            break
        except PlaywrightTimeoutError:
            RETRIES.append(page.url)
    try:
        handle = page.wait_for_function(RENDERED, arg=[t0, QUIET_MS, need_draw], polling="raf", timeout=TIMEOUT_MS)
    except PlaywrightTimeoutError:
        state = page.evaluate("() => JSON.stringify({...window.__bench, now: performance.now()})")
        raise RuntimeError(f"not rendered within {TIMEOUT_MS} ms at {page.url} (t0 {t0}): {state}") from None
    return float(handle.json_value())


def click_view(page, url: str, path: str) -> None:
    page.locator(f'[data-testid=stSidebarNav] a[href="{url}/{path}"]').click()


def navigate(page, url: str, path: str, need_draw: bool = False) -> float:
    return rendered_after(page, lambda: click_view(page, url, path), need_draw)


def navigation_times(page, url: str, target: str, start: str, runs: int, need_draw: bool = False) -> list[float]:
    """Each run: go to `start` (not timed), then click the link to `target` and time it."""
    times = []
    for _ in range(runs):
        navigate(page, url, start)
        times.append(navigate(page, url, target, need_draw))
    return times


def distinct_colours(png: bytes) -> int:
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


def slider_times(page, test_id: str, runs: int, first_key: str) -> tuple[list[float], bool]:
    """Move the first slider (thumb) between its ends, `first_key` first (Home or End); returns (ms to the redrawn
    chart or map per run, whether every run changed it).

    `test_id` is the chart's data-testid; a screenshot after each run checks that it was drawn and changed."""
    slider = page.get_by_role("slider").first
    chart = page.get_by_test_id(test_id).first
    times, changed, previous = [], True, chart.screenshot()
    keys = (first_key, "Home" if first_key == "End" else "End")
    for i in range(runs):
        slider.focus()
        times.append(rendered_after(page, lambda key=keys[i % 2]: slider.press(key), True))
        shot = chart.screenshot()
        changed = changed and shot != previous and distinct_colours(shot) > 20
        previous = shot
    return times, changed


def url_load_times(browser: Browser, url: str, path: str, runs: int, need_draw: bool = False) -> list[float]:
    """Each run in a fresh browser context (no cache, a new session): from navigation start (performance.now() 0)
    to the fully rendered page — script done, every chart and map drawn, QUIET_MS quiet."""
    times = []
    for _ in range(runs):
        page = browser.page()
        page.goto(f"{url}/{path}", wait_until="commit")
        try:
            handle = page.wait_for_function(RENDERED, arg=[0, QUIET_MS, need_draw], polling="raf", timeout=TIMEOUT_MS)
        except PlaywrightTimeoutError:
            raise RuntimeError(f"{url}/{path} was not rendered within {TIMEOUT_MS} ms of navigation") from None
        times.append(float(handle.json_value()))
        page.context.close()
    return times


# Years the map has not drawn before in a fresh server, reached in turn from the slider's first year (1945): each
# changes the partners on Trondheim's map. Arrow presses within the slider's debounce give one rerun per move.
NEW_YEAR_STEPS = (11, 12, 7, 12, 14, 3, 8)  # 1945 → 1956 → 1968 → 1975 → 1987 → 2001 → 2004 → 2012


def new_year_times(page) -> tuple[list[float], bool]:
    """The map's redraw after moving to a year it has not drawn before: Home (1945), then the NEW_YEAR_STEPS;
    returns (ms per move, whether every move changed the drawn map)."""
    slider = page.get_by_role("slider").first
    deck = page.get_by_test_id("stDeckGlJsonChart").first
    previous = deck.screenshot()
    times, changed = [], True
    moves = [lambda: slider.press("Home")]
    moves += [lambda n=n: [slider.press("ArrowRight") for _ in range(n)] for n in NEW_YEAR_STEPS]
    for move in moves:
        slider.focus()
        times.append(rendered_after(page, move, True))
        shot = deck.screenshot()
        changed = changed and shot != previous and distinct_colours(shot) > 20
        previous = shot
    return times, changed


def measure_url_loads(url: str, runs: int, paths: dict[str, tuple[str, bool]]) -> dict[str, list[float]]:
    """Full page load by URL for each name: (path, whether a canvas must be drawn)."""
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        results = {name: url_load_times(browser, url, path, runs, draw) for name, (path, draw) in paths.items()}
        results["_outside_requests"] = [float(len(browser.outside))]
        browser.close()
    return results


def measure_template(url: str, runs: int) -> dict[str, list[float]]:
    """The GDP template (one page): its full load by URL, and its year slider's change."""
    results = measure_url_loads(url, runs, {"load": ("", False)})
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        page = browser.page()
        page.goto(url)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
        page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=TIMEOUT_MS)
        results["year change"], _ = slider_times(page, "stVegaLiteChart", runs, "End")
        browser.close()
    return results


def measure_app(url: str, runs: int, views: list[View] = VIEWS) -> dict[str, list[float]]:
    """Navigation time per view and the map's year change, one browser page."""
    results = {}
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        page = browser.page()
        open_app(page, url)
        for view in views:
            start = views[-1].url if view == views[0] else views[0].url
            results[view.name] = navigation_times(page, url, view.url, start, runs, need_draw=view == MAP_VIEW)
        navigate(page, url, MAP_VIEW.url, need_draw=True)
        # First the years this server has not drawn, then the two ends again and again (drawn before).
        results[f"{MAP_VIEW.name}: new year"], new_changed = new_year_times(page)
        results[f"{MAP_VIEW.name}: year change"], changed = slider_times(page, "stDeckGlJsonChart", runs, "Home")
        results["_map_changed"] = [float(changed and new_changed)]
        results["_outside_requests"] = [float(len(browser.outside))]
        browser.close()
    return results


def measure_baselines(url: str, runs: int) -> dict[str, list[float]]:
    """The same for the baseline app: navigation to each page, and the GDP page's year range change."""
    results = {}
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        page = browser.page()
        open_app(page, url)
        results["minimal"] = navigation_times(page, url, "", "gdp", runs)
        results["gdp"] = navigation_times(page, url, "gdp", "", runs)
        navigate(page, url, "gdp")
        results["gdp: year change"], _ = slider_times(page, "stVegaLiteChart", runs, "End")
        browser.close()
    return results


def session_memory(pid: int, url: str, sessions: int, views: list[View] = VIEWS) -> list[float]:
    """The server's RSS before any session and after each of `sessions` sessions has visited every view.

    The sessions stay open (one browser context each) until all are measured."""
    rss = [rss_mb(pid)]
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        for _ in range(sessions):
            page = browser.page()
            open_app(page, url)
            for view in [*views[1:], views[0]]:
                navigate(page, url, view.url, need_draw=view == MAP_VIEW)
            rss.append(rss_mb(pid))
        browser.close()
    return rss
