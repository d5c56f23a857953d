"""Check the links of a built site with LinkChecker.

  python scripts/linkcheck.py internal site   every page, asset and anchor of the site itself
  python scripts/linkcheck.py external site   every external address (see scripts/external_links.py)

The site is served on 127.0.0.1 and checked over HTTP, because LinkChecker mishandles
directory URLs and anchors on file://. Same-page anchors (`href="#x"`), which LinkChecker
skips, are checked here. Exit status: 0 when nothing is broken, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import external_links  # noqa: E402
from links import page_links, run_linkchecker  # noqa: E402
from serve import serve  # noqa: E402

CONFIG_DIR = Path(__file__).resolve().parent.parent / "linkcheck"


def page_of(parent_url: str, base: str) -> str:
    """The built file a parent URL stands for, e.g. 'about/index.html'."""
    path = parent_url.removeprefix(base).split("#")[0]
    return path + "index.html" if path.endswith("/") or not path else path


def same_page_problems(site: Path) -> list[str]:
    """Links to '#missing' on the same page, and '#' placeholders, in every built page."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        links = page_links(page)
        for line, href in links.links:
            if not href.startswith("#"):
                continue
            where = f"{page.relative_to(site)}:{line}"
            if href == "#":
                problems.append(f"{where}: link to '#' goes nowhere; point it at a real anchor")
            elif href[1:] not in links.ids:
                problems.append(f"{where}: link to '{href}', but the page has no such anchor")
    return problems


def check_internal(site: Path) -> list[str]:
    """Every broken internal link, anchor or asset of the built `site`, as readable lines."""
    problems = same_page_problems(site)
    with serve(site) as base:
        for row in run_linkchecker(CONFIG_DIR / "internal.ini", base):
            if row["valid"] == "True" and not row["warningstring"]:
                continue
            reason = row["warningstring"] if row["valid"] == "True" else row["result"]
            reason = reason.split(". Available anchors")[0]
            where = f"{page_of(row['parentname'], base)}:{row['line']}" if row["parentname"] else "(start page)"
            problems.append(f"{where}: link to '{row['urlname']}' is broken: {reason}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the links of a built site.")
    parser.add_argument("scope", choices=["internal", "external"])
    parser.add_argument("site", type=Path)
    parser.add_argument("--report", type=Path, help="also write the external report here (Markdown)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: build the site first (make build)")
    if args.scope == "external":
        raise SystemExit(external_links.main(args.site, args.report))
    problems = check_internal(args.site)
    for line in problems:
        print(line)
    print(f"Internal link check: {len(problems)} broken link(s) in {args.site}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
