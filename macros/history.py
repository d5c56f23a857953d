"""What changed on the site: the commits that touched docs/, from one `git log` call, for the
Changes page and the Atom feed (RFC 4287).

Outside a git repository there is no history: the page says so and the feed has no entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from xml.sax.saxutils import escape as xml_escape

from .page_dates import log

DOCS = "docs/"
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
    for head, files in log(root, "%H%x1f%cI%x1f%s", "--no-merges", "--", DOCS):  # a merge brings commits listed already
        sha, when, summary = head.split("\x1f", 2)  # the subject comes last and may hold the separator too
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


def atom_feed(
    history: list[Commit], title: str, site_url: str, feed_name: str, page_for: dict[str, tuple[str, str]], limit: int = 50
) -> str:
    """The newest `limit` changes as an Atom feed published at `site_url` + `feed_name`, each
    naming what it touched as the Changes page does (`page_for`: see `touched`)."""
    host = urlparse(site_url).hostname or "localhost"
    changes = site_url + "changes/"  # the Changes page
    updated = history[0].when.isoformat() if history else dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xml_escape(title)}: changes</title>",
        f"  <id>{xml_escape(site_url + feed_name)}</id>",
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(site_url + feed_name)}"/>',
        f'  <link rel="alternate" type="text/html" href="{xml_escape(changes)}"/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>Contributors to the {xml_escape(title)}</name></author>",
    ]
    for commit in history[:limit]:
        items = touched(commit, page_for)
        said = described([name for page, name in items if page], [name for page, name in items if not page])
        lines += [
            "  <entry>",
            f"    <title>{xml_escape(commit.summary)}</title>",
            f"    <id>tag:{host},{commit.when:%Y-%m-%d}:{commit.sha}</id>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(changes)}#change-{commit.sha[:10]}"/>',
            f"    <updated>{commit.when.isoformat()}</updated>",
            f"    <summary>{xml_escape(said)}</summary>",
            "  </entry>",
        ]
    return "\n".join(lines + ["</feed>", ""])
