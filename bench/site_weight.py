"""Bytes each built page downloads on first view (every resource), in headless Chromium."""
from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_FLAGS, SITE, _QuietHandler, built_pages  # noqa: E402


def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def page_weights() -> dict[str, dict]:
    """For every page: bytes downloaded, whether it shows a widget, ms until a widget's first button exists."""
    httpd = serve(SITE)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
            for rel in built_pages(SITE):
                context = browser.new_context()  # empty cache: a first view
                page = context.new_page()
                sizes = []
                page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
                page.goto(f"{base}/{rel}", wait_until="networkidle")
                widget = page.locator(".be-widget").count() > 0
                ready = page.evaluate("window.__widgetReadyAt || null") if widget else None
                out[rel] = {"bytes": sum(sizes), "widget": widget, "ready_ms": ready}
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return out


if __name__ == "__main__":
    for rel, w in sorted(page_weights().items(), key=lambda kv: -kv[1]["bytes"]):
        print(f"{w['bytes'] / 1e6:6.2f} MB  {'widget' if w['widget'] else 'text  '}  {rel}")
