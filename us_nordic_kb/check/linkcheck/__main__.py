"""Check the links of a built site with LinkChecker.

  python -m us_nordic_kb.check.linkcheck internal site   every page, asset and anchor of the site itself (see internal.py)
  python -m us_nordic_kb.check.linkcheck external site   every external address (see external.py)

Exit status: 0 when nothing is broken, 1 otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from us_nordic_kb.check.linkcheck import external as external_links
from us_nordic_kb.check.linkcheck.internal import check_internal
from us_nordic_kb.model import project


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the links of a built site.")
    parser.add_argument("scope", choices=["internal", "external"])
    parser.add_argument("site", type=Path)
    parser.add_argument("--report", type=Path, help="also write the external report here (Markdown)")
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), help="the project's configuration (external)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: build the site first (make build)")
    if args.scope == "external":
        raise SystemExit(external_links.main(project.load(args.config), args.site, args.report))
    problems = check_internal(args.site)
    for line in problems:
        print(line)
    print(f"Internal link check: {len(problems)} broken link(s) in {args.site}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
