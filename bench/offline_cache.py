"""The offline app: how much the service worker stores (the core a first visit keeps, and the whole guide), and how
soon after a first visit the worker is installed and the core stored."""
from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from conftest import CHROMIUM_FLAGS, SITE, chromium_path, open_built  # noqa: E402
from offline_app import CORE_BUDGET_MB  # noqa: E402
from site_weight import serve  # noqa: E402

# Resolves once the worker's caches hold ``count`` files (the choice cache aside): ms since the page began.
CORE_STORED = """async (count) => {
  for (;;) {
    let held = 0;
    for (const name of await caches.keys())
      if (name !== "backease-choice") held += (await (await caches.open(name)).keys()).length;
    if (held >= count) return performance.now();
    await new Promise((r) => setTimeout(r, 20));
  }
}"""


def cache_size() -> dict:
    """Files and uncompressed bytes the service worker lists: the whole guide, and the core (as the build wrote them
    in sw.js, each file's size on disk)."""
    text = (SITE / "sw.js").read_text(encoding="utf-8")
    files = [rel for rel, _ in json.loads(re.search(r"const FILES = (\[.*?\]);", text)[1])]
    core = json.loads(re.search(r"const CORE = (\[.*?\]);", text)[1])
    size = lambda paths: sum((SITE / rel).stat().st_size for rel in paths)  # noqa: E731
    return {"files": len(files), "bytes": size(files), "core_files": len(core), "core_bytes": size(core)}


def measure(runs: int = 3) -> dict:
    """Cache sizes, and ms from the start of a first visit (to the welcome page, a core page) until the worker is
    active and until the core is stored (medians of ``runs``)."""
    sizes = cache_size()
    httpd = serve(SITE)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    installed, stored = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path("chromium"), args=CHROMIUM_FLAGS)
        for _ in range(runs):
            context = browser.new_context()  # nothing cached: a first visit
            page = context.new_page()
            open_built(page, f"{base}/book/start/welcome.html")
            installed.append(page.evaluate("navigator.serviceWorker.ready.then(() => performance.now())"))
            stored.append(page.evaluate(CORE_STORED, sizes["core_files"]))
            context.close()
        browser.close()
    httpd.shutdown()
    return {**sizes, "core_budget_mb": CORE_BUDGET_MB, "install_ms": statistics.median(installed),
            "core_ms": statistics.median(stored)}


if __name__ == "__main__":
    print(measure())
