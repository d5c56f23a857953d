"""What the link checks share: running LinkChecker, and reading the links of built pages."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

LINKCHECKER = "us_nordic_kb.check.linkcheck.run"  # the module that runs LinkChecker


def run_linkchecker(config: Path, *args: str, stdin: str | None = None) -> list[dict]:
    """Run LinkChecker (as the calling user: see run.py) with `config` and return its CSV rows as dicts."""
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", LINKCHECKER, "--config", str(config), "--output", "csv/utf-8", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"LinkChecker failed to run (exit {result.returncode}):\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


class PageLinks(HTMLParser):
    """The ids of one page and the href of each of its links, with line numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append((self.getpos()[0], attrs["href"]))


def page_links(page: Path) -> PageLinks:
    """Parse one built HTML page."""
    parser = PageLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser
