"""The macros that pages call, bound to the registry and the page being rendered.

Plain Python with no MkDocs import: the mkdocs-macros adapter registers them for the build, and
`make check` uses the very same functions to render pages without a build. Each error names the
page and says what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import glossary, render
from .downloads import downloads_table
from .registry import REGISTRY_PATH, Registry, RegistryError, load


@dataclass(frozen=True)
class Sources:
    """The data files the pages are built from, loaded and checked."""

    registry: Registry
    terms: list[glossary.Term]
    abbreviations: list[tuple[str, str]]


def load_sources(docs_dir: Path) -> Sources:
    """The registry and the glossary of `docs_dir`; RegistryError lists the problems of both."""
    problems, loaded = [], []
    for loader, path in [(load, REGISTRY_PATH), (glossary.load, glossary.GLOSSARY_PATH)]:
        try:
            loaded.append(loader(docs_dir / path, docs_dir=docs_dir, name=f"docs/{path}"))
        except RegistryError as error:
            problems += error.problems
    if problems:
        raise RegistryError(problems)
    registry, terms = loaded
    return Sources(registry, terms, glossary.abbreviations(docs_dir))


def page_macros(sources: Sources, conf: dict, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """Name -> macro for a build whose configuration is `conf`; `current_page()` gives the path
    under docs/ of the page being rendered."""
    registry = sources.registry
    mentioned: dict[str, set[str]] = {}  # page -> entries already named on it

    def resource_index() -> str:
        """Every registry entry, grouped by kind."""
        return render.resource_index(registry, current_page())

    def related() -> str:
        """The related block of the current theme or next-step page."""
        topic = registry.topic_for_page(current_page())
        if topic is None:
            raise ValueError(f"docs/{current_page()}: related() is only for theme and next-step pages listed under 'topics' in docs/{REGISTRY_PATH}")
        return render.related_block(registry, topic, current_page())

    def topic_cards(kind: str) -> str:
        """Cards linking every theme ('theme') or next step ('next-step')."""
        if kind not in render.TOPIC_LABELS:
            raise ValueError(f"docs/{current_page()}: topic_cards('{kind}'): expected 'theme' or 'next-step'")
        return render.topic_cards(registry, kind, current_page())

    def ref(item_id: str, text: str | None = None) -> str:
        """A link to a registry entry (on the resource index) or a topic page, by id. An entry's
        first mention on a page says what has changed since the workshop."""
        page = current_page()
        seen = mentioned.setdefault(page, set())
        first = item_id in registry.entries and item_id not in seen
        seen.add(item_id)
        try:
            return render.reference(registry, item_id, page, text, first_mention=first)
        except KeyError:
            raise ValueError(
                f"docs/{page}: ref('{item_id}') names no entry or topic of docs/{REGISTRY_PATH} — "
                "use an existing id (see the resource index) or add the entry first"
            ) from None

    def downloads() -> str:
        """The PDF and offline bundle with size and date (links to the published site offline)."""
        extra = conf["extra"]
        directory = None if extra.get("offline_copy") else extra.get("downloads_dir") or None
        return downloads_table(directory, conf["site_url"] + "downloads/")

    def glossary_terms() -> str:
        """Every glossary term and abbreviation (the glossary page)."""
        return glossary.render(sources.terms, sources.abbreviations, current_page())

    return {f.__name__: f for f in (resource_index, related, topic_cards, ref, downloads, glossary_terms)}
