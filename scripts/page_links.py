"""What MkDocs's strict build refuses about links, found before any build: a link to a page or
file that does not exist, to an anchor the target page does not have, an image that is not
there, an absolute link, a page missing from the navigation and a navigation entry with no page.

Works on the pages as `make check` renders them (scripts/page_text.py): every element id of a
rendered page is an anchor, as MkDocs counts them.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from macros import pages


def problems(docs: Path, rendered: dict[str, str], nav: list[str], where, generated: set[str]) -> list[str]:
    """Each broken link, image and navigation entry of the `rendered` pages (path under docs/ ->
    HTML), as `file:line: what — how to fix`; `where(page, needle)` says on which line of a
    page's source `needle` was written; `generated` are the files the build adds to the site."""
    read = {page: _Links(html) for page, html in rendered.items()}
    anchors = {page: links.ids for page, links in read.items()}
    found = []
    for page, links in read.items():
        for tag, address in links.addresses:
            if problem := _link_problem(docs, page, address, anchors, tag, generated):
                found.append(f"{where(page, address)}: {problem}")
    for page in sorted(set(rendered) - set(nav)):
        found.append(f"docs/{page}:1: the page is not in the navigation — add it to 'nav' in mkdocs.yml")
    for page in [p for p in nav if p not in rendered]:
        found.append(f"mkdocs.yml:1: the navigation names docs/{page}, which does not exist — fix the path or add the page")
    return found


class _Links(HTMLParser):
    """A page's element ids, and its links and images as (tag, address) in page order: `a` by
    its href, then `img` by its src, as the strict build checks them. One pass, no tree."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self._found: dict[str, list[str]] = {"a": [], "img": []}
        self.feed(html)
        self.close()
        self.addresses = [("a", a) for a in self._found["a"]] + [("img", a) for a in self._found["img"]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id") is not None:
            self.ids.add(str(values["id"]))
        wanted = {"a": "href", "img": "src"}.get(tag)
        if wanted and values.get(wanted) is not None:
            self._found[tag].append(str(values[wanted]))

    handle_startendtag = handle_starttag


def _link_problem(docs: Path, page: str, address: str, anchors: dict[str, set[str]], tag: str, generated: set[str]) -> str | None:
    """Why the link `address` on `page` would fail the strict build, or None."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None  # an external address: make linkcheck-external checks those
    if parts.path.startswith("/"):
        return f"the link '{address}' is absolute — link to the page's file relative to this page, e.g. ../about.md"
    path = unquote(parts.path)
    if path.endswith("/"):  # a built address (raw HTML such as the map's SVG), relative to the page's own address
        built = posixpath.normpath(posixpath.join(pages.address(page), path))
        target = pages.page_of(built, set(anchors)) or built
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if target.startswith("../") or target == "..":
        return f"the link '{address}' leaves docs/ — link to a page or file under docs/"
    if parts.path and target not in anchors and target not in generated and not (docs / target).is_file():
        kind = "image" if tag == "img" else "page or file"
        return f"the {kind} '{address}' does not exist (docs/{target}) — fix the path"
    if parts.fragment and target in anchors and unquote(parts.fragment) not in anchors[target]:
        return f"the anchor '#{parts.fragment}' is not on docs/{target} — use the id of one of its headings"
    return None
