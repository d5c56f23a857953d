"""The Zensical adapter (zensical.yml lists it): a Markdown extension that does for every page what
engines/page_work.py says, as mkdocs_macros.py does under MkDocs:

- before Zensical's macros run: the front matter checked, the macros checked and rendered in our
  sandbox (Zensical's own macros pass then finds nothing to run);
- after them: a topic page framed;
- the page's metadata, which Zensical hands to its templates after the Markdown is converted.

Zensical (0.0.x) renders each page with Python-Markdown and keeps the page (its path and metadata)
and the configuration in a context preprocessor; MkDocs never loads this extension.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from zensical.extensions.context import ContextPreprocessor

from us_nordic_kb.engines import page_work
from us_nordic_kb.model import pages, project
from us_nordic_kb.model.project import Project
from us_nordic_kb.render.page_macros import PageMacros

MACROS_PRIORITY = 35  # Zensical's macros preprocessor; ours run just before and just after it
_changed: dict[Path, dict[str, str]] = {}  # the project's root -> when each file changed, once per process


def page_context(md: Markdown) -> tuple[Any, Project]:
    """The page being rendered, and the project as Zensical loaded its configuration."""
    context = ContextPreprocessor.from_markdown(md)
    if context is None:
        raise page_work.stop(f"{__name__}: no page context — this extension runs under Zensical only")
    config = context.config
    root = Path(config["root_dir"]).resolve()
    return context.page, project.of_engine(root / config.get("config_file", "zensical.yml"), config)


def changed(loaded: Project) -> dict[str, str]:
    if loaded.root not in _changed:
        _changed[loaded.root] = page_work.dates(loaded)
    return _changed[loaded.root]


class RenderMacros(Preprocessor):
    """The page's front matter checked; its macros checked and rendered; its metadata set."""

    def run(self, lines: list[str]) -> list[str]:
        page, loaded = page_context(self.md)
        page_work.check_front_matter(page.path, loaded)
        sources = page_work.sources_of(loaded)
        macros = PageMacros(sources, loaded, lambda: page.path)
        markdown = "\n".join(lines)
        if page.meta.get("render_macros") is True:
            source = (loaded.docs_dir / page.path).read_text(encoding="utf-8")
            markdown = page_work.rendered(markdown, first_line(source, markdown), page.path, macros, sources, loaded)
        page.meta.update(page_work.page_meta(page.path, page.meta, macros, sources, loaded, changed(loaded)))
        return markdown.split("\n")


class FrameTopicPage(Preprocessor):
    """A theme or next-step page framed with its context notice and the sources of its sections."""

    def run(self, lines: list[str]) -> list[str]:
        page, loaded = page_context(self.md)
        return page_work.framed("\n".join(lines), page.path, page.meta, page_work.sources_of(loaded)).split("\n")


def first_line(source: str, body: str) -> int:
    """The line of the page file on which `body` (the Markdown Zensical renders) starts."""
    start = source.find(body[:200]) if body.strip() else -1
    return source.count("\n", 0, start) + 1 if start >= 0 else pages.body_line(source)


class PageFrameExtension(Extension):
    """Registers the two preprocessors around Zensical's macros preprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(RenderMacros(md), "kb_render_macros", MACROS_PRIORITY + 1)
        md.preprocessors.register(FrameTopicPage(md), "kb_frame_topic_page", MACROS_PRIORITY - 1)


def makeExtension(**kwargs: Any) -> PageFrameExtension:  # noqa: N802 - Python-Markdown's name
    return PageFrameExtension(**kwargs)
