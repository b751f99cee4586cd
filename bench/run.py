"""`make bench`: measure the guide against its budgets and write bench/results.md (shown in the book).

Cold build (all notebooks executed), no-change rebuild, bytes per page on a first view
(raw, and as gzip would send them), time until a timer can be started, and the timer's
drift over a real 2-minute run, the offline app's cache size and install time. Takes about 4 minutes; it rebuilds _build from scratch.
"""
from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import offline_cache  # noqa: E402
import site_weight  # noqa: E402
import timer_drift  # noqa: E402

RESULTS = ROOT / "bench" / "results.md"


def timed_build() -> float:
    start = time.perf_counter()
    run = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"the build failed, so nothing was measured:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return time.perf_counter() - start


def row(name: str, value: str, budget: str, ok: bool | None) -> str:
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    return f"| {name} | {value} | {budget}{mark} |"


def main() -> int:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    cold = timed_build()
    warm = timed_build()
    site = site_weight.measure()
    drift = timer_drift.measure()
    app = offline_cache.measure()
    pages = site["weights"]
    text = max((p for p in pages.items() if not p[1]["widget"]), key=lambda p: p[1]["bytes"])
    widget = max((p for p in pages.items() if p[1]["widget"]), key=lambda p: p[1]["bytes"])
    lines = [
        "| measure | value | budget |",
        "|---|---|---|",
        row("cold full build (every notebook executed)", f"{cold:.1f} s", "≤ 60 s", cold <= 60),
        row("no-change rebuild", f"{warm:.1f} s", "≤ 3 s", warm <= 3),
    ]
    for kind, (rel, w), budget in (("text", text, 0.8), ("widget", widget, 1.5)):
        lines.append(row(f"heaviest {kind} page, first view: `{rel}`",
                         f"{w['bytes'] / 1e6:.2f} MB ({w['gzip'] / 1e6:.2f} MB gzip)", f"≤ {budget} MB",
                         w["bytes"] / 1e6 <= budget))
    lines += [
        row("timer interactive after page load starts (median of 5)", f"{site['timer_ready_ms']:.0f} ms", "≤ 500 ms",
            site["timer_ready_ms"] <= 500),
        row(f"timer error at the end of a real {drift['total_s']:.0f} s routine", f"{drift['end_error_ms']:+.1f} ms",
            "≤ 50 ms", abs(drift["end_error_ms"]) <= 50),
        row("largest timer error at any step change", f"{drift['max_step_error_ms']:.1f} ms", "", None),
        row(f"offline app: service-worker cache ({app['files']} files)", f"{app['bytes'] / 1e6:.1f} MB", "", None),
        row("offline app: first visit until the worker is installed (median of 3)", f"{app['install_ms']:.0f} ms", "",
            None),
    ]
    over = sorted((rel for rel, w in pages.items() if w["bytes"] / 1e6 > (1.5 if w["widget"] else 0.8)))
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    text_out = "\n".join([
        f"Measured on {date.today().isoformat()} ({machine}) with `make bench`.",
        "",
        *lines,
        "",
        f"Pages over their raw budget: {', '.join(f'`{r}`' for r in over) if over else 'none'}.",
        "",
    ])
    RESULTS.write_text(text_out, encoding="utf-8")
    print(text_out)
    print(f"(written to {RESULTS.relative_to(ROOT)}; rebuild the book to show it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
