"""Render a page as readers see it, without a build, and take out its body text.

The page's macros are expanded by the same functions the build uses (render/page_macros.py),
topic pages get their generated frame (render/topic_page.py), and the Markdown is converted with
the extensions configured in mkdocs.yml. `make check` and the tests measure this HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup, NavigableString, Tag

from us_nordic_kb.model import pages
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.sources import Sources
from us_nordic_kb.render import markup, sandbox, sanitise, topic_page
from us_nordic_kb.render.page_macros import PageMacros

INDEX_LINK = re.compile(r"(^|/)resources/index\.md#")
# Text that is not the writer's prose: code, headings, generated labels, links that carry the
# title of a page or section (render/markup.py, title_link), and native-language names.
NOT_PROSE_TAGS = {"pre", "code", "h1", "h2", "h3", "h4", "h5", "h6"}
NOT_PROSE_CLASSES = {
    "headerlink",
    "admonition-title",
    "provenance",
    markup.CHANGELOG,
    markup.SINCE_WORKSHOP,
    "title-link",
    "cell-label",
}
BLOCKS = ["p", "li", "dd", "dt", "td", "th"]
ONLY_NAMES = re.compile(r"Name(\W+Name)*\W*")


@dataclass(frozen=True)
class Page:
    """A page of docs/: its path under docs/, front matter, the line its body starts on, and its HTML."""

    path: str
    meta: dict
    body_line: int
    html: str


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter, body, line the body starts on), as MkDocs splits a page (model/pages.py)."""
    source = pages.split(text)
    return source.meta, source.body, source.body_line


class Renderer:
    """Renders the pages of a project with its data files (`sources`, of `project.docs_dir` or
    another docs folder)."""

    def __init__(self, sources: Sources, project: Project):
        self.registry = sources.registry
        self.project = project
        self._page = ""
        self._last: tuple[str | None, str] = (None, "")
        self._shipped: tuple[str | None, str] = (None, "")
        self.macros = PageMacros(sources, project, lambda: self._page).by_name()
        names, configs = [], {}
        for item in project.settings.get("markdown_extensions", []):
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
            names.append(name)
            configs[name] = dict(options or {})
        if "pymdownx.snippets" in configs:  # base paths are relative to the repository root, where MkDocs runs
            snippets = configs["pymdownx.snippets"]
            snippets["base_path"] = [str(project.root / path) for path in snippets.get("base_path", ["."])]
        self.extensions, self.extension_configs = names, configs
        # Without the sanitiser: `raw_html` is the page's HTML before it, `to_html` after it.
        unsanitised = [name for name in names if name != sanitise.__name__]
        self._markdown = markdown.Markdown(extensions=unsanitised, extension_configs=configs)

    def expand(self, path: str, body: str, meta: dict) -> str:
        """The Markdown body of the page at `path` (under docs/) as the build hands it to
        Markdown: macros expanded, and the frame of a topic page added."""
        self._page = path
        if meta.get("render_macros") is True:
            body = sandbox.render(body, self.macros, self.project)
        return topic_page.annotate(body, self.registry, path, meta.get("sources"))

    def render(self, path: str, text: str) -> Page:
        """The page at `path` (under docs/) with source `text`, as HTML."""
        meta, body, body_line = split_front_matter(text)
        return Page(path, meta, body_line, self.to_html(self.expand(path, body, meta)))

    def to_html(self, text: str) -> str:
        """Markdown `text` as HTML as it ships: converted with the site's extensions, the
        sanitiser last (render/sanitise.py)."""
        if text != self._shipped[0]:
            self._shipped = (text, sanitise.clean(self.raw_html(text)))
        return self._shipped[1]

    def raw_html(self, text: str) -> str:
        """Markdown `text` as HTML before the sanitiser: one converter, reset for each text
        (setting up the extensions costs more than converting most pages). The last text is
        remembered: a page without macros is converted once for its policy and its rendering."""
        if text != self._last[0]:
            self._last = (text, self._markdown.reset().convert(text))
        return self._last[1]


def not_prose(tag: Tag) -> bool:
    """Whether an element holds text that is not the writer's prose (tested by name, class and
    attribute: much quicker than a CSS selector, on a page of any size)."""
    return tag.name in NOT_PROSE_TAGS or "lang" in tag.attrs or not NOT_PROSE_CLASSES.isdisjoint(tag.get("class") or ())


def parse(html: str | BeautifulSoup) -> BeautifulSoup:
    """A page's HTML as a tree (a tree is returned as it is): the page checks read one tree each
    and leave it as it is, so a page is parsed once for all of them."""
    return html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")


def prose_blocks(html: str | BeautifulSoup) -> list[str]:
    """The body text of a page, block by block (paragraphs, list items, definitions, cells): each
    block with its own text, not that of a block nested inside it, and none of the text that is
    not prose (NOT_PROSE_TAGS, NOT_PROSE_CLASSES, a `lang`).

    Official names (links to resource index entries) count as one word each: the writer cannot
    shorten them, so they should not weigh on the page's readability. A block of names alone (an
    item of a generated list) is no sentence, and is left out.

    One pass over the page, which is left as it is (taking elements out of a long page one by
    one would cost time with the square of its length).
    """
    soup = parse(html)
    # For each element: whether its text is left out, and the nearest block holding it.
    state: dict[int, tuple[bool, Tag | None]] = {id(soup): (False, None)}
    own: dict[int, list[str]] = {}
    for node in soup.descendants:
        out, block = state[id(node.parent)]
        if isinstance(node, Tag):
            if not out and not_prose(node):
                out = True
            elif not out and node.name == "a" and INDEX_LINK.search(str(node.get("href", ""))):
                out = True  # a name: one word, wherever its own text had been
                if block is not None:
                    own.setdefault(id(block), []).append("Name")
            state[id(node)] = (out, node if node.name in BLOCKS else block)
        elif not out and block is not None and isinstance(node, NavigableString):
            own.setdefault(id(block), []).append(node.strip())
    blocks = []
    for block in soup.find_all(BLOCKS):
        text = re.sub(r"\s+", " ", " ".join(own.get(id(block), []))).strip()
        if not state[id(block)][0] and re.search(r"[A-Za-z]", text) and not ONLY_NAMES.fullmatch(text):
            blocks.append(text)
    return blocks
