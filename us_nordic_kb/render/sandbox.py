"""Render a page's macros in a sandbox that reaches nothing but the site's macros.

A page with `render_macros: true` is a Jinja template written by a contributor, so it is
untrusted: it is rendered here, in Jinja's immutable sandbox (no attribute starting with `_`, no
changes to objects), with no loader (so no `include`, `import` or `extends` can read a file),
and with nothing in its namespace but the site's macros and plain string values. macro_calls.py
refuses, with file and line, every template that is more than calls of those macros with plain
values; this module is the second wall behind it.

Both engines and `make check` render through `render`, so what runs at build time is exactly
what the check ran. mkdocs-macros is then told to leave the page; Zensical's own macro pass sees
text without template syntax (`guard`), which it passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from us_nordic_kb.model.data_files import TEMPLATE_SYNTAX
from us_nordic_kb.model.project import Project

# Plain values a page may use besides the macros, taken from the site's configuration.
PLAIN_VALUES = ("site_url",)  # attributes of the project (model/project.py)
# A macro call or statement as written in a page's text.
MACRO_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_parsed: dict[str, nodes.Template] = {}  # the last page parsed for the check, until it is rendered


class TemplateLeft(Exception):
    """A rendered page still holds template syntax (from a `raw` block or from data)."""


def namespace(macros: Mapping[str, Callable[..., str]], project: Project) -> dict[str, object]:
    """What a page's template can see: the macros, and the plain values as strings."""
    return {**macros, **{name: str(getattr(project, name) or "") for name in PLAIN_VALUES}}


def parse(body: str) -> nodes.Template:
    """The template's syntax tree, for macro_calls.py to check; kept until `render` compiles the
    same text, so that a page is parsed once (the tree serves one check and one rendering)."""
    _parsed.clear()
    _parsed[body] = jinja2.Environment(autoescape=False).parse(body)  # noqa: S701 - parses Markdown, renders nothing
    return _parsed[body]


def render(body: str, macros: Mapping[str, Callable[..., str]], project: Project) -> str:
    """`body` with its macro calls expanded, in the sandbox; raises TemplateLeft if the result
    still holds template syntax that the engine would run next."""
    environment = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)  # noqa: S701 - renders Markdown; every data text is escaped by render.escape
    # The sandbox compiles the tree the check read (compiling may reshape it: it is used once).
    source: str | nodes.Template = _parsed.pop(body, body)
    result = environment.from_string(source).render(namespace(macros, project))
    guard(result)
    return result


def guard(text: str) -> None:
    """Raise TemplateLeft, naming the line, if `text` holds template syntax."""
    if not any(mark in text for mark in TEMPLATE_SYNTAX):  # the usual case, without splitting the text into lines
        return
    for number, line in enumerate(text.splitlines(), start=1):
        found = next((mark for mark in TEMPLATE_SYNTAX if mark in line), None)
        if found:
            raise TemplateLeft(
                f"line {number} of the rendered page holds '{found}' — template syntax may not come out of a macro, "
                "a raw block or a data file; remove it"
            )
