"""Benchmark: how far the session timer's clock drifts over a real 2-minute routine.

Runs a 120-second routine in headless Chromium in real time, on a page made the way the
built book shows widgets (the book's own widget loader and the timer's own module), and
reports when each step change and the end happened against when they were due.

    .venv/bin/python bench/timer_drift.py        (make bench runs it with the other measures)
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from ipywidgets.embed import embed_data
from playwright.sync_api import sync_playwright

from backease import Routine, SessionTimer, Step

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_FLAGS, chromium_path, serve_folder  # noqa: E402  (shared with the tests)

ROUTINE = Routine(name="drift", title="Drift check", get_ready=0,
                  steps=tuple(Step(f"Step {i}", seconds=30) for i in range(1, 5)))
BUDGET_MS = 50

# Records performance.now() at the Start click and at every step change, before the widget exists.
RECORDER = """
window.__marks = [];
document.addEventListener("click", (e) => {
  if (e.target.closest(".be-start")) window.__marks.push(["start", performance.now()]);
}, true);
new MutationObserver((records) => {
  for (const r of records) {
    if (r.attributeName === "data-index" || (r.attributeName === "data-state" && r.target.dataset.state === "done"))
      window.__marks.push([r.target.dataset.state + ":" + r.target.dataset.index, performance.now()]);
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-index", "data-state"] });
"""


def write_page(widget, folder: Path) -> Path:
    """A page that shows ``widget`` exactly as a built book page does."""
    data = embed_data(views=[widget], drop_defaults=False)
    shutil.copy(ROOT / "book" / "_assets" / "widget-loader.js", folder)
    page = folder / "index.html"
    page.write_text(
        "<!doctype html><meta charset='utf-8'><title>timer</title><link rel='icon' href='data:,'>"
        f"<script type='application/vnd.jupyter.widget-state+json'>{json.dumps(data['manager_state'])}</script>"
        "<script src='widget-loader.js'></script><body>"
        f"<script type='application/vnd.jupyter.widget-view+json'>{json.dumps(data['view_specs'][0])}</script>"
    )
    return page


def measure() -> dict:
    folder = Path(tempfile.mkdtemp())
    write_page(SessionTimer(ROUTINE), folder)
    httpd = serve_folder(folder)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path("chromium"), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.add_init_script(RECORDER)
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/index.html")
            page.get_by_role("button", name="Start", exact=True).click()
            total_ms = ROUTINE.total_seconds * 1000
            page.wait_for_function("document.querySelector('.be-timer').dataset.state === 'done'",
                                   timeout=total_ms + 10_000, polling=50)
            marks = page.evaluate("window.__marks")
            browser.close()
    finally:
        httpd.shutdown()
        shutil.rmtree(folder)
    t0 = next(t for name, t in marks if name == "start")
    due = [sum(s.seconds for s in ROUTINE.segments()[:i]) * 1000 for i in range(1, len(ROUTINE.segments()) + 1)]
    first = {}  # the view rewrites its attributes on every tick: keep each first appearance
    for name, t in marks:
        first.setdefault(name, t - t0)
    changes = [first[f"running:{i}"] for i in range(1, len(ROUTINE.segments()))]
    end = min(t for name, t in first.items() if name.startswith("done"))
    errors = [c - d for c, d in zip(changes, due)] + [end - total_ms]
    return {"total_s": total_ms / 1000, "end_error_ms": end - total_ms, "max_step_error_ms": max(map(abs, errors))}


def main() -> int:
    r = measure()
    ok = abs(r["end_error_ms"]) <= BUDGET_MS
    print("| measure | value | budget |")
    print("|---|---|---|")
    print(f"| timer error at the end of a real {r['total_s']:.0f} s routine | {r['end_error_ms']:+.1f} ms"
          f" | ≤ {BUDGET_MS} ms {'✓' if ok else '✗'} |")
    print(f"| largest error at any step change | {r['max_step_error_ms']:.1f} ms | |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
