"""Check every macro call of a page before it is rendered: an unknown macro or name, wrong
arguments, an id the registry does not have, a kind or role that does not exist, template
syntax errors, and anything in the template beyond calls of the site's macros with plain values
(attributes, filters, statements, includes, raw blocks), each reported as
`docs/page.md:line: what is wrong — how to fix it`.

Used by `make check` for every page and by the build before it renders a page, so that a
contributor sees the same message, with the line of the page file, in both.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

import jinja2
from jinja2 import nodes

from us_nordic_kb.model.data_files import TEMPLATE_SYNTAX
from us_nordic_kb.model.labels import TOPIC_LABELS
from us_nordic_kb.model.registry import REGISTRY_PATH, Registry
from us_nordic_kb.render import sandbox
from us_nordic_kb.render.sandbox import PLAIN_VALUES


def problems(
    body: str, first_line: int, page: str, macros: dict[str, Callable[..., str]], registry: Registry, roles: set[str]
) -> list[str]:
    """The problems of the macro calls in `body`, the text of docs/`page` from line `first_line` on."""
    where = f"docs/{page}"
    try:
        tree = sandbox.parse(body)
    except jinja2.TemplateSyntaxError as error:
        return [
            f"{where}:{first_line + error.lineno - 1}: macro syntax: {error.message} — "
            "close every '{{' with '}}'; on a page with macros write a heading id as '{ #id }'"
        ]
    found = []
    for node, problem in _unsafe_nodes(tree, macros):
        found.append(f"{where}:{first_line + node.lineno - 1}: {problem}")
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in macros:
            found += _call_problems(call, call.node.name, f"{where}:{first_line + call.lineno - 1}", macros, registry, roles)
    return found


ALLOWED = "a page may only call the site's macros with plain values, e.g. {{ ref('anchor-model') }}, or write {{ site_url }}"


def _unsafe_nodes(tree: nodes.Template, macros: dict[str, Callable[..., str]]) -> list[tuple[nodes.Node, str]]:
    """Every part of the template that is not text, a call of a macro with constant arguments,
    or a plain value: what the sandbox (sandbox.py) would otherwise be the only wall against."""
    found: list[tuple[nodes.Node, str]] = []
    for output in tree.body:
        if not isinstance(output, nodes.Output):
            found.append((output, f"'{type(output).__name__.lower()}' statements are not allowed — {ALLOWED}"))
            continue
        for item in output.nodes:
            if isinstance(item, nodes.TemplateData):
                if any(mark in item.data for mark in TEMPLATE_SYNTAX):
                    found.append((item, f"template syntax inside a raw block is not allowed — {ALLOWED}"))
            elif isinstance(item, nodes.Name):
                if item.name not in PLAIN_VALUES:
                    found.append((item, f"unknown name '{item.name}' — use one of the macros: {', '.join(sorted(macros))}"))
            elif not isinstance(item, nodes.Call) or not isinstance(item.node, nodes.Name):
                found.append((item, f"only the site's macros can be called — {ALLOWED}"))
            elif item.node.name not in macros:
                found.append((item, f"unknown macro '{item.node.name}' — use one of: {', '.join(sorted(macros))}"))
            elif (
                item.dyn_args
                or item.dyn_kwargs
                or not all(isinstance(arg, nodes.Const) for arg in [*item.args, *(kw.value for kw in item.kwargs)])
            ):
                found.append((item, f"{item.node.name}() takes plain values only (quoted text, numbers) — {ALLOWED}"))
    return found


@functools.lru_cache(maxsize=64)
def _signature(macro: Callable[..., str]) -> inspect.Signature:
    return inspect.signature(macro)


def _call_problems(
    call: nodes.Call, name: str, where: str, macros: dict[str, Callable[..., str]], registry: Registry, roles: set[str]
) -> list[str]:
    args = [arg.value if isinstance(arg, nodes.Const) else None for arg in call.args]
    kwargs = {kw.key: kw.value.value if isinstance(kw.value, nodes.Const) else None for kw in call.kwargs}
    try:
        _signature(macros[name]).bind(*args, **kwargs)
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
