"""The macros that pages call, bound to the registry and the page being rendered.

Plain Python with no MkDocs import: the mkdocs-macros adapter registers them for the build, and
`make check` uses the very same functions to render pages without a build. Each error names the
page and says what to do.
"""

from __future__ import annotations

import copy
import functools
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import (
    comparison,
    exports,
    finder,
    glossary,
    history,
    page_dates,
    pages,
    practices,
    reading_paths,
    relation_map,
    render,
    sanitise,
    source_tree,
)
from .data_files import RegistryError
from .downloads import downloads_table
from .registry import REGISTRY_PATH, SCHEMA_NAME, Registry, load


@dataclass(frozen=True)
class Sources:
    """The data files the pages are built from, loaded and checked."""

    docs_dir: Path
    registry: Registry
    terms: list[glossary.Term]
    abbreviations: list[tuple[str, str]]
    comparison: list[comparison.Row]
    roles: list[reading_paths.Role]


def load_sources(docs_dir: Path, cache: Path | None = None, schema: Path | None = None) -> Sources:
    """The registry, glossary, comparison and roles of `docs_dir`; RegistryError lists the
    problems of all of them, and refuses a docs folder that holds a symbolic link. `schema` is
    the registry's JSON Schema (default: the one beside it), `cache` the folder of registries
    found valid (default: none)."""
    if links := source_tree.symbolic_links(docs_dir):
        raise RegistryError(links)
    problems, loaded = [], []
    loaders: list[tuple[Callable[..., Any], str]] = [
        (functools.partial(load, cache=cache, schema=schema), REGISTRY_PATH),
        (glossary.load, glossary.GLOSSARY_PATH),
        (reading_paths.load_roles, reading_paths.ROLES_PATH),
    ]
    for loader, path in loaders:
        try:
            loaded.append(loader(docs_dir / path, docs_dir=docs_dir, name=f"docs/{path}"))
        except RegistryError as error:
            problems += error.problems
    if problems:
        raise RegistryError(problems)
    registry, terms, roles = loaded
    rows = comparison.load(
        docs_dir / comparison.COMPARISON_PATH, registry, f"docs/{comparison.COMPARISON_PATH}"
    )  # needs the registry
    return Sources(docs_dir, registry, terms, glossary.abbreviations(docs_dir), rows, roles)


# Data files and the page that shows each.
DATA_PAGES = {
    REGISTRY_PATH: "resources/index.md",
    glossary.GLOSSARY_PATH: "glossary.md",
    comparison.COMPARISON_PATH: "compare/index.md",
    reading_paths.ROLES_PATH: "paths/index.md",
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


# What a page's template may need from its macros, set in its metadata for every page (so that
# no front matter can set it): the scripts to load (paths under docs/), and the page's structured
# data besides the article (the resource index's ItemList). Our templates write both.
# `uses`: the files under docs/ whose changes the page shows besides its own (page_dates.py dates
# the page by the newest of them).
NO_PAGE_DATA: dict = {"scripts": [], "item_list": None, "uses": []}
# What each macro shows besides the page it is on: data files (paths under docs/), the topic pages
# (TOPICS: their titles and front matter, which the registry reads), or the whole of docs/ (ALL).
TOPICS, ALL = "topic pages", page_dates.ALL
USES = {
    "resource_index": (REGISTRY_PATH, TOPICS),
    "related": (REGISTRY_PATH, TOPICS),
    "topic_cards": (REGISTRY_PATH, TOPICS),
    "ref": (REGISTRY_PATH, TOPICS),
    "downloads": (TOPICS, "resources/index.md"),
    "registry_columns": (f"resources/{SCHEMA_NAME}",),
    "glossary_terms": (glossary.GLOSSARY_PATH, glossary.ABBREVIATIONS.as_posix()),
    "practice_table": (REGISTRY_PATH, TOPICS),
    "changes": (ALL,),
    "comparison_table": (comparison.COMPARISON_PATH, REGISTRY_PATH, TOPICS),
    "reading_path": (reading_paths.ROLES_PATH, REGISTRY_PATH, TOPICS),
    "reading_path_lead": (reading_paths.ROLES_PATH, TOPICS),
    "reading_path_list": (reading_paths.ROLES_PATH,),
    "relationship_map": (REGISTRY_PATH, TOPICS),
    "relationship_list": (REGISTRY_PATH, TOPICS),
}

# The macros a page may call, by name: the methods of PageMacros of the same name.
MACROS = (
    "resource_index",
    "related",
    "topic_cards",
    "ref",
    "downloads",
    "registry_columns",
    "glossary_terms",
    "practice_table",
    "changes",
    "comparison_table",
    "reading_path",
    "reading_path_lead",
    "reading_path_list",
    "relationship_map",
    "relationship_list",
)


def page_macros(sources: Sources, conf: dict, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """Name -> macro for a build whose configuration is `conf`; `current_page()` gives the path
    under docs/ of the page being rendered."""
    return PageMacros(sources, conf, current_page).by_name()


class PageMacros:
    """The pages' macros, bound to one build's data and configuration and to the page being rendered."""

    def __init__(self, sources: Sources, conf: dict, current_page: Callable[[], str]):
        self.sources = sources
        self.registry = sources.registry
        self.conf = conf
        self.page = current_page
        self.mentioned: dict[str, set[str]] = {}  # page -> entries already named on it
        self.roles = {r.id: r for r in sources.roles}
        self.data: dict[str, dict] = {}  # page -> what its template needs besides its text (page_data)

    def by_name(self) -> dict[str, Callable[..., str]]:
        """The macros a page may call, by name; each notes, on the page it is called on, what it shows (USES)."""
        return {name: self._noting_uses(name) for name in MACROS}

    def _noting_uses(self, name: str) -> Callable[..., str]:
        macro = getattr(self, name)

        @functools.wraps(macro)
        def call(*args: Any, **kwargs: Any) -> str:
            self.data.setdefault(self.page(), {}).setdefault("uses", set()).update(self._files(USES[name]))
            return macro(*args, **kwargs)

        return call

    def _files(self, uses: tuple[str, ...]) -> set[str]:
        """USES' names as files under docs/ (or ALL)."""
        return {p for use in uses for p in ([t.page for t in self.registry.topics.values()] if use == TOPICS else [use])}

    def page_data(self, page: str) -> dict:
        """What the template of `page` needs from its macros, for its metadata (NO_PAGE_DATA's keys).
        A topic page's frame shows the registry's facts of the workshop too (topic_page.py)."""
        data = {**copy.deepcopy(NO_PAGE_DATA), **self.data.get(page, {})}
        framed = self._files((REGISTRY_PATH,)) if self.registry.topic_for_page(page) else set()
        data["uses"] = sorted(set(data["uses"]) | framed)
        return data

    def _needs(self, page: str, **data: object) -> None:
        self.data.setdefault(page, {}).update(data)

    def resource_index(self) -> str:
        """The finder's form, then every registry entry, grouped by kind; the page loads the
        finder's script and carries the index as structured data."""
        registry, page = self.registry, self.page()
        address = self.conf["site_url"] + pages.address(page)
        script = posixpath.join(posixpath.dirname(page), finder.SCRIPT)
        self._needs(page, scripts=[script], item_list=exports.item_list(registry, address))
        return (
            sanitise.hold(finder.form(registry))
            + "\n\n"
            + render.resource_index(registry, page, lambda entry: finder.data_attributes(registry, entry))
        )

    def related(self) -> str:
        """The related block of the current theme or next-step page."""
        topic = self.registry.topic_for_page(self.page())
        if topic is None:
            raise ValueError(
                f"docs/{self.page()}: related() is only for theme and next-step pages listed under 'topics' in "
                f"docs/{REGISTRY_PATH}"
            )
        return render.related_block(self.registry, topic, self.page())

    def topic_cards(self, kind: str) -> str:
        """Cards linking every theme ('theme') or next step ('next-step')."""
        if kind not in render.TOPIC_LABELS:
            raise ValueError(f"docs/{self.page()}: topic_cards('{kind}'): expected 'theme' or 'next-step'")
        return render.topic_cards(self.registry, kind, self.page())

    def ref(self, item_id: str, text: str | None = None) -> str:
        """A link to a registry entry (on the resource index) or a topic page, by id. An entry's
        first mention on a page says what has changed since the workshop."""
        page = self.page()
        seen = self.mentioned.setdefault(page, set())
        first = item_id in self.registry.entries and item_id not in seen
        seen.add(item_id)
        try:
            return render.reference(self.registry, item_id, page, text, first_mention=first)
        except KeyError:
            raise ValueError(
                f"docs/{page}: ref('{item_id}') names no entry or topic of docs/{REGISTRY_PATH} — "
                "use an existing id (see the resource index) or add the entry first"
            ) from None

    @functools.cached_property
    def titled_pages(self) -> dict[str, tuple[str, str]]:
        """pages_of(docs), read from disk once per build."""
        return pages_of(self.sources.docs_dir)

    def downloads(self) -> str:
        """The PDF and offline bundle with size and date (links to the published site offline)."""
        extra = self.conf["extra"]
        directory = None if extra.get("offline_copy") else extra.get("downloads_dir") or None
        titles = {pages.slug(page): title for page, (_, title) in self.titled_pages.items() if page.endswith(".md")}
        return downloads_table(directory, self.conf["site_url"] + "downloads/", titles)

    def registry_columns(self) -> str:
        """The CSV's columns, each with its field's text from the registry's JSON Schema (the downloads page)."""
        schema = (self.sources.docs_dir / REGISTRY_PATH).with_name(SCHEMA_NAME)
        return exports.column_table(json.loads(schema.read_text(encoding="utf-8")))

    def glossary_terms(self) -> str:
        """Every glossary term and abbreviation (the glossary page)."""
        return glossary.render(self.sources.terms, self.sources.abbreviations, self.page())

    def practice_table(self) -> str:
        """Every programme, model, platform and practice of the registry, as a table its script sorts."""
        page = self.page()
        self._needs(page, scripts=[posixpath.join(posixpath.dirname(page), practices.SCRIPT)])
        return practices.practice_table(self.registry, page)

    def comparison_table(self) -> str:
        """US and Nordic approaches side by side, every cell with its sources."""
        return comparison.render(self.sources.comparison, self.registry, self.page())

    def role(self, role_id: str) -> reading_paths.Role:
        """The role called `role_id`, or the error naming the page and the roles there are."""
        if role_id not in self.roles:
            raise ValueError(
                f"docs/{self.page()}: no role '{role_id}' in docs/{reading_paths.ROLES_PATH} — "
                f"use one of: {', '.join(self.roles)}"
            )
        return self.roles[role_id]

    @functools.cached_property
    def role_stops(self) -> dict[str, list[reading_paths.Stop]]:
        """Every role's reading path, read from the topic pages once per build."""
        return reading_paths.stops(self.sources.docs_dir, self.registry)

    def reading_path(self, role_id: str) -> str:
        """The sections of the theme and next-step pages tagged for a role."""
        role = self.role(role_id)
        return reading_paths.render(role, self.role_stops.get(role.id, []), self.registry, self.page())

    def reading_path_lead(self, role_id: str) -> str:
        """The lead of a role's path page: who it is for and how many sections it holds."""
        role = self.role(role_id)
        stops = self.role_stops.get(role.id, [])
        topics = len({s.topic for s in stops})
        return (
            f"This path is for {render.escape(_lower_first(role.who))} "
            f"It picks out {len(stops)} sections from {topics} theme and next-step pages. A line on each "
            "says why it matters to you. The choice is the editors'; what participants said keeps the report's weight."
        )

    def reading_path_list(self) -> str:
        """Every role's path, by its page's title, and whom it is for."""
        lines = (
            f"- {render.title_link(self.titled_pages[r.page][1], r.page, self.page())}, for {render.escape(_lower_first(r.who))}"
            for r in self.sources.roles
        )
        return "\n".join(lines) + "\n"

    def relationship_map(self) -> str:
        """The map of themes, next steps and resources, as an SVG figure."""
        figure = (
            '<figure class="relation-map-figure">\n<div class="relation-map-scroll" tabindex="0" role="region" '
            'aria-label="Relationship map, scrolls sideways">\n'
            + relation_map.svg(self.registry, self.page(), self.conf.get("use_directory_urls", True))
            + "\n</div>\n</figure>"
        )
        return sanitise.hold(figure) + "\n"

    def relationship_list(self) -> str:
        """The relations of the map, as text."""
        return relation_map.relationship_list(self.registry, self.page())

    def changes(self) -> str:
        """Every change to the site's pages, month by month, from one git call."""
        groups = history.by_month(history.commits(self.sources.docs_dir.parent))
        return render.changes(groups, self.titled_pages, self.page())


def _lower_first(text: str) -> str:
    """`text` with its first letter in lower case, to follow 'for' ('Police leaders…' -> 'police leaders…')."""
    return text[:1].lower() + text[1:]
