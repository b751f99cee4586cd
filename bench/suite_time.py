"""Benchmark: `make test` as CI runs it, on a fresh clone of the commit checked out (its install, build and tests).

Reports the time it took and the CPU time the whole machine spent meanwhile (Linux's /proc/stat): the same commit
has taken 40 % more of both on a slow hour of this machine than on a quiet one, every test slower alike, at a
load average below 1 (most likely its host was busy: no figure inside the machine shows that). So it also times a
small fixed piece of work every few seconds while the tests run (``SpeedProbe``): when that took longer too, the
machine was slower, not the suite. Changes not committed are not in the clone, so not measured.

    .venv/bin/python bench/suite_time.py        (make bench runs it with the other measures)
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 240  # issue 21: within 4 minutes on 2 cores


def machine_cpu_s() -> float | None:
    """CPU-seconds every core of the machine has spent working since it started, or None off Linux."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    except OSError:
        return None
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


PROBE_EVERY_S = 5  # how often the speed probe runs while the tests do


class SpeedProbe(threading.Thread):
    """While running, every ``PROBE_EVERY_S`` seconds, the CPU-seconds this thread takes to sum the first 3 million
    integers: the same work each time, so a larger figure means a slower machine at that moment (as when other
    machines share its host). About 0.04 s of work each time: 1 % of one core."""

    def __init__(self):
        super().__init__(daemon=True)
        self.times: list[float] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(PROBE_EVERY_S):
            start = time.thread_time()
            sum(range(3_000_000))
            self.times.append(time.thread_time() - start)

    def stop(self) -> list[float]:
        """Stop, and return the times measured, in order."""
        self._halt.set()
        self.join()
        return self.times


def measure() -> dict:
    """Clone, run `.ci/run`, and return its time, the machine's CPU time, the speed probe's times meanwhile, and the
    tests' summary line (or why it failed)."""
    with tempfile.TemporaryDirectory(prefix="backease-suite-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        probe = SpeedProbe()
        cpu_before, start = machine_cpu_s(), time.perf_counter()
        probe.start()
        run = subprocess.run([str(clone / ".ci" / "run")], cwd=clone, capture_output=True, text=True)
        wall = time.perf_counter() - start
        cpu_after = machine_cpu_s()
        probe_s = probe.stop()
    summary = [line.strip("= ") for line in run.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    return {"wall_s": wall, "cpu_s": None if cpu_before is None else cpu_after - cpu_before, "ok": not run.returncode,
            "probe_s": probe_s,
            "summary": summary[-1] if summary else (run.stdout + run.stderr)[-300:].strip()}


if __name__ == "__main__":
    print(measure())
