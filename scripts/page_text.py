"""Render a page as readers see it, without a build, and take out its body text.

The page's macros are expanded by the same functions the build uses (macros/page_macros.py),
topic pages get their generated frame (macros/topic_page.py), and the Markdown is converted with
the extensions configured in mkdocs.yml. `make check` and the tests measure this HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup, Tag

from macros import pages, sandbox, site, topic_page
from macros.page_macros import Sources, page_macros

INDEX_LINK = re.compile(r"(^|/)resources/index\.md#")
# Text that is not the writer's prose: code, headings, generated labels, and native-language names.
NOT_PROSE = "pre, code, h1, h2, h3, h4, h5, h6, .headerlink, .admonition-title, .provenance, .changelog, [lang]"
BLOCKS = ["p", "li", "dd", "dt", "td", "th"]


@dataclass(frozen=True)
class Page:
    """A page of docs/: its path under docs/, front matter, the line its body starts on, and its HTML."""

    path: str
    meta: dict
    body_line: int
    html: str


def site_config(root: Path) -> dict:
    """The project's configuration (mkdocs.yml in `root`) as data."""
    return site.settings_of(root / site.CONFIG)


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter, body, line the body starts on), as MkDocs splits a page (macros/pages.py)."""
    source = pages.split(text)
    return source.meta, source.body, source.body_line


class Renderer:
    """Renders pages of one docs folder with one registry and configuration."""

    def __init__(self, sources: Sources, config: dict, root: Path):
        self.registry = sources.registry
        self._page = ""
        conf = {
            "site_url": config.get("site_url", ""),
            "extra": config.get("extra") or {},
            "use_directory_urls": config.get("use_directory_urls", True),
        }
        self.conf = conf
        self.config = config
        self.macros = page_macros(sources, conf, lambda: self._page)
        names, configs = [], {}
        for item in config.get("markdown_extensions", []):
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
            names.append(name)
            configs[name] = dict(options or {})
        if "pymdownx.snippets" in configs:  # base paths are relative to the repository root, where MkDocs runs
            snippets = configs["pymdownx.snippets"]
            snippets["base_path"] = [str(root / path) for path in snippets.get("base_path", ["."])]
        self.extensions, self.extension_configs = names, configs

    def expand(self, path: str, body: str, meta: dict) -> str:
        """The Markdown body of the page at `path` (under docs/) as the build hands it to
        Markdown: macros expanded, and the frame of a topic page added."""
        self._page = path
        if meta.get("render_macros") is True:
            body = sandbox.render(body, self.macros, self.conf)
        return topic_page.annotate(body, self.registry, path, meta.get("sources"))

    def render(self, path: str, text: str) -> Page:
        """The page at `path` (under docs/) with source `text`, as HTML."""
        meta, body, body_line = split_front_matter(text)
        return Page(path, meta, body_line, self.to_html(self.expand(path, body, meta)))

    def to_html(self, text: str) -> str:
        """Markdown `text` as HTML, with the site's extensions."""
        return markdown.markdown(text, extensions=self.extensions, extension_configs=self.extension_configs)


def prose_blocks(html: str) -> list[str]:
    """The body text of a page, block by block (paragraphs, list items, definitions, cells).

    Official names (links to resource index entries) count as one word each: the writer cannot
    shorten them, so they should not weigh on the page's readability.
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(NOT_PROSE):
        element.decompose()
    for name in soup.find_all("a", href=INDEX_LINK):
        name.replace_with("Name")
    blocks = []
    for block in soup.find_all(BLOCKS):
        text = re.sub(r"\s+", " ", " ".join(_own_strings(block))).strip()
        if re.search(r"[A-Za-z]", text):
            blocks.append(text)
    return blocks


def _own_strings(block: Tag):
    """The strings of `block` that do not belong to a block nested inside it."""
    for string in block.find_all(string=True):
        parent = string.parent
        while parent is not None and parent is not block and parent.name not in BLOCKS:
            parent = parent.parent
        if parent is block:
            yield string.strip()
