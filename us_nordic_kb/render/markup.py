"""The Markdown our macros write around data: data escaped so that nothing of it is read as
syntax, links between pages checked to be page paths, and the small pieces every table and list
uses. Internal links are relative links to `.md` files, so MkDocs resolves and validates them.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re

from us_nordic_kb.model.pages import TARGET

CHANGELOG = "changelog"  # the class of the Changes page's log
SINCE_WORKSHOP = "since-workshop"  # the class of the note on what changed since the workshop (small print, not prose)

# Markdown's and HTML's syntax is made of these: every ASCII character but letters, digits and space.
_SYNTAX = re.compile(r"[!-/:-@\[-`{-~]")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n][\s]*")


def escape(text: object) -> str:
    """Data text made inert where generated Markdown puts it, as text or as an attribute's value
    (an address included): line breaks become spaces, and each ASCII punctuation character a
    numeric character reference (`&#91;` for `[`), which Markdown passes through as it is and the
    sanitiser turns back into the character. No syntax can be formed from what is left."""
    flat = _LINE_BREAKS.sub(" ", str(text)).strip(" \t")
    return _SYNTAX.sub(lambda match: f"&#{ord(match[0])};", flat)


def link(text: str, target: str, from_page: str, markup: str | None = None) -> str:
    """A Markdown link from the page `from_page` to `target` (both paths under docs/), with
    `text` escaped, or with `markup` that is already safe. A target that is not a plain page path
    (TARGET) is refused: it is written into the Markdown as it is."""
    if not TARGET.fullmatch(target):
        raise ValueError(f"not a page path of the site: {target[:80]!r} — expected e.g. themes/digital-literacy.md#section")
    path, _, anchor = target.partition("#")
    relative = _relative(path, posixpath.dirname(from_page) or ".")
    return f"[{markup if markup is not None else escape(text)}]({relative}{'#' + anchor if anchor else ''})"


@functools.lru_cache(maxsize=4096)
def _relative(path: str, folder: str) -> str:
    """`path` relative to `folder` (a page links the same few pages many times over)."""
    return posixpath.relpath(path, folder)


def cell_label(column: str) -> str:
    """A table cell's column heading, for the start of the cell: shown only where the table is
    laid out one row per block (a phone; `stacked-table` in extra.css), where no heading is above it."""
    return f'<span class="cell-label">{escape(column)}: </span>'


def title_link(text: str, target: str, from_page: str) -> str:
    """A link whose text is the title of the page or section it leads to, marked as such: like a
    heading, a title is not prose, and `make check` leaves it out of a sentence's length."""
    return link(text, target, from_page) + "{ .title-link }"


def format_date(date: str) -> str:
    """'2024-06-17' -> '17 June 2024', '2024-06' -> 'June 2024', '2023' -> '2023'."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return date
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return f"{day.day} {day:%B %Y}" if len(parts) == 3 else f"{day:%B %Y}"
