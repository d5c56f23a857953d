"""Benchmark of `make check` on a project of any size: the seconds it takes, as a contributor
runs it (a new process: imports and the syllable dictionary included), and its processor time.
Used by bench/__main__.py; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed_check(project: Path, env: dict[str, str]) -> tuple[float, float, bool]:
    """Seconds and processor seconds of one `python -m us_nordic_kb.check --quiet` in `project`, and
    whether it passed (a check that finds problems skips the link check at its end)."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "us_nordic_kb.check", "--quiet"], cwd=project, env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    return seconds, usage.ru_utime + usage.ru_stime, process.returncode == 0


def median_check(project: Path, env: dict[str, str], runs: int) -> tuple[float, float, bool]:
    """Median seconds and processor seconds of `runs` checks of `project`, and whether all passed."""
    results = [timed_check(project, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results), all(r[2] for r in results)
