"""Check the links of a built site with LinkChecker.

  python scripts/linkcheck.py internal site   every page, asset and anchor of the site itself

The site is served on 127.0.0.1 and checked over HTTP, because LinkChecker mishandles
directory URLs and anchors on file://. Same-page anchors (`href="#x"`), which LinkChecker
skips, are checked here. Exit status: 0 when nothing is broken, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import serve  # noqa: E402

CONFIG_DIR = Path(__file__).resolve().parent.parent / "linkcheck"


def run_linkchecker(url: str, config: Path, *extra: str) -> list[dict]:
    """Run LinkChecker on `url` and return its CSV rows (errors and warnings only)."""
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(config), "--output", "csv/utf-8", *extra, url],
        capture_output=True, text=True, encoding="utf-8",
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"LinkChecker failed to run (exit {result.returncode}):\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def page_of(parent_url: str, base: str) -> str:
    """The built file a parent URL stands for, e.g. 'about/index.html'."""
    path = parent_url.removeprefix(base).split("#")[0]
    return path + "index.html" if path.endswith("/") or not path else path


class _Anchors(HTMLParser):
    """Collects the ids of a page and its same-page links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.local_links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        href = attrs.get("href")
        if tag == "a" and href is not None and href.startswith("#"):
            self.local_links.append((self.getpos()[0], href[1:]))


def same_page_problems(site: Path) -> list[str]:
    """Links to '#missing' on the same page, and '#' placeholders, in every built page."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        for line, anchor in parser.local_links:
            where = f"{page.relative_to(site)}:{line}"
            if not anchor:
                problems.append(f"{where}: link to '#' goes nowhere; point it at a real anchor")
            elif anchor not in parser.ids:
                problems.append(f"{where}: link to '#{anchor}', but the page has no such anchor")
    return problems


def check_internal(site: Path) -> list[str]:
    """Every broken internal link, anchor or asset of the built `site`, as readable lines."""
    problems = same_page_problems(site)
    with serve(site) as base:
        for row in run_linkchecker(base, CONFIG_DIR / "internal.ini"):
            if row["valid"] == "True" and not row["warningstring"]:
                continue
            reason = row["warningstring"] if row["valid"] == "True" else row["result"]
            reason = reason.split(". Available anchors")[0]
            where = f"{page_of(row['parentname'], base)}:{row['line']}" if row["parentname"] else "(start page)"
            problems.append(f"{where}: link to '{row['urlname']}' is broken: {reason}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the links of a built site.")
    parser.add_argument("scope", choices=["internal"])
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: build the site first (make build)")
    problems = check_internal(args.site)
    for line in problems:
        print(line)
    print(f"Internal link check: {len(problems)} broken link(s) in {args.site}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
