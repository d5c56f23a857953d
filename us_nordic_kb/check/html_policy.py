"""What HTML a page's own text may produce: what the sanitiser that every page passes through in
the build keeps (render/sanitise.py, SECURITY.md "Threat model").

A page's Markdown becomes HTML through Python-Markdown, which passes raw HTML through and lets
`attr_list` set any attribute. The check converts the page's own text (its macro calls left out:
what they print is escaped by the macros) with the site's extensions, and asks the sanitiser
what it would remove: each element, attribute or address is reported with `file:line`, so that
a contributor sees an error rather than a silent loss. The build ships the sanitiser's output
whatever this check says; the Content-Security-Policy stays the last wall.
"""

from __future__ import annotations

from collections.abc import Callable

from us_nordic_kb.render import sanitise
from us_nordic_kb.render.sandbox import MACRO_SYNTAX


def problems(name: str, body: str, body_line: int, macros: bool, to_html: Callable[[str], str]) -> list[str]:
    """Each removal the sanitiser would make from the page's own text, as
    `name:line: what — how to fix`; `body` starts on line `body_line` of the file, its macro calls
    (if `macros`) are left out, and `to_html` converts Markdown without the sanitiser."""
    html = to_html(MACRO_SYNTAX.sub("", body) if macros else body)
    return [f"{name}:{_line(body, body_line, change.needles)}: {change.message}" for change in sanitise.changes(html)]


def _line(body: str, body_line: int, needles: tuple[str, ...]) -> int:
    """The file line of the body line that holds most of `needles` (case-insensitive; the
    earliest of equals), else the body's first line."""
    wanted = [n.lower() for n in needles if n]
    best, best_count = body_line, 0
    for number, line in enumerate(body.lower().splitlines(), start=body_line):
        count = sum(needle in line for needle in wanted)
        if count > best_count:
            best, best_count = number, count
    return best
