"""Benchmark of `make check` on a project of any size: the seconds it takes, as a contributor
runs it (a new process: imports and the syllable dictionary included), and its processor time.
Used by scripts/bench.py; asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# What make check reads besides the project's content: its code and the citation file.
CHECK_PARTS = ["scripts", "CITATION.cff"]


def with_check(project: Path, root: Path) -> Path:
    """`project` with make check's own files copied from `root` (a scaled copy has only content)."""
    for part in CHECK_PARTS:
        if not (project / part).exists():
            source = root / part
            if source.is_dir():
                shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, project / part)
    return project


def timed_check(project: Path, env: dict[str, str]) -> tuple[float, float, bool]:
    """Seconds and processor seconds of one `python -m scripts.check --quiet` in `project`, and
    whether it passed (a check that finds problems skips the link check at its end)."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "scripts.check", "--quiet"], cwd=project, env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    return seconds, usage.ru_utime + usage.ru_stime, process.returncode == 0


def median_check(project: Path, env: dict[str, str], runs: int) -> tuple[float, float, bool]:
    """Median seconds and processor seconds of `runs` checks of `project`, and whether all passed."""
    results = [timed_check(project, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results), all(r[2] for r in results)
