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
from typing import Any

from us_nordic_kb.model import comparison, glossary, history, labels, page_dates, pages
from us_nordic_kb.model import roles as reading_paths
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import REGISTRY_PATH, SCHEMA_NAME
from us_nordic_kb.model.sources import Sources, pages_of
from us_nordic_kb.render import (
    changes,
    comparison_table,
    entries,
    exports,
    finder,
    glossary_page,
    markup,
    practices,
    relation_map,
    sanitise,
)
from us_nordic_kb.render.downloads import SAVE_ELSEWHERE, SAVE_PANEL, SAVE_SCRIPT, downloads_table
from us_nordic_kb.render.reading_paths import reading_path_markdown

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
    "save_offline": (),
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
    "save_offline",
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


class PageMacros:
    """The pages' macros, bound to one build's data and configuration and to the page being rendered."""

    def __init__(self, sources: Sources, project: Project, current_page: Callable[[], str]):
        self.sources = sources
        self.registry = sources.registry
        self.project = project
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
        address = self.project.site_url + pages.address(page)
        script = posixpath.join(posixpath.dirname(page), finder.SCRIPT)
        self._needs(page, scripts=[script], item_list=exports.item_list(registry, address))
        return (
            sanitise.hold(finder.form(registry))
            + "\n\n"
            + entries.resource_index(registry, page, lambda entry: finder.data_attributes(registry, entry))
        )

    def related(self) -> str:
        """The related block of the current theme or next-step page."""
        topic = self.registry.topic_for_page(self.page())
        if topic is None:
            raise ValueError(
                f"docs/{self.page()}: related() is only for theme and next-step pages listed under 'topics' in "
                f"docs/{REGISTRY_PATH}"
            )
        return entries.related_block(self.registry, topic, self.page())

    def topic_cards(self, kind: str) -> str:
        """Cards linking every theme ('theme') or next step ('next-step')."""
        if kind not in labels.TOPIC_LABELS:
            raise ValueError(f"docs/{self.page()}: topic_cards('{kind}'): expected 'theme' or 'next-step'")
        return entries.topic_cards(self.registry, kind, self.page())

    def ref(self, item_id: str, text: str | None = None) -> str:
        """A link to a registry entry (on the resource index) or a topic page, by id. An entry's
        first mention on a page says what has changed since the workshop."""
        page = self.page()
        seen = self.mentioned.setdefault(page, set())
        first = item_id in self.registry.entries and item_id not in seen
        seen.add(item_id)
        try:
            return entries.reference(self.registry, item_id, page, text, first_mention=first)
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
        titles = {pages.slug(page): title for page, (_, title) in self.titled_pages.items() if page.endswith(".md")}
        return downloads_table(self.project.downloads, self.project.site_url + "downloads/", titles)

    def save_offline(self) -> str:
        """The controls of "Save for offline" (the downloads page), with their script."""
        if self.project.extra.offline_copy:
            return SAVE_ELSEWHERE
        self._needs(self.page(), scripts=[SAVE_SCRIPT])
        return sanitise.hold(SAVE_PANEL) + "\n"

    def registry_columns(self) -> str:
        """The CSV's columns, each with its field's text from the registry's JSON Schema (the downloads page)."""
        schema = (self.sources.docs_dir / REGISTRY_PATH).with_name(SCHEMA_NAME)
        return exports.column_table(json.loads(schema.read_text(encoding="utf-8")))

    def glossary_terms(self) -> str:
        """Every glossary term and abbreviation (the glossary page)."""
        return glossary_page.glossary_markdown(self.sources.terms, self.sources.abbreviations, self.page())

    def practice_table(self) -> str:
        """Every programme, model, platform and practice of the registry, as a table its script sorts."""
        page = self.page()
        self._needs(page, scripts=[posixpath.join(posixpath.dirname(page), practices.SCRIPT)])
        return practices.practice_table(self.registry, page)

    def comparison_table(self) -> str:
        """US and Nordic approaches side by side, every cell with its sources."""
        return comparison_table.comparison_markdown(self.sources.comparison, self.registry, self.page())

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
        return reading_path_markdown(role, self.role_stops.get(role.id, []), self.registry, self.page())

    def reading_path_lead(self, role_id: str) -> str:
        """The lead of a role's path page: who it is for and how many sections it holds."""
        role = self.role(role_id)
        stops = self.role_stops.get(role.id, [])
        topics = len({s.topic for s in stops})
        return (
            f"This path is for {markup.escape(_lower_first(role.who))} "
            f"It picks out {len(stops)} sections from {topics} theme and next-step pages. A line on each "
            "says why it matters to you. The choice is the editors'; what participants said keeps the report's weight."
        )

    def reading_path_list(self) -> str:
        """Every role's path, by its page's title, and whom it is for."""
        lines = (
            f"- {markup.title_link(self.titled_pages[r.page][1], r.page, self.page())}, for {markup.escape(_lower_first(r.who))}"
            for r in self.sources.roles
        )
        return "\n".join(lines) + "\n"

    def relationship_map(self) -> str:
        """The map of themes, next steps and resources, as an SVG figure."""
        figure = (
            '<figure class="relation-map-figure">\n<div class="relation-map-scroll" tabindex="0" role="region" '
            'aria-label="Relationship map, scrolls sideways">\n'
            + relation_map.svg(self.registry, self.page(), self.project.directory_urls)
            + "\n</div>\n</figure>"
        )
        return sanitise.hold(figure) + "\n"

    def relationship_list(self) -> str:
        """The relations of the map, as text."""
        return relation_map.relationship_list(self.registry, self.page())

    def changes(self) -> str:
        """Every change to the site's pages, month by month, from one git call."""
        groups = history.by_month(history.commits(self.sources.docs_dir.parent))
        return changes.changes(groups, self.titled_pages, self.page())


def _lower_first(text: str) -> str:
    """`text` with its first letter in lower case, to follow 'for' ('Police leaders…' -> 'police leaders…')."""
    return text[:1].lower() + text[1:]
