"""Bytes each built page downloads on first view (every resource), and how soon its widgets work."""
from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tools")]
from conftest import CHROMIUM_FLAGS, SITE, built_pages, chromium_path, open_built  # noqa: E402
from serve import serve_in_thread  # noqa: E402

# Records when the first timer's Start button exists, in ms after navigation started.
READY = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".be-timer .be-start")) {
    window.__timerReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def serve(folder: Path):
    """``folder`` served on 127.0.0.1 as `make serve` serves it (text gzip-compressed); ``shutdown()`` when done."""
    return serve_in_thread(folder)


def _file(url: str) -> Path:
    return SITE / unquote(urlparse(url).path).lstrip("/")


def page_weights(browser, base: str) -> dict[str, dict]:
    """For every page: bytes downloaded on a first view, raw and as gzip would send them; widget or not."""
    out = {}
    for rel in built_pages(SITE):
        context = browser.new_context()  # empty cache: a first view
        page = context.new_page()
        urls = []
        page.on("requestfinished", lambda r: urls.append(r.url))
        open_built(page, f"{base}/{rel}")
        page.wait_for_load_state("networkidle")
        files = [_file(u) for u in dict.fromkeys(urls) if u.startswith(base)]  # not blob: modules
        out[rel] = {
            "bytes": sum(f.stat().st_size for f in files),
            "gzip": sum(len(gzip.compress(f.read_bytes(), 6)) for f in files),
            "widget": page.locator(".be-widget").count() > 0,
        }
        context.close()
    return out


def timer_ready_ms(browser, base: str, runs: int = 5) -> float:
    """Median ms from navigation start until the timer on the timers page can be started."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(READY)
        page.goto(f"{base}/book/start/timers.html")
        page.wait_for_function("window.__timerReadyAt !== undefined")
        times.append(page.evaluate("window.__timerReadyAt"))
        context.close()
    return statistics.median(times)


def measure() -> dict:
    httpd = serve(SITE)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path("chromium"), args=CHROMIUM_FLAGS)
            weights = page_weights(browser, base)
            ready = timer_ready_ms(browser, base)
            browser.close()
    finally:
        httpd.shutdown()
    return {"weights": weights, "timer_ready_ms": ready}


if __name__ == "__main__":
    result = measure()
    for rel, w in sorted(result["weights"].items(), key=lambda kv: -kv[1]["bytes"]):
        print(f"{w['bytes'] / 1e6:6.2f} MB ({w['gzip'] / 1e6:4.2f} MB gzip)  {'widget' if w['widget'] else 'text  '}  {rel}")
    print(f"timer interactive after {result['timer_ready_ms']:.0f} ms")
