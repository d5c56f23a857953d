"""MkDocs hook: give every page the date its source last changed, from one `git log` call.

The date (a datetime.date) goes into `page.meta["last_updated"]` and is shown by overrides/partials/source-file.html.
A page with `edit_source` (generated from another file) takes that file's date. Outside a git
repository, or for a file with no commit yet, the build date stands in.
Replaces mkdocs-git-revision-date-localized-plugin, which runs git once per page and cost
this site a fifth of its build time.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_dates: dict[str, dt.date] = {}


def commit_dates(root: Path) -> dict[str, dt.date]:
    """Path (relative to `root`) -> date of the newest commit that touched it; {} outside git."""
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", "."],
                             cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for block in log.split("\x00")[1:]:
        day, *files = block.strip().splitlines()
        for name in files:
            dates.setdefault(name, dt.date.fromisoformat(day))
    return dates


def on_config(config):
    global _dates
    _dates = commit_dates(Path(config.config_file_path).parent)
    return config


def on_page_markdown(markdown, page, config, files):
    source = page.meta.get("edit_source") or f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    page.meta["last_updated"] = _dates.get(source, dt.datetime.now(dt.timezone.utc).date())
    return markdown
