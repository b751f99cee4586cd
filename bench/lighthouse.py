"""Lighthouse 12 (mobile, default throttling) over a sample of built pages, served as `make serve` serves them.

`make bench` installs the pinned Lighthouse under bench/node_modules (bench/package.json) and
runs Chromium from CHROME_PATH (default /usr/bin/chromium). The pages come from tools/serve.py,
which gzips text as a real host does, so transfer sizes and paint times are what a reader gets.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
RUNS = 3  # Lighthouse's own advice: scores vary from run to run, so report the median of several
# Always measured besides the heaviest pages: the home page, a technique page, a guided check, the timers.
SAMPLE = ("index.html", "book/techniques/psoas.html", "book/checks/leg-length.html", "book/start/timers.html")


def audit(url: str) -> dict:
    """Scores (0–100) per category, plus the page's total bytes and largest contentful paint, for one URL."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        run = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless --no-sandbox"],
            env=env, capture_output=True, text=True, timeout=300)
        if run.returncode or not report.is_file():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
        data = json.loads(report.read_text())
    audits = data["audits"]
    failed = sorted(a["id"] for a in audits.values()
                    if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary")
    return {
        **{c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "failed": failed,
    }


def median_audit(url: str, runs: int = RUNS) -> dict:
    """The run with the median performance score of ``runs`` audits of ``url``."""
    results = sorted((audit(url) for _ in range(runs)), key=lambda r: r["performance"])
    return results[len(results) // 2]


def measure(base: str, pages: list[str]) -> dict[str, dict]:
    """``median_audit`` for each page (paths relative to the site root) under ``base``."""
    return {rel: median_audit(f"{base}/{rel}") for rel in pages}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    import site_weight

    httpd = site_weight.serve(site_weight.SITE)
    try:
        result = measure(f"http://127.0.0.1:{httpd.server_address[1]}", sys.argv[1:] or list(SAMPLE))
    finally:
        httpd.shutdown()
    for rel, r in result.items():
        print(rel, {k: r[k] for k in (*CATEGORIES, "lcp_s", "tbt_ms")}, f"{r['bytes'] / 1e6:.2f} MB", r["failed"])
