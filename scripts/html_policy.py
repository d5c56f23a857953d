"""What HTML a page's own text may produce: an allow-list of tags and attributes, and addresses
that stay plain links (SECURITY.md, "Threat model").

A page's Markdown becomes HTML through Python-Markdown, which passes raw HTML through and lets
`attr_list` set any attribute; so the check converts the page's own text (its macro calls left
out: what they print is escaped by the macros) with the site's extensions and walks every element
with an HTML parser. Anything not listed is refused with `file:line`: `script`, `style`, `iframe`,
`object`, `embed`, `form`, `svg`, `on*` handlers, `style` attributes, `javascript:` or `data:`
addresses, images from other hosts. The Content-Security-Policy stays the second wall.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from macros.sandbox import MACRO_SYNTAX

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
}
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "role"}
ATTRIBUTES = {
    "a": {"href", "rel", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_ATTRIBUTES = {"href", "src", "cite"}
LINK_SCHEMES = {"", "http", "https", "mailto"}
# Browsers drop these from an address before reading its scheme ("java\tscript:" is "javascript:").
IGNORED_IN_ADDRESS = re.compile(r"[\x00-\x20\x7f]")


def problems(name: str, body: str, body_line: int, macros: bool, to_html: Callable[[str], str]) -> list[str]:
    """Each element or attribute of the page's own text that the policy refuses, as
    `name:line: what — how to fix`; `body` starts on line `body_line` of the file, and its
    macro calls (if `macros`) are left out."""
    html = to_html(MACRO_SYNTAX.sub("", body) if macros else body)
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for problem, needles in _refusals(element):
            found.append(f"{name}:{_line(body, body_line, needles)}: {problem}")
    return found


def _refusals(element: Tag) -> list[tuple[str, list[str]]]:
    """(what is wrong, strings to find its line by, best first) for one element."""
    if element.name not in TAGS:
        message = f"the HTML element <{element.name}> is not allowed in a page — use Markdown; see CONTRIBUTING.md"
        return [(message, [f"<{element.name}"])]
    found = []
    allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(element.name, set())
    for attribute, value in element.attrs.items():
        text = " ".join(value) if isinstance(value, list) else str(value)
        if attribute not in allowed and not attribute.startswith("aria-"):
            found.append((f"the attribute '{attribute}' is not allowed on <{element.name}> — remove it", [attribute]))
        elif attribute in URL_ATTRIBUTES and (problem := _address_problem(element.name, attribute, text)):
            found.append((problem, [text[:40], text[:4], f"<{element.name}"]))
    return found


def _address_problem(tag: str, attribute: str, address: str) -> str | None:
    """Why an address may not stand in a page, or None."""
    parts = urlsplit(IGNORED_IN_ADDRESS.sub("", address))
    if parts.scheme.lower() not in LINK_SCHEMES:
        return f"the address '{address[:60]}' ({attribute}) uses '{parts.scheme}:' — link with http(s), mailto or a page path"
    if tag == "img" and (parts.scheme or parts.netloc):
        return f"the image '{address[:60]}' comes from another host — put the image under docs/ and link it by its path"
    return None


def _line(body: str, body_line: int, needles: list[str]) -> int:
    """The file line of the first body line holding the first of `needles` found
    (case-insensitive), else the body's first line."""
    lines = body.lower().splitlines()
    for needle in (n.lower() for n in needles if n):
        for number, line in enumerate(lines, start=body_line):
            if needle in line:
                return number
    return body_line
