"""A page of docs/: its front matter, and where it is built and published.

The one place that knows how a page file is split into front matter and body (as MkDocs does it,
with the line the body starts on, for messages) and how a page path under docs/ maps to its
built file, its address and its slug. Every module and template that needs one of these asks
here; the templates get the slug as page data (`page.meta.slug`).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

import markdown
import yaml

# MkDocs's own rule (mkdocs.utils.meta): '---' or '...' closes the block.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A page's title line, turned into HTML as MkDocs turns it (attr_list: a trailing `{ #id }` is no text).
_TITLE_MARKDOWN = markdown.Markdown(extensions=["attr_list"])


@dataclass(frozen=True)
class Source:
    """A page file split as MkDocs splits it: the front matter, the Markdown body (without the
    blank lines MkDocs strips after the front matter), the file line the body starts on, and the
    file line of each top-level front matter key."""

    meta: dict
    body: str
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = False


def split(text: str) -> Source:
    """`text` split into front matter and body; raises yaml.MarkedYAMLError on bad YAML, whose
    line counts from the block's first line (the file's second)."""
    first = body_line(text)
    body = text.split("\n", first - 1)[-1]  # what follows the line breaks before line `first`
    match = _FRONT_MATTER.match(text)
    if not match:
        return Source({}, body, first)
    block = match.group(1)
    meta = yaml.load(block, Loader=_LOADER) or {}  # noqa: S506 - a safe loader (libyaml's where there is one)
    key_lines = {}
    for number, line in enumerate(block.splitlines(), start=2):
        key = line.split(":", 1)[0]
        if isinstance(meta, dict) and key in meta and key not in key_lines:
            key_lines[key] = number
    return Source(meta if isinstance(meta, dict) else {}, body, first, key_lines, True)


def body_line(text: str) -> int:
    """The file line the body of `text` starts on, as `split` finds it, without reading the YAML."""
    match = _FRONT_MATTER.match(text)
    rest = text[match.end() :] if match else text
    return text.count("\n", 0, len(text) - len(rest.lstrip("\n"))) + 1


def title(text: str) -> str | None:
    """The title of the page whose file holds `text`: its H1 as MkDocs sees it, that is the text
    of the heading that opens the page's body (MkDocs looks no further), its Markdown rendered;
    None when the body does not open with a '# ' heading. Every title the site shows for a page
    (downloads, changes, reading paths, related blocks, cards, the map) comes from here."""
    first_line = text.split("\n", body_line(text) - 1)[-1].split("\n", 1)[0]
    if not first_line.startswith("# "):
        return None
    rendered = _TITLE_MARKDOWN.reset().convert(first_line)
    return html.unescape(re.sub(r"<[^>]*>", "", rendered)).strip() or None


def nav_pages(nav: list) -> list[str]:
    """Every Markdown path of a MkDocs nav, in reading order."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_pages(value) if isinstance(value, list) else [value]
    return found


def line_of(text: str, prefix: str, start: int = 0) -> int | None:
    """The file line (from 1) of the first line after line `start` that starts with `prefix`
    once indentation is stripped; None if there is none."""
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if line.strip().startswith(prefix):
            return number
    return None


def address(page: str, directory_urls: bool = True) -> str:
    """Where a page (a path under docs/) is published, relative to the site's root:
    'themes/a.md' -> 'themes/a/' (or 'themes/a.html'), 'resources/index.md' -> 'resources/',
    'index.md' -> '' (or 'index.html')."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def html_file(page: str, directory_urls: bool = True) -> str:
    """The file a page is built into: 'themes/a.md' -> 'themes/a/index.html' (or 'themes/a.html')."""
    built = address(page, directory_urls)
    return built + "index.html" if built.endswith("/") or not built else built


def page_of(built: str, pages: set[str] | frozenset[str]) -> str | None:
    """The page (a path under docs/) built at `built`, a file or an address relative to the site's
    root ('about/index.html', 'about/', 'about.html', ''), if it is one of `pages`."""
    stem = built.removesuffix("index.html").removesuffix(".html").strip("/")
    for page in [posixpath.join(stem, "index.md") if stem else "index.md", stem + ".md"]:
        if page in pages:
            return page
    return None


def relative_address(target: str, from_page: str, directory_urls: bool = True) -> str:
    """The address of page `target` (a path under docs/, with an optional #anchor) as seen from
    page `from_page`, for raw HTML, whose links MkDocs does not rewrite."""
    path, _, anchor = target.partition("#")
    here, there = address(from_page, directory_urls), address(path, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        relative += "/"
    return relative + (f"#{anchor}" if anchor else "")


def slug(page: str) -> str:
    """A page's id: 'themes/digital-literacy.md' -> 'themes-digital-literacy',
    'resources/index.md' -> 'resources', 'index.md' -> 'home'. Names its PDF, citation key and RIS file."""
    path = page.removesuffix(".md").removesuffix("index").strip("/")
    return path.replace("/", "-") or "home"
