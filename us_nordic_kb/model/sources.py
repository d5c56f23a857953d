"""The data files the pages are built from, loaded and checked together: the registry, the
glossary, the comparison and the roles, and which page shows each (for the Changes page)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from us_nordic_kb.model import comparison, glossary, pages, roles, source_tree
from us_nordic_kb.model.data_files import DataFileError
from us_nordic_kb.model.registry import REGISTRY_PATH, Registry, load


@dataclass(frozen=True)
class Sources:
    """The data files the pages are built from, loaded and checked."""

    docs_dir: Path
    registry: Registry
    terms: list[glossary.Term]
    abbreviations: list[tuple[str, str]]
    comparison: list[comparison.Row]
    roles: list[roles.Role]


def load_sources(docs_dir: Path, cache: Path | None = None, schema: Path | None = None) -> Sources:
    """The registry, glossary, comparison and roles of `docs_dir`; DataFileError lists the
    problems of all of them, and refuses a docs folder that holds a symbolic link. `schema` is
    the registry's JSON Schema (default: the one beside it), `cache` the folder of registries
    found valid (default: none)."""
    if links := source_tree.symbolic_links(docs_dir):
        raise DataFileError(links)
    problems, loaded = [], []
    loaders: list[tuple[Callable[..., Any], str]] = [
        (functools.partial(load, cache=cache, schema=schema), REGISTRY_PATH),
        (glossary.load, glossary.GLOSSARY_PATH),
        (roles.load_roles, roles.ROLES_PATH),
    ]
    for loader, path in loaders:
        try:
            loaded.append(loader(docs_dir / path, docs_dir=docs_dir, name=f"docs/{path}"))
        except DataFileError as error:
            problems += error.problems
    if problems:
        raise DataFileError(problems)
    registry, terms, role_list = loaded
    rows = comparison.load(
        docs_dir / comparison.COMPARISON_PATH, registry, f"docs/{comparison.COMPARISON_PATH}"
    )  # needs the registry
    return Sources(docs_dir, registry, terms, glossary.abbreviations(docs_dir), rows, role_list)


# Data files and the page that shows each.
DATA_PAGES = {
    REGISTRY_PATH: "resources/index.md",
    glossary.GLOSSARY_PATH: "glossary.md",
    comparison.COMPARISON_PATH: "compare/index.md",
    roles.ROLES_PATH: "paths/index.md",
}


def pages_of(docs_dir: Path) -> dict[str, tuple[str, str]]:
    """Each file under `docs_dir` that a page shows -> (that page, its title), for the Changes
    page and its feed: a page shows itself, a data file is shown by its page (DATA_PAGES)."""
    found = {}
    for page in sorted(docs_dir.rglob("*.md")):
        relative = page.relative_to(docs_dir).as_posix()
        if relative.startswith("includes/"):  # snippets, not pages
            continue
        found[relative] = (relative, pages.title(page.read_text(encoding="utf-8")) or relative)
    for data, shown_on in DATA_PAGES.items():
        if shown_on in found:
            found[data] = found[shown_on]
    return found
