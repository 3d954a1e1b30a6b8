"""Screenshots of every view and every Presentasjon slide, for looking at by hand (not a test; asserts nothing).

    .venv/bin/python scripts/screenshots.py            # or: make screenshots
    .venv/bin/python scripts/screenshots.py --only trondheim-en --sizes 1400x900

Starts the app on the shipped data (an empty state folder: no reports, nothing fetched; SSB unreachable), drives
Debian's Chromium through every view and, in presentation mode, every slide, for Trondheim in bokmål and English
and for Trøndelag fylkeskommune, at 1400×900 and 1920×1080. Per view it writes what the reader sees without
scrolling (`…-top.png`) and the whole page (`…-full.png`); per slide the screen. PNGs go to `screenshots/` (ignored
by git). A request that would leave the machine is aborted and listed at the end.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.conftest import CHROMIUM, LOOPBACK, start_server  # noqa: E402
from tests.e2e.test_browser import drawn_map  # noqa: E402
from ui.navigation import VIEWS  # noqa: E402

RUNS = {  # name: (organisation and language as the link names them: by their labels in the sidebar)
    "trondheim-nb": ("Trondheim kommune", "Norsk (bokmål)"),
    "trondheim-en": ("Trondheim kommune", "English"),
    "trondelag-nb": ("Trøndelag fylkeskommune", "Norsk (bokmål)"),
    "trondelag-en": ("Trøndelag fylkeskommune", "English"),
}
DEFAULT_RUNS = ("trondheim-nb", "trondheim-en", "trondelag-nb")
SIZES = ((1400, 900), (1920, 1080))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"]


def settled(page) -> None:
    """Wait until a title is on the page, the script run has ended, and the number of elements has stayed the same
    for a second (a view that fills its map area last adds elements after the first "not running")."""
    page.wait_for_selector('[data-testid="stMain"] h1', state="attached", timeout=60_000)
    last = -1
    for _ in range(60):
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
        page.wait_for_selector('[data-testid="stStatusWidgetRunningIcon"]', state="detached", timeout=60_000)
        count = page.locator('[data-testid="stElementContainer"]').count()
        if count == last:
            return
        last = count
        page.wait_for_timeout(1000)


def rendered(page) -> None:
    """Wait for the page to settle, every plotly chart to be drawn and a pydeck map to show pixels."""
    settled(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(chart => chart.querySelector('svg.main-svg'))""",
        timeout=30_000,
    )
    deck = page.locator('[data-testid="stDeckGlJsonChart"] canvas')
    if deck.count():
        page.wait_for_function(
            """() => { const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
                       return c && c.width > 0 && c.height > 0; }""",
            timeout=30_000,
        )
        drawn_map(page)  # deck.gl draws after the run: wait for its pixels (a fixed wait was too short at 1920)


def slide_total(page) -> int:
    """The number of slides, from the slide's «2 av 5» / «2 of 5»."""
    text = page.get_by_test_id("stCaptionContainer").first.inner_text()
    found = re.search(r"(\d+) (?:av|of) (\d+)", text)
    return int(found.group(2)) if found else 1


def whole_page(page, path: Path, width: int, height: int) -> None:
    """The whole page in one picture: the viewport made as tall as the main area's content, then put back."""
    tall = page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
                   return Math.max(main ? main.scrollHeight : 0, document.body.scrollHeight); }"""
    )
    page.set_viewport_size({"width": width, "height": min(max(tall, height), 16_000)})
    page.wait_for_timeout(800)  # let the charts re-layout to the new height
    page.screenshot(path=path)
    page.set_viewport_size({"width": width, "height": height})


def shoot_run(browser, base: str, name: str, out: Path, sizes, blocked: list[str]) -> list[Path]:
    org, lang = (quote(label) for label in RUNS[name])
    written = []
    for width, height in sizes:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nb-NO")

        def guard(route, blocked=blocked):
            if route.request.url.startswith(LOOPBACK):
                return route.continue_()
            blocked.append(route.request.url)
            return route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        stem = f"{name}-{width}x{height}"
        for number, view in enumerate(VIEWS, start=1):
            page.goto(f"{base}/{view.url_path}?org={org}&lang={lang}")
            rendered(page)
            label = view.url_path or "oversikt"
            top = out / f"{stem}-{number}-{label}-top.png"
            page.screenshot(path=top)
            full = out / f"{stem}-{number}-{label}-full.png"
            whole_page(page, full, width, height)
            written += [top, full]
        number, total = 1, 1
        while number <= total:
            page.goto(f"{base}/presentasjon?org={org}&lang={lang}&present=true&slide={number}")
            rendered(page)
            total = slide_total(page)
            shot = out / f"{stem}-slide-{number}.png"
            page.screenshot(path=shot)
            written.append(shot)
            number += 1
        context.close()
        print(f"{stem}: done", flush=True)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--only", action="append", choices=list(RUNS), help="a run (repeatable); default: three")
    parser.add_argument("--sizes", default="1400x900,1920x1080", help="comma-separated WIDTHxHEIGHT")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a stopped run still stops its app server (finally)
    process, base = start_server(ROOT / "data")
    blocked: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            written = [
                path
                for name in args.only or DEFAULT_RUNS
                for path in shoot_run(browser, base, name, args.out, sizes, blocked)
            ]
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    print(f"{len(written)} screenshots in {args.out}")
    if blocked:
        print("Requests that would have left the machine (aborted):", *sorted(set(blocked)), sep="\n  ")


if __name__ == "__main__":
    main()
