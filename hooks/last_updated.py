"""MkDocs hook: give every page the date its source last changed, from one `git log` call.

The date (a datetime.date) goes into `page.meta["last_updated"]` and is shown by
overrides/partials/source-file.html. A page with `edit_source` (generated from another file)
takes that file's date. Without git history, or for a file with no commit yet, a page shows no
date rather than a wrong one, and the build says so once.
Replaces mkdocs-git-revision-date-localized-plugin, which runs git once per page and cost
this site a fifth of its build time.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from pathlib import Path

# Not under "mkdocs": a strict build stops at MkDocs warnings, and this one must not stop it.
log = logging.getLogger("us_nordic_kb.last_updated")
_dates: dict[str, dt.date] = {}


def commit_dates(root: Path) -> dict[str, dt.date]:
    """Path (relative to `root`) -> date of the newest commit that touched it; {} outside git."""
    try:
        output = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", "."],  # noqa: S607 - git from PATH
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for block in output.split("\x00")[1:]:
        day, *files = block.strip().splitlines()
        for name in files:
            dates.setdefault(name, dt.date.fromisoformat(day))
    return dates


def on_config(config):
    global _dates
    _dates = commit_dates(Path(config.config_file_path).parent)
    if not _dates:
        log.warning("No git history here: pages show no 'last updated' date (build from a git clone to show them).")
    return config


def on_page_markdown(markdown, page, config, files):
    source = page.meta.get("edit_source") or f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    if source in _dates:
        page.meta["last_updated"] = _dates[source]
    return markdown
