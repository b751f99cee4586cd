"""`make bench`: measure the guide against its budgets and write bench/results.md (for contributors; the README links to it).

Cold build (all notebooks executed), no-change rebuild, bytes per page on a first view
(raw, and as gzip would send them), time until a timer can be started, the timer's drift
over a real 2-minute run, the offline app's core and whole-guide sizes (the core against its budget), install time and time until the core is stored, and Lighthouse
(bench/lighthouse.py): every category over a sample of pages that includes the heaviest text and widget
pages, and the total blocking time of every page; and `make test` from a fresh clone, as CI runs it
(bench/suite_time.py). Takes about 25 minutes; it rebuilds _build from scratch.
"""
from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import lighthouse  # noqa: E402
import offline_cache  # noqa: E402
import site_weight  # noqa: E402
import suite_time  # noqa: E402
import timer_drift  # noqa: E402

RESULTS = ROOT / "bench" / "results.md"
PAGE_BUDGET_MB = 0.40  # every page's first view, uncompressed
# The same measures for a default Jupyter Book 1 page (issue 15: Lighthouse 12, mobile, default throttling).
JB1_DEFAULT = {"performance": "54–55", "bytes": "2.5 MB", "lcp": "14.5 s"}
JB1_DEFAULT_MB = 2.5


def timed_build() -> float:
    start = time.perf_counter()
    run = subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"the build failed, so nothing was measured:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return time.perf_counter() - start


def row(name: str, value: str, budget: str, ok: bool | None) -> str:
    mark = "" if ok is None else (" ✓" if ok else " ✗")
    return f"| {name} | {value} | {budget}{mark} |"


def lighthouse_rows(scores: dict) -> list[str]:
    lines = [
        "| page | performance | accessibility | best practices | SEO | LCP | blocking time | bytes sent |",
        "|---|---|---|---|---|---|---|---|",
        f"| goal | ≥ {lighthouse.GOALS['performance']} | {lighthouse.GOALS['accessibility']} | "
        f"{lighthouse.GOALS['best-practices']} | ≥ {lighthouse.GOALS['seo']} | | ≤ {lighthouse.TBT_GOAL_MS} ms | |",
        f"| Jupyter Book 1 default page (http.server, uncompressed) | {JB1_DEFAULT['performance']} | | | | "
        f"{JB1_DEFAULT['lcp']} | | {JB1_DEFAULT['bytes']} |",
    ]
    for rel, r in scores.items():
        marks = {c: " ✓" if r[c] >= lighthouse.GOALS[c] else " ✗" for c in lighthouse.CATEGORIES}
        lines.append(f"| `{rel}` | {r['performance']}{marks['performance']} | {r['accessibility']}"
                     f"{marks['accessibility']} | {r['best-practices']}{marks['best-practices']} | {r['seo']}"
                     f"{marks['seo']} | {r['lcp_s']:.1f} s | {r['tbt_ms']:.0f} ms | {r['bytes'] / 1e6:.2f} MB |")
    failed = sorted({a for r in scores.values() for a in r["failed"]})
    lines += ["", f"Lighthouse audits failed on any sampled page: {', '.join(f'`{a}`' for a in failed) or 'none'}."]
    return lines


def blocking_rows(blocking: dict[str, float]) -> list[str]:
    """Every page's total blocking time against the goal: the worst pages, and those over it."""
    goal = lighthouse.TBT_GOAL_MS
    over = [rel for rel, ms in blocking.items() if ms > goal]
    worst = sorted(blocking.items(), key=lambda item: -item[1])[:5]
    return [
        f"Total blocking time on every page ({len(blocking)} pages; Lighthouse, mobile, simulated throttling; one "
        f"run a page, the median of {lighthouse.BLOCKING_RUNS} for a page whose first run is over {goal} ms): "
        f"{'every page within' if not over else f'{len(over)} over'} the goal of {goal} ms.",
        "",
        "| page | blocking time |",
        "|---|---|",
        *(f"| `{rel}` | {ms:.0f} ms{' ✓' if ms <= goal else ' ✗'} |" for rel, ms in worst),
        *(f"| `{rel}` | {blocking[rel]:.0f} ms ✗ |" for rel in over if rel not in dict(worst)),
    ]


def main() -> int:
    load_before = os.getloadavg()[1]
    suite = suite_time.measure()
    probe = (f"median {statistics.median(suite['probe_s']) * 1000:.0f} ms, {min(suite['probe_s']) * 1000:.0f}–"
             f"{max(suite['probe_s']) * 1000:.0f} ms" if suite["probe_s"] else "not measured")
    cpu_s = f"{suite['cpu_s']:.0f} CPU-seconds; " if suite["cpu_s"] is not None else ""
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
        row("`make test` from a fresh clone, as CI runs it (install, build, every test)",
            f"{suite['wall_s']:.0f} s ({cpu_s}{suite['summary']}; the speed probe meanwhile: {probe})",
            f"≤ {suite_time.BUDGET_S} s", suite["ok"] and suite["wall_s"] <= suite_time.BUDGET_S),
    ]
    for kind, (rel, w) in (("text", text), ("widget", widget)):
        lines.append(row(f"heaviest {kind} page, first view: `{rel}`",
                         f"{w['bytes'] / 1e6:.2f} MB ({w['gzip'] / 1e6:.2f} MB gzip; "
                         f"{JB1_DEFAULT_MB / (w['bytes'] / 1e6):.1f}× lighter than a default Jupyter Book 1 page)",
                         f"≤ {PAGE_BUDGET_MB} MB", w["bytes"] / 1e6 <= PAGE_BUDGET_MB))
    lines += [
        row("timer interactive after page load starts (median of 5)", f"{site['timer_ready_ms']:.0f} ms", "≤ 500 ms",
            site["timer_ready_ms"] <= 500),
        row(f"timer error at the end of a real {drift['total_s']:.0f} s routine", f"{drift['end_error_ms']:+.1f} ms",
            "≤ 50 ms", abs(drift["end_error_ms"]) <= 50),
        row("largest timer error at any step change", f"{drift['max_step_error_ms']:.1f} ms", "", None),
        row(f"offline app: the core a first visit stores ({app['core_files']} files, uncompressed)",
            f"{app['core_bytes'] / 1e6:.2f} MB", f"≤ {app['core_budget_mb']} MB",
            app["core_bytes"] / 1e6 <= app["core_budget_mb"]),
        row(f"offline app: the whole guide, kept on request or on install ({app['files']} files, uncompressed)",
            f"{app['bytes'] / 1e6:.2f} MB", "", None),
        row("offline app: first visit until the worker is installed (median of 3)", f"{app['install_ms']:.0f} ms", "",
            None),
        row("offline app: first visit until the core is stored (median of 3)", f"{app['core_ms']:.0f} ms", "", None),
    ]
    over = sorted((rel for rel, w in pages.items() if w["bytes"] / 1e6 > PAGE_BUDGET_MB))
    sample = list(dict.fromkeys([text[0], widget[0], *lighthouse.SAMPLE]))
    httpd = site_weight.serve(site_weight.SITE)
    try:
        scores = lighthouse.measure(f"http://127.0.0.1:{httpd.server_address[1]}", sample)
        blocking = lighthouse.blocking_times(f"http://127.0.0.1:{httpd.server_address[1]}", list(pages))
    finally:
        httpd.shutdown()
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = f"{load_before:.1f} when it began, {os.getloadavg()[1]:.1f} when it ended"
    text_out = "\n".join([
        f"Measured on {date.today().isoformat()} ({machine}) with `make bench`; the machine's load average "
        f"(5 minutes) was {load}. Other work on the machine slows the builds and raises Lighthouse's "
        "blocking time (a load above the number of cores means the numbers are pessimistic). A busy host slows the "
        "machine with no sign in its load: the speed probe (bench/suite_time.py) times the same small work every few "
        "seconds while the test suite runs, and takes longer on a slower machine.",
        "",
        *lines,
        "",
        f"Pages over the {PAGE_BUDGET_MB} MB budget: {', '.join(f'`{r}`' for r in over) if over else 'none'}.",
        "",
        f"Lighthouse 12.2.3, mobile, default (simulated) throttling, Chromium headless, the median of "
        f"{lighthouse.RUNS} runs per page, "
        "pages served as `make serve` serves them (tools/serve.py: text gzip-compressed, as a web host "
        "sends it; bytes sent counts what went over the wire). The sample: the heaviest text and widget "
        "pages, the home page, a technique page, the guided check and the timers page.",
        "",
        *lighthouse_rows(scores),
        "",
        *blocking_rows(blocking),
        "",
    ])
    RESULTS.write_text(text_out, encoding="utf-8")
    print(text_out)
    print(f"(written to {RESULTS.relative_to(ROOT)}; rebuild the book to show it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
