"""The Atom feed of the site's changes (RFC 4287): the newest commits that touched docs/, each
naming what it touched as the Changes page does. Every text is escaped for XML."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse
from xml.sax.saxutils import escape as xml_escape

from us_nordic_kb.model.history import Commit, described, touched


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
