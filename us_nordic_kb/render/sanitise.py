"""What ships is what the sanitiser produced (SECURITY.md, "Threat model").

Every page's HTML is re-serialised by nh3 (Ammonia on html5ever, an HTML5 parser that reads a
page as browsers and WeasyPrint do) with our allow-list, at the very end of the Markdown
conversion: `Sanitise` is a Python-Markdown extension listed in mkdocs.yml, so MkDocs,
ProperDocs, Zensical, the offline copy and `make check` all run it. Whatever a page's text
holds, what leaves the conversion is the sanitiser's output: a comment or CDATA trick that one
parser reads differently from another cannot reach a reader.

Two allow-lists:

- `CONTENT`, for everything that comes from Markdown: a page's own text and the Markdown our
  macros write around escaped data. The tags and attributes contributors may use, plain links
  (http, https, mailto, or an address on this site) and images from this site only.
- `FRAGMENT`, for the few pieces of HTML our macros draw themselves (the finder's form, the
  relationship map's SVG). A macro `hold`s its fragment, which is sanitised with this wider list
  and stands in the page as a token no contributor can guess; where the token stands as a
  paragraph of its own, it is replaced after the page's own HTML has been sanitised.

`make check` asks `changes` what the sanitiser would remove from a page's own text, and reports
each removal with file and line, so a contributor sees an error, not a silent loss.
"""

from __future__ import annotations

import difflib
import re
import secrets
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# Elements a page may hold: what Python-Markdown and our extensions write, and plain HTML for text.
CONTENT_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul",
    }
)  # fmt: skip
CONTENT_ATTRIBUTES = {
    # data-search-exclude: Material's search leaves the element out of its index (topic_page.py's notice).
    "*": {"id", "class", "title", "lang", "dir", "role", "data-search-exclude"},
    # The resource index's groups and entries carry the finder's facets (render/finder.py).
    "div": {"data-group", "data-entry", "data-kind", "data-country", "data-theme", "data-step", "data-recommended"},
    "a": {"href", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "details": {"open"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# What our macros' own fragments may hold besides: the finder's form and the map's SVG.
FRAGMENT_TAGS = CONTENT_TAGS | {
    "form",
    "fieldset",
    "legend",
    "label",
    "input",
    "button",
    "svg",
    "title",
    "text",
    "rect",
    "line",
    "path",
}
FRAGMENT_ATTRIBUTES = {
    **CONTENT_ATTRIBUTES,
    "*": CONTENT_ATTRIBUTES["*"] | {"tabindex"},
    # The controls of "Save for offline" (render/downloads.py), shown by their script.
    "div": CONTENT_ATTRIBUTES["div"] | {"aria-label", "hidden", "data-save-panel"},
    "p": {"hidden", "data-save-choice", "data-save-saved", "data-save-status"},
    "span": {"data-save-pdf-size"},
    "button": {"hidden", "data-save", "data-save-update", "data-save-remove"},
    "form": {"hidden"},
    "input": {"name", "value", "data-save-pdfs"},
    "svg": {"viewBox", "width", "height", "xmlns"},
    "rect": {"x", "y", "width", "height", "rx"},
    "line": {"x1", "y1", "x2", "y2"},
    "path": {"d"},
    "text": {"x", "y"},
}
FRAGMENT_VALUES = {"input": {"type": {"checkbox"}}, "button": {"type": {"button"}}}
# Attribute names allowed on every element by their start.
PREFIXES = {"aria-"}
LINK_SCHEMES = {"http", "https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "cite"}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Drop what an allow-list of names cannot express: an image from another host (read as a
    browser reads an address: tabs and line breaks dropped, '\\' as '/'), an id that could stand
    in for one of the theme's own (`__search`...)."""
    if tag == "img" and attribute == "src":
        address = re.sub(r"[\t\n\r]", "", value).strip().replace("\\", "/")
        parts = urlsplit(address)
        return None if parts.scheme or parts.netloc or address.startswith("//") else value
    if attribute == "id" and value.startswith("__"):
        return None
    return value


def _content_filter(tag: str, attribute: str, value: str) -> str | None:
    """For what comes from Markdown, besides: no class of the theme's own interface (`md-`:
    a page could dress text as the site's dialog or copy button)."""
    if attribute == "class":
        kept = " ".join(name for name in value.split() if not name.startswith("md-"))
        return kept or None
    return _attribute_filter(tag, attribute, value)


def _cleaner(tags: frozenset[str], attributes: dict[str, set[str]], attribute_filter, values: dict | None = None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        attributes=attributes,
        tag_attribute_values=values or {},
        generic_attribute_prefixes=PREFIXES,
        attribute_filter=attribute_filter,
        url_schemes=LINK_SCHEMES,
        link_rel=None,  # no `rel` at all: nothing a page writes can ask WeasyPrint to embed a file
        strip_comments=True,
    )


CONTENT = _cleaner(CONTENT_TAGS, CONTENT_ATTRIBUTES, _content_filter)
FRAGMENT = _cleaner(FRAGMENT_TAGS, FRAGMENT_ATTRIBUTES, _attribute_filter, FRAGMENT_VALUES)

# Held fragments, by token. The token carries a secret drawn when the build starts, so a page
# cannot write one; a token nobody held stays text.
_SECRET = secrets.token_hex(12)
_TOKEN = re.compile(rf"<p>(kbfragment{_SECRET}n\d+)</p>")  # a fragment stands as a block of its own
_held: dict[str, str] = {}


def hold(html: str) -> str:
    """The token that stands for `html` (sanitised with FRAGMENT) until the page is sanitised."""
    token = f"kbfragment{_SECRET}n{len(_held)}"
    _held[token] = FRAGMENT.clean(html)
    return token


def clean(html: str) -> str:
    """A page's HTML as it ships: sanitised with CONTENT, then its held fragments put in."""
    safe = CONTENT.clean(html)
    if "kbfragment" not in safe:
        return safe
    return _TOKEN.sub(lambda match: _held.pop(match[1], match[0]), safe)


def release(text: str) -> str:
    """`text` with each held fragment in its token's place, for a build that runs no sanitiser
    (the benchmark's plain-Material baseline)."""
    return re.sub(rf"kbfragment{_SECRET}n\d+", lambda match: _held.pop(match[0], match[0]), text)


def reserialise(html: str) -> str:
    """HTML the build made from sanitised pages (the PDFs' articles, rewritten), passed through
    the sanitiser again with the wider list, so that what WeasyPrint reads is its output."""
    return FRAGMENT.clean(html)


class _SanitisePostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return clean(text)


class Sanitise(Extension):
    """The last step of every Markdown conversion: its output re-serialised by the sanitiser."""

    PRIORITY = -1000  # after every other postprocessor (raw HTML is put back at 30)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_SanitisePostprocessor(md), "kb_sanitise", self.PRIORITY)


def makeExtension(**kwargs) -> Sanitise:  # noqa: N802 - the name Python-Markdown looks for
    return Sanitise(**kwargs)


@dataclass(frozen=True)
class Change:
    """One thing the sanitiser removes: what and why, and strings to find its line by, best first."""

    message: str
    needles: tuple[str, ...]


_PIECE = re.compile(r"<[^>]*>|[^<]+")
_OPENING = re.compile(r"<([a-zA-Z][^\s/>]*)")
_ATTRIBUTE = re.compile(r'\s([^\s=/>"\']+)(?:="([^"]*)")?')
_WORD = re.compile(r"[^\s\"'<>/=]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def changes(html: str) -> list[Change]:
    """What the sanitiser removes from `html` (a page's own text as Markdown converts it):
    elements, attributes and addresses, each with what to do instead. Found by comparing what
    ships with the same HTML sanitised by a cleaner that keeps every element and attribute it
    holds: both come from the one HTML5 parser, so the difference is exactly the removals."""
    shipped = CONTENT.clean(html)
    everything = _keep_all(html).clean(html)
    if shipped == everything:
        return []
    kept, full = _PIECE.findall(shipped), _PIECE.findall(everything)
    found: list[Change] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, full, kept, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        after = [_OPENING.match(p) for p in kept[j1:j2]]
        remaining = {m[1].lower(): kept[j1 + k] for k, m in enumerate(after) if m}
        for piece in full[i1:i2]:
            if opening := _OPENING.match(piece):
                found += _removed(opening[1].lower(), piece, remaining.get(opening[1].lower()))
    return found or [Change("the sanitiser changes this page's HTML — write it in Markdown; see CONTRIBUTING.md", ())]


def _removed(tag: str, before: str, after: str | None) -> list[Change]:
    """What was removed of one opening tag: the element, or some of its attributes or of their values."""
    if after is None:
        return [Change(f"the HTML element <{tag}> is not allowed in a page — use Markdown; see CONTRIBUTING.md", (f"<{tag}",))]
    kept = dict(_ATTRIBUTE.findall(after))
    found = []
    for name, value in _ATTRIBUTE.findall(before):
        if kept.get(name) == value:
            continue
        needles = (f"{name}=", value[:40], name, f"<{tag}") if value else (name, f"<{tag}")
        if not _allowed(tag, name):
            found.append(Change(f"the attribute '{name}' is not allowed on <{tag}> — remove it", needles))
        elif tag == "img" and name == "src":
            message = "comes from another host — put the image under docs/ and link it by its path"
            found.append(Change(f"the image '{value[:60]}' {message}", needles))
        elif name in URL_ATTRIBUTES:
            message = "is not a plain link — link with https, mailto or a page path"
            found.append(Change(f"the address '{value[:60]}' ({name}) {message}", needles))
        else:
            dropped = " ".join(sorted(set(value.split()) - set(kept.get(name, "").split()))) or value
            found.append(Change(f'{name}="{dropped[:40]}" is reserved for the theme — choose another', needles))
    return found


def _allowed(tag: str, name: str) -> bool:
    """Whether CONTENT allows an attribute of this name on `tag` (its value may still be refused)."""
    names = CONTENT_ATTRIBUTES["*"] | CONTENT_ATTRIBUTES.get(tag, set())
    return name in names or name.startswith(tuple(PREFIXES))


def _keep_all(html: str) -> nh3.Cleaner:
    """A cleaner that keeps every element, attribute and address scheme `html` holds (comments
    go, as they do from what ships: they are no content)."""
    tags = {m.lower() for m in _OPENING.findall(html)} | CONTENT_TAGS
    names = {word.lower() for word in _WORD.findall(html)}  # every word that could name an attribute
    # an address's scheme as browsers read it: entities decoded, tabs and line breaks dropped
    schemes = {m.lower() for m in _SCHEME.findall(re.sub(r"[\t\n\r]", "", unescape(html)))} | LINK_SCHEMES
    return nh3.Cleaner(tags=tags, clean_content_tags=set(), attributes={"*": names}, url_schemes=schemes, link_rel=None)
