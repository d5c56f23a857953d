"""Render registry data as Markdown for the pages: the resource index, related blocks, references.

The Markdown around the data is ours; every text that comes from a data file goes through
`escape`, which leaves no character of it that Markdown or HTML could read as syntax, so data
reaches the page's HTML as text only, whatever it holds.
Internal links are written as relative links to `.md` files, so MkDocs resolves and validates them.
The report's own connections (`named_in`) and our editors' links are always shown apart, and an
entry's dated status and unverified fields go with it wherever it is shown.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re

from . import history
from .registry import Entry, Registry, Status, Topic

INDEX_PAGE = "resources/index.md"
CHANGELOG = "changelog"  # the class of the Changes page's log
NOT_NAMED = "Not named"  # an entry's `country` where the report does not say where
SINCE_WORKSHOP = "since-workshop"  # the class of the note on what changed since the workshop (small print, not prose)

# The resource index's groups, in the order a reader meets them; keys are the schema's kinds.
KIND_LABELS = {
    "publication": "Publications",
    "programme": "Programmes and models",
    "platform": "Platforms and tools",
    "practice": "Practices described in the report",
    "network": "Networks and organisations",
    "government": "Government bodies and city departments",
    "law": "Laws",
    "group": "Groups, movements and units",
    "person": "People",
    "event": "Events",
    "place": "Places",
}
KIND_SINGULAR = {
    "publication": "Publication",
    "programme": "Programme or model",
    "platform": "Platform or tool",
    "practice": "Practice",
    "network": "Network or organisation",
    "government": "Government body",
    "law": "Law",
    "group": "Group, movement or unit",
    "person": "Person",
    "event": "Event",
    "place": "Place",
}
TOPIC_LABELS = {"theme": "Key theme", "next-step": "Next step"}
LANGUAGES = {"da": "Danish", "fi": "Finnish", "nb": "Norwegian (Bokmål)", "sv": "Swedish"}
EVENT_PHRASES = {
    "succeeded": "a successor launched",
    "ended": "ended",
    "period-ended": "the period in its title ended",
    "dissolved": "dissolved",
    "left-office": "left office",
    "followed-up": "followed by a further publication",
    "disbanded": "disbanded",
    "relaunched": "relaunched",
}
UNVERIFIED_LABELS = {"name": "its name", "owner": "who runs or publishes it", "year": "its year", "description": "what it is"}

# Markdown's and HTML's syntax is made of these: every ASCII character but letters, digits and space.
_SYNTAX = re.compile(r"[!-/:-@\[-`{-~]")
# What a link's target may be: a page path under docs/ (as make check allows page names), and an
# anchor of lower-case words, digits and hyphens.
ANCHOR = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TARGET = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*\.md(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n][\s]*")


def escape(text: object) -> str:
    """Data text made inert where generated Markdown puts it, as text or as an attribute's value
    (an address included): line breaks become spaces, and each ASCII punctuation character a
    numeric character reference (`&#91;` for `[`), which Markdown passes through as it is and the
    sanitiser turns back into the character. No syntax can be formed from what is left."""
    flat = _LINE_BREAKS.sub(" ", str(text)).strip(" \t")
    return _SYNTAX.sub(lambda match: f"&#{ord(match[0])};", flat)


def link(text: str, target: str, from_page: str, markup: str | None = None) -> str:
    """A Markdown link from the page `from_page` to `target` (both paths under docs/), with
    `text` escaped, or with `markup` that is already safe. A target that is not a plain page path
    (TARGET) is refused: it is written into the Markdown as it is."""
    if not TARGET.fullmatch(target):
        raise ValueError(f"not a page path of the site: {target[:80]!r} — expected e.g. themes/digital-literacy.md#section")
    path, _, anchor = target.partition("#")
    relative = _relative(path, posixpath.dirname(from_page) or ".")
    return f"[{markup if markup is not None else escape(text)}]({relative}{'#' + anchor if anchor else ''})"


@functools.lru_cache(maxsize=4096)
def _relative(path: str, folder: str) -> str:
    """`path` relative to `folder` (a page links the same few pages many times over)."""
    return posixpath.relpath(path, folder)


def cell_label(column: str) -> str:
    """A table cell's column heading, for the start of the cell: shown only where the table is
    laid out one row per block (a phone; `stacked-table` in extra.css), where no heading is above it."""
    return f'<span class="cell-label">{escape(column)}: </span>'


def title_link(text: str, target: str, from_page: str) -> str:
    """A link whose text is the title of the page or section it leads to, marked as such: like a
    heading, a title is not prose, and `make check` leaves it out of a sentence's length."""
    return link(text, target, from_page) + "{ .title-link }"


def topic_label(topic: Topic) -> str:
    """e.g. 'Key theme 2: Digital literacy against extremism'."""
    return f"{TOPIC_LABELS[topic.kind]} {topic.number}: {topic.title}"


def place(entry: Entry) -> str:
    """Where an entry is, as a reader should read it: the registry writes NOT_NAMED where the report does not say."""
    return "place not named in the report" if entry.country == NOT_NAMED else entry.country


def display_name(entry: Entry, text: str | None = None) -> str:
    """The entry's name (or the `text` a page gives it), marked when no official source confirmed it."""
    return (text or entry.name) + (" (name not verified)" if "name" in entry.unverified else "")


def marked(entry: Entry, text: str) -> str:
    """`text` escaped, with each of the entry's names in another language marked with its
    language, so that screen readers pronounce it and translation tools leave it alone."""
    escaped = escape(text)
    for native in entry.native_names:
        pattern = re.compile(rf"(?<![\w>]){re.escape(escape(native.name))}(?![\w<])")

        def in_language(match: re.Match[str], lang: str = native.lang) -> str:
            """The matched name, marked as being in `lang`."""
            return f'<span lang="{lang}">{match.group(0)}</span>'

        escaped = pattern.sub(in_language, escaped)
    return escaped


def full_description(entry: Entry) -> str:
    """The description, followed by what could not be verified."""
    if not entry.unverified:
        return entry.description
    fields = [UNVERIFIED_LABELS[f] for f in entry.unverified]
    listed = fields[0] if len(fields) == 1 else ", ".join(fields[:-1]) + " and " + fields[-1]
    return f"{entry.description} Not confirmed by an official source: {listed}."


def format_date(date: str) -> str:
    """'2024-06-17' -> '17 June 2024', '2024-06' -> 'June 2024', '2023' -> '2023'."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return date
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return f"{day.day} {day:%B %Y}" if len(parts) == 3 else f"{day:%B %Y}"


def after_workshop(registry: Registry, status: Status) -> bool:
    """Whether a status fact dates from after the workshop; a date given as a year or a month
    counts as the end of that year or month."""
    return (status.date + "-12-31"[len(status.date) - 4 :]) > registry.workshop.end


def status_line(registry: Registry, status: Status) -> str:
    """e.g. 'Since the workshop (17 June 2024): its work passed to ... (source: ...).'"""
    when = "Since the workshop" if after_workshop(registry, status) else "Before the workshop"
    source = f" (source: {escape(status.source)})" if status.source else ""
    return f"{when} ({format_date(status.date)}): {escape(status.note)}{source}."


def since_note(registry: Registry, entry: Entry) -> str:
    """The short note that follows an entry's first mention on a page: what changed after the
    workshop, when, and the source that says so. The entry on the resource index says more."""
    later = [s for s in entry.status if after_workshop(registry, s)]
    if not later:
        return ""
    notes = "; ".join(
        f"{EVENT_PHRASES[s.event]} {'on' if len(s.date) == 10 else 'in'} {format_date(s.date)}"
        + (f", source: {escape(s.source)}" if s.source else "")
        for s in later
    )
    return f' <span class="{SINCE_WORKSHOP}">(since the workshop: {notes})</span>'


def reference(registry: Registry, item_id: str, from_page: str, text: str | None = None, first_mention: bool = False) -> str:
    """An inline link to a topic's page or to an entry on the resource index. An entry's first
    mention on a page carries what has changed since the workshop."""
    if item_id in registry.topics:
        topic = registry.topics[item_id]
        return link(text or topic.title, topic.page, from_page)
    if item_id in registry.entries:
        entry = registry.entries[item_id]
        note = since_note(registry, entry) if first_mention else ""
        name = display_name(entry, text)
        return link(name, f"{INDEX_PAGE}#{entry.id}", from_page, marked(entry, name)) + note
    raise KeyError(item_id)


def _entry_item(registry: Registry, entry: Entry, from_page: str) -> str:
    """One entry of a related block: name, kind and country, description, what changed since."""
    kind = escape(KIND_SINGULAR[entry.kind].lower())
    since = [status_line(registry, s) for s in entry.status if after_workshop(registry, s)]
    return " ".join(
        [
            f"- {reference(registry, entry.id, from_page)} ({kind}, {escape(place(entry))}).",
            marked(entry, full_description(entry)),
        ]
        + since
    )


def related_block(registry: Registry, topic: Topic, from_page: str) -> str:
    """The 'related' section of a theme or next-step page: first what the report itself names
    under the topic, then the editors' links, labelled as ours."""
    label = TOPIC_LABELS[topic.kind].lower()
    lines = ["## Related themes, next steps and resources { #related }", "", f"**Named in the report under this {label}**", ""]
    named = registry.entries_named_under(topic.id)
    lines += [_entry_item(registry, e, from_page) for e in named] or ["- The report names no programme or resource here."]
    lines += [
        "",
        "**Editors' links**",
        "",
        "These connections are ours, not the report's: the report does not link its themes and next "
        "steps to each other, nor these resources to this part of it.",
        "",
    ]
    other = "next-step" if topic.kind == "theme" else "theme"
    topics = [t for t in registry.related_topics(topic.id) if t.kind == other]
    lines += [f"- {title_link(topic_label(t), t.page, from_page)}: {escape(t.summary)}" for t in topics]
    lines += [_entry_item(registry, e, from_page) for e in registry.entries_linked_by_editors(topic.id)]
    if len(lines) == lines.index("**Editors' links**") + 4:
        lines.append("- None yet.")
    return "\n".join(lines) + "\n"


def changes(groups, page_for: dict[str, tuple[str, str]], from_page: str) -> str:
    """The Changes page's log: month by month, each change with its date, summary, the pages it
    touched and the other files. `page_for` maps a file under docs/ to (the page showing it, its
    title); files no page shows (a stylesheet, a script) are named as they are."""
    if not groups:
        return "No history is available: this copy was built outside its git repository.\n"
    lines = [f'<div class="{CHANGELOG}" markdown>', ""]
    for month, commits in groups:
        lines += [f"## {month}", ""]
        for commit in commits:
            touched = history.touched(commit, page_for)
            shown = [link(name, page, from_page) for page, name in touched if page]
            files = [f"<code>{escape(name)}</code>" for page, name in touched if not page]
            lines.append(
                f'- <span id="change-{commit.sha[:10]}"></span>**{commit.when.day} {commit.when:%B %Y}**: '
                f"{escape(_sentence(commit.summary))} {history.described(shown, files)}".rstrip()
            )
        lines.append("")
    return "\n".join(lines + ["</div>", ""])


def _sentence(text: str) -> str:
    """`text` ending as a sentence does, so that what follows it does not run on from it."""
    return text if text.endswith((".", "!", "?")) else text + "."


def topic_cards(registry: Registry, kind: str, from_page: str) -> str:
    """Material grid cards, one per theme or next step, each with its one-line takeaway."""
    lines = ['<div class="grid cards" markdown>', ""]
    for topic in registry.topics_of(kind):
        lines += [
            f"-   **{link(f'{topic.number}. {topic.title}', topic.page, from_page)}**",
            "",
            f"    {escape(topic.summary)}",
            "",
        ]
    return "\n".join(lines + ["</div>", ""])


def resource_index(registry: Registry, from_page: str = INDEX_PAGE, attributes=lambda entry: "") -> str:
    """Every registry entry, grouped by kind, with its facts and where the report names it.
    Each group and entry is wrapped in a block whose `attributes(entry)` a finder can use."""
    lines: list[str] = []
    for kind, label in KIND_LABELS.items():
        entries = [e for e in registry.entries.values() if e.kind == kind]
        if not entries:
            continue
        lines += ['<div class="index-group" data-group markdown>', "", f"## {label} {{ #kind-{kind} }}", ""]
        for entry in sorted(entries, key=lambda e: e.name.lower()):
            lines += [f'<div class="index-entry" {attributes(entry)} markdown>', ""]
            lines += _index_entry(registry, entry, from_page) + ["</div>", ""]
        lines += ["</div>", ""]
    return "\n".join(lines)


def _index_entry(registry: Registry, entry: Entry, from_page: str) -> list[str]:
    facts = [f"**{KIND_SINGULAR[entry.kind]}** · {marked(entry, entry.owner)} · {escape(place(entry))}"]
    if entry.year:
        facts[0] += f" · {entry.year}"
    if entry.recommended:
        facts.append("**Recommended** in the report's own resource list as useful follow-up")
    parts = [
        title_link(registry.part_label(p), registry.topics[p].page, from_page)
        if p in registry.topics
        else escape(registry.part_label(p))
        for p in entry.named_in
    ]
    facts.append("Named in the report: " + "; ".join(parts))
    if entry.editors_links:
        links = [title_link(topic_label(registry.topics[t]), registry.topics[t].page, from_page) for t in entry.editors_links]
        facts.append("Editors' links (ours, not the report's): " + "; ".join(links))
    facts += [status_line(registry, s) for s in entry.status]
    if entry.also_known_as:
        facts.append("Also known as: " + "; ".join(escape(a) for a in entry.also_known_as))
    if entry.native_names:
        facts.append(
            "In other languages: "
            + "; ".join(
                f'<span lang="{n.lang}">{escape(n.name)}</span> ({LANGUAGES.get(n.lang, n.lang)})' for n in entry.native_names
            )
        )
    if entry.url:
        address = escape(entry.url)
        facts.append(f'Official page: <a class="url" href="{address}">{address}</a>')
    else:
        facts.append(f"Official page: none confirmed (checked {format_date(registry.workshop.checked)})")
    if entry.url_note:
        facts.append(f"Note on the link: {escape(entry.url_note)}")
    return (
        [f"### {marked(entry, display_name(entry))} {{ #{entry.id} }}", "", marked(entry, full_description(entry)), ""]
        + [f"- {f}" for f in facts]
        + [""]
    )
