"""What changed on the site: the commits that touched docs/, from one `git log` call, for the
Changes page and the Atom feed (RFC 4287). A commit says what changed for readers in its
subject, or, where the subject is written for the project, in a `Change-note:` trailer, which
then takes its place (CONTRIBUTING.md).

Outside a git repository there is no history: the page says so and the feed has no entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from us_nordic_kb.model.page_dates import log

DOCS = "docs/"
NOTE = "Change-note"  # the trailer whose text the Changes page shows instead of the commit's subject
FEED = "changes/feed.xml"  # where the build writes the Atom feed: beside the Changes page, which links it as "feed.xml"


@dataclass(frozen=True)
class Commit:
    """A change to the site: when, its summary, and the files under docs/ it touched."""

    sha: str
    when: dt.datetime
    summary: str
    files: tuple[str, ...]


def commits(root: Path) -> list[Commit]:
    """Every commit that touched docs/, newest first; [] outside git."""
    found = []
    log_format = f"%H%x1f%cI%x1f%(trailers:key={NOTE},valueonly,separator=%x20)%x1f%s"
    for head, files in log(root, log_format, "--no-merges", "--", DOCS):  # a merge brings commits listed already
        sha, when, note, subject = head.split("\x1f", 3)  # the subject comes last and may hold the separator too
        summary = note.strip() or subject
        summary = "".join(c if c.isprintable() else " " for c in summary)  # no control character reaches the feed's XML
        found.append(Commit(sha, dt.datetime.fromisoformat(when), summary, tuple(f for f in files if f.startswith(DOCS))))
    return found


def by_month(history: list[Commit]) -> list[tuple[str, list[Commit]]]:
    """Commits grouped by month ('November 2026'), newest first."""
    groups: list[tuple[str, list[Commit]]] = []
    for commit in history:
        month = f"{commit.when:%B %Y}"
        if not groups or groups[-1][0] != month:
            groups.append((month, []))
        groups[-1][1].append(commit)
    return groups


def touched(commit: Commit, page_for: dict[str, tuple[str, str]]) -> list[tuple[str | None, str]]:
    """What a change touched, once each, for the Changes page and the feed: (the page, its title)
    for a file a page shows (`page_for`, keyed by path under docs/), else (None, the file's path)."""
    found: list[tuple[str | None, str]] = []
    for file in commit.files:
        item = page_for.get(file.removeprefix(DOCS), (None, file))
        if item not in found:
            found.append(item)
    return found


def described(pages: list[str], files: list[str]) -> str:
    """'Pages: A, B. Other files: x.css.': what a change touched, as the Changes page and the feed say it."""
    said = ([f"Pages: {', '.join(pages)}."] if pages else []) + ([f"Other files: {', '.join(files)}."] if files else [])
    return " ".join(said)
