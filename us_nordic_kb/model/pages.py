"""A page of docs/: its front matter, and where it is built and published.

The one place that knows how a page file is split into front matter and body (as MkDocs does it,
with the line the body starts on, for messages) and how a page path under docs/ maps to its
built file, its address and its slug. Every module and template that needs one of these asks
here; the templates get the slug as page data (`page.meta.slug`).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from markdown.extensions.toc import slugify

# A page's path under docs/ and an anchor on it (a page's file name becomes its address, its PDF's
# name and its citation key: plain characters only); a link's target is one, with an optional anchor.
PAGE_PATH = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*\.md")
ANCHOR = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TARGET = re.compile(rf"{PAGE_PATH.pattern}(?:#{ANCHOR.pattern})?")
# A second-level heading, with its attr_list braces; a fence that opens or closes code.
_HEADING = re.compile(r"^## +(?P<text>.*?)(?: *\{(?P<attrs>[^}]*)\})? *$")

_FENCE = re.compile(r"^(```|~~~)")
# MkDocs's own rule (mkdocs.utils.meta): '---' or '...' closes the block.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A page's title line, turned into HTML as MkDocs turns it (attr_list: a trailing `{ #id }` is no text).
_TITLE_MARKDOWN = markdown.Markdown(extensions=["attr_list"])


@dataclass(frozen=True)
class Source:
    """A page file split as MkDocs splits it: the front matter, the Markdown body (without the
    blank lines MkDocs strips after the front matter), the file line the body starts on, and the
    file line of each top-level front matter key."""

    meta: dict
    body: str
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = False


def split(text: str) -> Source:
    """`text` split into front matter and body; raises yaml.MarkedYAMLError on bad YAML, whose
    line counts from the block's first line (the file's second)."""
    first = body_line(text)
    body = text.split("\n", first - 1)[-1]  # what follows the line breaks before line `first`
    match = _FRONT_MATTER.match(text)
    if not match:
        return Source({}, body, first)
    block = match.group(1)
    meta = yaml.load(block, Loader=_LOADER) or {}  # noqa: S506 - a safe loader (libyaml's where there is one)
    key_lines = {}
    for number, line in enumerate(block.splitlines(), start=2):
        key = line.split(":", 1)[0]
        if isinstance(meta, dict) and key in meta and key not in key_lines:
            key_lines[key] = number
    return Source(meta if isinstance(meta, dict) else {}, body, first, key_lines, True)


# What a page's front matter may hold. Templates print some of it as it is (Material writes the
# description into a <meta> tag and the title into the header unescaped), so a value of any other
# type or form stops make check and both engines' builds alike.
# No `title`: a page's title is its '# ' heading, the one place every list of pages takes it from (`title`).
FRONT_MATTER_KEYS = {"description", "render_macros", "edit_source", "hide", "search", "sources", "roles", "pdf"}
HIDE = {"navigation", "toc", "footer", "path", "feedback", "tags"}
DESCRIPTION_LENGTH = (60, 300)
SAFE_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*")


def front_matter_problems(source: Source, name: str, root: Path) -> list[str]:
    """Each key of the front matter that is unknown, of the wrong type or of a form the templates
    cannot print safely, as `name:line: what — how to fix`; `root` is the project's folder."""
    meta, lines, root = source.meta, source.key_lines, root.resolve()

    def at(key: str) -> str:
        return f"{name}:{lines.get(key, 1)}"

    problems = [
        f"{at(key)}: unknown front matter key '{key}' — use one of: {', '.join(sorted(FRONT_MATTER_KEYS))}"
        for key in sorted(set(meta) - FRONT_MATTER_KEYS, key=str)
    ]
    description = meta.get("description")
    low, high = DESCRIPTION_LENGTH
    if not isinstance(description, str) or not description.strip():
        problems.append(
            f"{name}:1: front matter has no description — add 'description:' with one or two sentences for search engines and "
            "link previews"
        )
    elif not low <= len(description.strip()) <= high:
        problems.append(f"{at('description')}: description has {len(description.strip())} characters — write {low} to {high}")
    elif re.search(r'["<>]', description):
        problems.append(f'{at("description")}: description contains ", < or > — use typographic quotes (“ ”) and plain text')
    for key in ("render_macros", "pdf"):
        if key in meta and not isinstance(meta[key], bool):
            problems.append(f"{at(key)}: {key} is {meta[key]!r} — write true or false")
    hide = meta.get("hide", [])
    if not isinstance(hide, list) or not set(map(str, hide)) <= HIDE or not all(isinstance(h, str) for h in hide):
        problems.append(f"{at('hide')}: hide must be a list of: {', '.join(sorted(HIDE))}")
    problems += _search_problems(meta.get("search"), at("search"))
    edit_source = meta.get("edit_source")
    if edit_source is not None and (
        not isinstance(edit_source, str)
        or not SAFE_PATH.fullmatch(edit_source)
        or not (root / edit_source).resolve().is_relative_to(root)
        or not (root / edit_source).is_file()
    ):
        problems.append(f"{at('edit_source')}: edit_source {edit_source!r} is not a file of the repository — give its path")
    for key in ("sources", "roles"):
        if key in meta and not isinstance(meta[key], dict):
            problems.append(f"{at(key)}: {key} must map section ids to {'parts of the report' if key == 'sources' else 'roles'}")
    return problems


def _search_problems(search: object, where: str) -> list[str]:
    """`search:` is a mapping of `boost` (a number from 0 to 10) and `exclude` (true or false)."""
    if search is None:
        return []
    if not isinstance(search, dict) or not set(search) <= {"boost", "exclude"}:
        return [f"{where}: search may hold only 'boost' (a number) and 'exclude' (true or false)"]
    boost, exclude = search.get("boost", 1), search.get("exclude", False)
    if isinstance(boost, bool) or not isinstance(boost, int | float) or not 0 < boost <= 10:
        return [f"{where}: search boost is {boost!r} — write a number above 0 and at most 10"]
    if not isinstance(exclude, bool):
        return [f"{where}: search exclude is {exclude!r} — write true or false"]
    return []


def body_line(text: str) -> int:
    """The file line the body of `text` starts on, as `split` finds it, without reading the YAML."""
    match = _FRONT_MATTER.match(text)
    rest = text[match.end() :] if match else text
    return text.count("\n", 0, len(text) - len(rest.lstrip("\n"))) + 1


def title(text: str) -> str | None:
    """The title of the page whose file holds `text`: its H1 as MkDocs sees it, that is the text
    of the heading that opens the page's body (MkDocs looks no further), its Markdown rendered;
    None when the body does not open with a '# ' heading. Every title the site shows for a page
    (downloads, changes, reading paths, related blocks, cards, the map) comes from here."""
    first_line = text.split("\n", body_line(text) - 1)[-1].split("\n", 1)[0]
    if not first_line.startswith("# "):
        return None
    rendered = _TITLE_MARKDOWN.reset().convert(first_line)
    return html.unescape(re.sub(r"<[^>]*>", "", rendered)).strip() or None


def nav_pages(nav: list) -> list[str]:
    """Every Markdown path of a MkDocs nav, in reading order."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_pages(value) if isinstance(value, list) else [value]
    return found


def line_of(text: str, prefix: str, start: int = 0) -> int | None:
    """The file line (from 1) of the first line after line `start` that starts with `prefix`
    once indentation is stripped; None if there is none."""
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if line.strip().startswith(prefix):
            return number
    return None


def address(page: str, directory_urls: bool = True) -> str:
    """Where a page (a path under docs/) is published, relative to the site's root:
    'themes/a.md' -> 'themes/a/' (or 'themes/a.html'), 'resources/index.md' -> 'resources/',
    'index.md' -> '' (or 'index.html')."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def html_file(page: str, directory_urls: bool = True) -> str:
    """The file a page is built into: 'themes/a.md' -> 'themes/a/index.html' (or 'themes/a.html')."""
    built = address(page, directory_urls)
    return built + "index.html" if built.endswith("/") or not built else built


def page_of(built: str, pages: set[str] | frozenset[str]) -> str | None:
    """The page (a path under docs/) built at `built`, a file or an address relative to the site's
    root ('about/index.html', 'about/', 'about.html', ''), if it is one of `pages`."""
    stem = built.removesuffix("index.html").removesuffix(".html").strip("/")
    for page in [posixpath.join(stem, "index.md") if stem else "index.md", stem + ".md"]:
        if page in pages:
            return page
    return None


def relative_address(target: str, from_page: str, directory_urls: bool = True) -> str:
    """The address of page `target` (a path under docs/, with an optional #anchor) as seen from
    page `from_page`, for raw HTML, whose links MkDocs does not rewrite."""
    path, _, anchor = target.partition("#")
    here, there = address(from_page, directory_urls), address(path, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        relative += "/"
    return relative + (f"#{anchor}" if anchor else "")


def slug(page: str) -> str:
    """A page's id: 'themes/digital-literacy.md' -> 'themes-digital-literacy',
    'resources/index.md' -> 'resources', 'index.md' -> 'home'. Names its PDF, citation key and RIS file."""
    path = page.removesuffix(".md").removesuffix("index").strip("/")
    return path.replace("/", "-") or "home"


def sections(markdown: str) -> list[tuple[int, str, str]]:
    """(line number from 1, id, heading text) of each second-level heading outside code, with
    the id the toc extension will give it: an explicit `{#id}` / `{ #id }`, else the slug of
    its text."""
    found, in_code = [], False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            explicit = re.search(r"#([\w-]+)", match["attrs"] or "")
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match["text"])
            found.append((number, explicit[1] if explicit else slugify(text, "-"), text))
    return found


def section_ids(markdown: str) -> list[tuple[int, str]]:
    """(line number from 1, id) of each second-level heading outside code."""
    return [(number, section) for number, section, _ in sections(markdown)]
