"""Check every macro call of a page before it is rendered: an unknown macro or name, wrong
arguments, an id the registry does not have, a kind or role that does not exist, and template
syntax errors, each reported as `docs/page.md:line: what is wrong — how to fix it`.

Used by `make check` for every page and by the build before it renders a page, so that a
contributor sees the same message, with the line of the page file, in both.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import jinja2
from jinja2 import nodes

from .registry import REGISTRY_PATH, Registry
from .render import TOPIC_LABELS

VARIABLES = {"config"}  # names a page may use that are not macros


def body_start(text: str) -> int:
    """The line of a page file on which the Markdown that MkDocs renders starts: after the
    front matter and the blank lines that MkDocs strips after it."""
    start = text.index("\n---\n", 3) + 5 if text.startswith("---\n") and "\n---\n" in text[3:] else 0
    body = text[start:]
    return text[:start].count("\n") + (len(body) - len(body.lstrip("\n"))) + 1


def problems(
    body: str, first_line: int, page: str, macros: dict[str, Callable[..., str]], registry: Registry, roles: set[str]
) -> list[str]:
    """The problems of the macro calls in `body`, the text of docs/`page` from line `first_line` on."""
    where = f"docs/{page}"
    try:
        tree = jinja2.Environment(autoescape=False).parse(body)  # noqa: S701 - parses Markdown, renders nothing
    except jinja2.TemplateSyntaxError as error:
        return [
            f"{where}:{first_line + error.lineno - 1}: macro syntax: {error.message} — "
            "close every '{{' with '}}'; on a page with macros write a heading id as '{ #id }'"
        ]
    found = []
    called = set()
    for call in tree.find_all(nodes.Call):
        line = first_line + call.lineno - 1
        if not isinstance(call.node, nodes.Name):
            found.append(f"{where}:{line}: only the site's macros can be called — see CONTRIBUTING.md")
            continue
        called.add(id(call.node))
        found += _call_problems(call, call.node.name, f"{where}:{line}", macros, registry, roles)
    for name in tree.find_all(nodes.Name):
        if id(name) not in called and name.ctx == "load" and name.name not in VARIABLES and name.name not in macros:
            found.append(
                f"{where}:{first_line + name.lineno - 1}: unknown name '{name.name}' — "
                f"use one of the macros: {', '.join(sorted(macros))}"
            )
    return found


def _call_problems(
    call: nodes.Call, name: str, where: str, macros: dict[str, Callable[..., str]], registry: Registry, roles: set[str]
) -> list[str]:
    if name not in macros:
        return [f"{where}: unknown macro '{name}' — use one of: {', '.join(sorted(macros))}"]
    args = [arg.value if isinstance(arg, nodes.Const) else None for arg in call.args]
    kwargs = {kw.key: kw.value.value if isinstance(kw.value, nodes.Const) else None for kw in call.kwargs}
    try:
        inspect.signature(macros[name]).bind(*args, **kwargs)
    except TypeError as error:
        return [f"{where}: {name}() {error} — see how the pages call it in CONTRIBUTING.md"]
    first = args[0] if args else None
    if name == "ref" and first is not None and first not in registry.entries and first not in registry.topics:
        return [
            f"{where}: ref('{first}') names no entry or topic of docs/{REGISTRY_PATH} — "
            "use an existing id (see the resource index) or add the entry first"
        ]
    if name == "topic_cards" and first not in TOPIC_LABELS:
        return [f"{where}: topic_cards('{first}') — expected 'theme' or 'next-step'"]
    if name.startswith("reading_path") and name != "reading_path_list" and first not in roles:
        return [f"{where}: {name}('{first}') names no role — expected one of: {', '.join(sorted(roles))} (docs/roles.yml)"]
    return []
