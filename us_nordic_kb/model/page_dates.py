"""When each page last changed, from one `git log` call: the date of the newest commit that
touched the page's source (or, for a page with `edit_source`, the file it is built from), or
any other file whose text the page shows (its macros' `uses`: the registry's summaries, another
page's title; ALL for the Changes page, which shows every change).

Plain Python, used by both engines' adapters (engines/mkdocs_hooks.py for MkDocs, zensical.py for
Zensical). The date goes into the page's metadata as `last_updated`, an ISO date string that
the templates format; without git history a page gets no date rather than a wrong one.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def log(root: Path, head_format: str, *options: str) -> list[tuple[str, list[str]]]:
    """One `git log` call in `root`, newest commit first: each commit's line in `head_format`
    and the files it touched (options choose which); [] outside git. Shared with history.py."""
    try:
        output = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            ["git", "log", f"--format=%x00{head_format}", "--name-only", "--no-renames", *options],  # noqa: S607 - git from PATH
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    commits = []
    for block in output.split("\x00")[1:]:
        head, *files = block.strip("\n").split("\n")  # only a line break ends a line (a subject may hold \x1e or \u2028)
        commits.append((head, files))
    return commits


def commit_dates(root: Path) -> dict[str, str]:
    """Path (relative to `root`) -> ISO date of the newest commit that touched it; {} outside git."""
    dates: dict[str, str] = {}
    for day, files in log(root, "%cs", "--relative", "--", "."):
        for name in files:
            dates.setdefault(name, day)
    return dates


ALL = "*"  # every file under docs/


def last_updated(dates: dict[str, str], docs_folder: str, src_uri: str, meta: dict) -> str | None:
    """The date the page last changed as its readers see it: the newest of its source's and of the
    files it shows (`meta["uses"]`, paths under docs/); None where git knows none of them."""
    uses = meta.get("uses") or []
    files = [meta.get("edit_source") or f"{docs_folder}/{src_uri}", *(f"{docs_folder}/{u}" for u in uses if u != ALL)]
    found = [dates[f] for f in files if f in dates]
    if ALL in uses:
        found += [day for name, day in dates.items() if name.startswith(f"{docs_folder}/")]
    return max(found, default=None)
