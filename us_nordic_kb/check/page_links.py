"""What MkDocs's strict build refuses about links, found before any build: a link to a page or
file that does not exist, to an anchor the target page does not have, an image that is not
there, an absolute link, a page missing from the navigation and a navigation entry with no page.

Works on the pages as `make check` renders and parses them (check/rendered.py): every element
id of a rendered page is an anchor, as MkDocs counts them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from us_nordic_kb.model import pages


def problems(docs: Path, rendered: dict[str, Links], nav: list[str], where, generated: set[str]) -> list[str]:
    """Each broken link, image and navigation entry of the `rendered` pages (path under docs/ ->
    its `links_of`), as `file:line: what — how to fix`; `where(page, needle)` says on which line
    of a page's source `needle` was written; `generated` are the files the build adds to the site."""
    anchors = {page: links.ids for page, links in rendered.items()}
    known = frozenset(anchors)  # once: a set made for each link would grow with the square of the site
    found = []
    for page, links in rendered.items():
        for tag, address in links.addresses:
            if problem := _link_problem(docs, page, address, anchors, known, tag, generated):
                found.append(f"{where(page, address)}: {problem}")
    for page in sorted(set(rendered) - set(nav)):
        found.append(f"docs/{page}:1: the page is not in the navigation — add it to 'nav' in mkdocs.yml")
    for page in [p for p in nav if p not in rendered]:
        found.append(f"mkdocs.yml:1: the navigation names docs/{page}, which does not exist — fix the path or add the page")
    return found


@dataclass(frozen=True)
class Links:
    """A page's element ids, and its links and images as (tag, address) in page order: `a` by
    its href, then `img` by its src, as the strict build checks them."""

    ids: set[str]
    addresses: list[tuple[str, str]]


def links_of(tree: BeautifulSoup) -> Links:
    """The ids, links and images of a page, read from the tree the page checks parsed (one walk,
    no second parse)."""
    ids: set[str] = set()
    found: dict[str, list[str]] = {"a": [], "img": []}
    for tag in tree.find_all(True):
        if (value := tag.get("id")) is not None:
            ids.add(str(value))
        wanted = {"a": "href", "img": "src"}.get(tag.name)
        if wanted and (address := tag.get(wanted)) is not None:
            found[tag.name].append(str(address))
    return Links(ids, [("a", a) for a in found["a"]] + [("img", a) for a in found["img"]])


def _link_problem(
    docs: Path, page: str, address: str, anchors: dict[str, set[str]], known: frozenset[str], tag: str, generated: set[str]
) -> str | None:
    """Why the link `address` on `page` would fail the strict build, or None; `known` are the
    pages of `anchors`."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None  # an external address: make linkcheck-external checks those
    if parts.path.startswith("/"):
        return f"the link '{address}' is absolute — link to the page's file relative to this page, e.g. ../about.md"
    path = unquote(parts.path)
    if path.endswith("/"):  # a built address (raw HTML such as the map's SVG), relative to the page's own address
        built = posixpath.normpath(posixpath.join(pages.address(page), path))
        target = pages.page_of(built, known) or built
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
