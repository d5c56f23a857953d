"""The Zensical adapter: a Markdown extension that does for every page what MkDocs does through
its hooks, with the same functions:

- before the macros run: every macro call of the page checked (macro_calls.py), each problem
  reported with the line of the page file, as on_pre_page_macros does under MkDocs;
- after them: the context notice and section sources of topic pages (topic_page.py), as
  on_post_page_macros does;
- the page's `last_updated` date from one `git log` call (page_dates.py), as
  hooks/page_data.py does. Zensical hands the page's metadata to its templates after the
  Markdown is converted, so the date reaches them.

Zensical (0.0.x) renders each page with Python-Markdown and keeps the page (its path and
metadata) and the configuration in a context preprocessor; zensical.yml lists this extension,
and MkDocs never loads it.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from zensical.extensions.context import ContextPreprocessor

from . import checked_and_rendered, exports, pages, published_files, sources_of, stop, topic_page
from .artifacts import page_pdf
from .page_dates import commit_dates, last_updated
from .page_macros import NO_PAGE_DATA, PageMacros, Sources

MACROS_PRIORITY = 35  # Zensical's macros preprocessor; ours run just before and just after it
_dates: dict[str, dict[str, str]] = {}  # repository root -> its dates, once per process
_sources: dict[tuple, Sources] = {}  # the data files' state -> their sources (Zensical renders page by page)


def page_context(md: Markdown) -> tuple[Any, dict]:
    """The page being rendered and the site's configuration."""
    context = ContextPreprocessor.from_markdown(md)
    if context is None:
        raise stop("macros.zensical: no page context — this extension runs under Zensical only")
    return context.page, context.config


def docs_dir(config: dict) -> Path:
    """The docs folder; Zensical gives it relative to the folder of the configuration file."""
    return (Path(config["root_dir"]) / config["docs_dir"]).resolve()


def cached_sources(docs: Path) -> Sources:
    """The data files of `docs`, loaded again only when one of them changes; the first time, the
    files under `docs` are held to the published types, as hooks/published_files.py does under MkDocs."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*.yml")) + sorted(docs.rglob("*.json")))
    if stamp not in _sources:
        if not _sources and (unpublishable := published_files.problems(docs, docs.parent)):
            raise stop("Files under docs/ that cannot be published:\n" + "\n".join(unpublishable))
        _sources.clear()
        _sources[stamp] = sources_of(docs)
    return _sources[stamp]


def dates_of(root: Path) -> dict[str, str]:
    """The commit dates of `root`, from one git call per process; says once if there are none."""
    key = str(root)
    if key not in _dates:
        _dates[key] = commit_dates(root)
        if not _dates[key]:
            print("WARNING: No git history here: pages show no 'last updated' date.", file=sys.stderr)
    return _dates[key]


class CheckMacroCalls(Preprocessor):
    """Stop at the first page whose macro calls are wrong, naming file and line; render the
    others' macros in the sandbox (Zensical's own macros pass then finds nothing to run)."""

    def run(self, lines: list[str]) -> list[str]:
        page, config = page_context(self.md)
        if page.meta.get("render_macros") is not True:
            return lines
        docs = docs_dir(config)
        sources = cached_sources(docs)
        source = (docs / page.path).read_text(encoding="utf-8")
        body = "\n".join(lines)
        macros = PageMacros(sources, config, lambda: page.path)
        rendered = checked_and_rendered(
            body,
            first_line(source, body),
            page.path,
            macros.by_name(),
            sources.registry,
            {role.id for role in sources.roles},
            config,
        )
        page.meta.update(macros.page_data(page.path))
        if day := last_updated(dates_of(docs.parent), docs.name, page.path, page.meta):  # now with what its macros show
            page.meta["last_updated"] = day
        return rendered.split("\n")


class FrameTopicPage(Preprocessor):
    """Add the context notice and the section sources to a theme or next-step page."""

    def run(self, lines: list[str]) -> list[str]:
        page, config = page_context(self.md)
        if page.meta.get("render_macros") is not True:  # as under MkDocs, where only rendered pages are framed
            return lines
        registry = cached_sources(docs_dir(config)).registry
        return topic_page.annotate("\n".join(lines), registry, page.path, page.meta.get("sources")).split("\n")


class PageData(Preprocessor):
    """Hold the page's front matter to what the templates can print; put the page's slug and the
    date its source last changed into its metadata."""

    def run(self, lines: list[str]) -> list[str]:
        page, config = page_context(self.md)
        source, root = docs_dir(config) / page.path, Path(config["root_dir"]).resolve()
        name = str(source.relative_to(root)) if source.is_relative_to(root) else str(source)
        if problems := pages.front_matter_problems(pages.split(source.read_text(encoding="utf-8")), name, root):
            raise stop("\n".join(problems))  # the templates print some of it as it is (pages.py)
        page.meta["slug"] = pages.slug(page.path)
        page.meta["pdf_file"] = page_pdf(page.meta["slug"])
        page.meta["based_on"] = exports.based_on(cached_sources(docs_dir(config)).registry.workshop)
        page.meta.update(copy.deepcopy(NO_PAGE_DATA))  # what the page's macros need, if it has any: CheckMacroCalls
        docs = docs_dir(config)
        if day := last_updated(dates_of(docs.parent), docs.name, page.path, page.meta):
            page.meta["last_updated"] = day
        return lines


def first_line(source: str, body: str) -> int:
    """The line of the page file on which `body` (the Markdown Zensical renders) starts."""
    start = source.find(body[:200]) if body.strip() else -1
    return source.count("\n", 0, start) + 1 if start >= 0 else pages.body_line(source)


class PageFrameExtension(Extension):
    """Registers the three preprocessors around Zensical's macros preprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(PageData(md), "kb_page_data", MACROS_PRIORITY + 2)
        md.preprocessors.register(CheckMacroCalls(md), "kb_check_macro_calls", MACROS_PRIORITY + 1)
        md.preprocessors.register(FrameTopicPage(md), "kb_frame_topic_page", MACROS_PRIORITY - 1)


def makeExtension(**kwargs: Any) -> PageFrameExtension:  # noqa: N802 - Python-Markdown's name
    return PageFrameExtension(**kwargs)
