"""Benchmark of `explainer check`: claims per second on a synthetic valid dataset, in one
process and shared by two.

Usage: python bench/bench_check.py [--claims 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import generate

EXPLAINER = [sys.executable, "-m", "explainer.cli"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    events = max(1, args.claims // 3)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        info = generate(root, events)
        claims = info["claims"]
        cpu = platform.processor() or platform.machine()
        print(f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"claims: {claims}, events: {info['events']}, sources: {info['sources']}")
        for jobs in (1, 2):
            best, median, cpu_time = measure(root, jobs, args.repeat)
            print(
                f"`explainer check --jobs {jobs}` wall time, best of {args.repeat}: {best:.2f} s "
                f"(median {median:.2f} s): {claims / best:,.0f} claims/s; "
                f"CPU time (user+sys, all processes), least: {cpu_time:.2f} s"
            )
    return 0


def measure(root: Path, jobs: int, repeat: int) -> tuple[float, float, float]:
    """Best and median wall time, and least CPU time, of the real command."""
    timings, cpu_times = [], []
    for _ in range(repeat):
        # a fresh process each time: the real command, cold caches, start-up included
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        result = subprocess.run(
            [*EXPLAINER, "--root", str(root), "check", "--jobs", str(jobs)],
            capture_output=True,
            text=True,
            check=False,
            env=dict(os.environ),
        )
        timings.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU time moves less than wall time on a busy machine; reported beside it
        cpu_times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            print(result.stdout[:2000], result.stderr[:2000])
            raise SystemExit("synthetic data should pass every rule")
    return min(timings), statistics.median(timings), min(cpu_times)


if __name__ == "__main__":
    raise SystemExit(main())
