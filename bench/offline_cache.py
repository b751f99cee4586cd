"""The offline app: how much the service worker stores, and how soon after a first visit it is installed."""
from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_FLAGS, SITE, chromium_path, open_built  # noqa: E402
from site_weight import serve  # noqa: E402


def cache_size() -> tuple[int, int]:
    """Files and bytes the service worker precaches (its list, as the build wrote it)."""
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", (SITE / "sw.js").read_text(encoding="utf-8"))[1])
    return len(files), sum((SITE / rel).stat().st_size for rel, _ in files)


def measure(runs: int = 3) -> dict:
    """Cache size, and ms from the start of a first visit until the worker is active (median of ``runs``)."""
    files, size = cache_size()
    httpd = serve(SITE)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context()  # nothing cached: a first visit
            page = context.new_page()
            open_built(page, f"{base}/book/start/welcome.html")
            times.append(page.evaluate("navigator.serviceWorker.ready.then(() => performance.now())"))
            context.close()
        browser.close()
    httpd.shutdown()
    return {"files": files, "bytes": size, "install_ms": statistics.median(times)}


if __name__ == "__main__":
    print(measure())
