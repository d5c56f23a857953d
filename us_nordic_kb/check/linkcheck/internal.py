"""The internal link check: every page, asset and anchor of a built site, served on 127.0.0.1
and checked by LinkChecker over HTTP (it mishandles directory URLs and anchors on file://);
same-page anchors (`href="#x"`), which LinkChecker skips, are checked here."""

from __future__ import annotations

from pathlib import Path

from us_nordic_kb.check.linkcheck.common import page_links, run_linkchecker
from us_nordic_kb.check.serve import serve

INTERNAL = Path(__file__).with_name("internal.ini")  # LinkChecker's settings for the site itself
# A page served besides the site whose one link points at an anchor that does not exist. If
# LinkChecker does not report it, it did not check anchors, and its silence proves nothing.
CANARY = "/__anchor-check-canary__.html"
CANARY_HTML = '<!doctype html><html lang="en"><title>canary</title><a href="./#no-such-anchor-here">x</a></html>'
NO_ANCHORS = (
    "LinkChecker checked no anchor (its AnchorCheck plugin did not run), so broken anchors would pass — "
    "the internal check cannot be trusted; run it as a user who can read the virtual environment"
)


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
    with serve(site, extra={CANARY: CANARY_HTML}) as base:
        canary_heard = False
        for row in run_linkchecker(INTERNAL, base, base + CANARY.lstrip("/")):
            if row["parentname"].endswith(CANARY):
                canary_heard |= "no-such-anchor-here" in row["warningstring"]
                continue
            if row["valid"] == "True" and not row["warningstring"]:
                continue
            reason = row["warningstring"] if row["valid"] == "True" else row["result"]
            reason = reason.split(". Available anchors")[0]
            where = f"{page_of(row['parentname'], base)}:{row['line']}" if row["parentname"] else "(start page)"
            problems.append(f"{where}: link to '{row['urlname']}' is broken: {reason}")
    if not canary_heard:
        problems.append(NO_ANCHORS)
    return problems
