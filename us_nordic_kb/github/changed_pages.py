"""List the pages whose text a pull request changes: two built sites compared page by page.

A page is its article (`article.md-content__inner`) read as text, without what changes with
every build or commit rather than with the page: the "Last updated" line, the page tools (PDF,
citations with their dates, feedback links) and the edit buttons. Prints Markdown for the job
summary ($GITHUB_STEP_SUMMARY); page titles are untrusted and escaped.

Usage: python -m us_nordic_kb.github.changed_pages BASE_SITE HEAD_SITE
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from us_nordic_kb.github.markdown_text import escape

LEFT_OUT = "aside.page-dates, aside.page-tools, a.md-content__button, a.headerlink"


@dataclass(frozen=True)
class Page:
    """A built page as the comparison sees it."""

    address: str  # from the site's root, e.g. themes/digital-literacy/
    title: str
    text: str


def pages(site: Path) -> dict[str, Page]:
    """Every page of a built site that has an article, by its address."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            continue
        for element in article.select(LEFT_OUT):
            element.decompose()
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True) if heading else soup.title.get_text(strip=True) if soup.title else ""
        address = path.relative_to(site).as_posix().removesuffix("index.html")
        found[address] = Page(address, " ".join(title.split()), " ".join(article.get_text(" ").split()))
    return found


@dataclass(frozen=True)
class Changes:
    """The pages of the head site that differ from the base site's."""

    changed: list[Page]
    added: list[Page]
    removed: list[Page]


def compare(base: Path, head: Path) -> Changes:
    """What changed between the two built sites, page by page, in address order."""
    before, after = pages(base), pages(head)
    return Changes(
        changed=[after[a] for a in sorted(before.keys() & after.keys()) if before[a].text != after[a].text],
        added=[after[a] for a in sorted(after.keys() - before.keys())],
        removed=[before[a] for a in sorted(before.keys() - after.keys())],
    )


def summary(changes: Changes) -> str:
    """The job summary: a Markdown list of the changed, added and removed pages."""
    lines = ["## Pages whose text this pull request changes", ""]
    groups = [("Changed", changes.changed), ("Added", changes.added), ("Removed", changes.removed)]
    if not any(group for _, group in groups):
        return "\n".join(lines + ["No page's text changed (dates, citations and page tools are left out).", ""])
    for heading, group in groups:
        if group:
            lines += [f"**{heading}** ({len(group)})", ""]
            lines += [f"- {escape(page.title or page.address)}: {escape('/' + page.address)}" for page in group]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the site built from the base branch")
    parser.add_argument("head", type=Path, help="the site built from the pull request")
    args = parser.parse_args(argv)
    print(summary(compare(args.base, args.head)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
