"""The registry's entries and topics as Markdown: the resource index, the related block of a
topic page, the topic cards, and references to an entry from any page.

The report's own connections (`named_in`) and our editors' links are always shown apart, and an
entry's dated status and unverified fields go with it wherever it is shown. Every text from the
registry is escaped (markup.py).
"""

from __future__ import annotations

import re

from us_nordic_kb.model.labels import (
    EVENT_PHRASES,
    KIND_LABELS,
    KIND_SINGULAR,
    LANGUAGES,
    TOPIC_LABELS,
    UNVERIFIED_LABELS,
    display_name,
    place,
    topic_label,
    unverified_name,
)
from us_nordic_kb.model.registry import Entry, Registry, Status, Topic
from us_nordic_kb.render.markup import SINCE_WORKSHOP, escape, format_date, link, title_link

INDEX_PAGE = "resources/index.md"
NO_OWNER = "Not applicable"  # the registry's owner of an event or a place


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


def after_workshop(registry: Registry, status: Status) -> bool | None:
    """Whether a status fact dates from after the workshop: True, False, or None where its date
    is a year or a month that holds the workshop, so the sources do not say which."""
    first = status.date + "-01-01"[len(status.date) - 4 :]
    last = status.date + "-12-31"[len(status.date) - 4 :]
    if first > registry.workshop.end:
        return True
    if last <= registry.workshop.end or len(status.date) == 10:
        return False
    return None


def _not_known(status: Status) -> str:
    """Why a date cannot be placed before or after the workshop."""
    return "month unknown" if len(status.date) == 4 else "day unknown"


def status_line(registry: Registry, status: Status) -> str:
    """e.g. 'Since the workshop (17 June 2024): its work passed to ... (source: ...).'"""
    after = after_workshop(registry, status)
    when = "Before or after the workshop" if after is None else "Since the workshop" if after else "Before the workshop"
    date = format_date(status.date) if after is not None else f"{format_date(status.date)}, {_not_known(status)}"
    source = f" (source: {escape(status.source)})" if status.source else ""
    return f"{when} ({date}): {escape(status.note)}{source}."


def since_note(registry: Registry, entry: Entry) -> str:
    """The short note that follows an entry's first mention on a page: what changed after the
    workshop (or in its year or month, when the sources cannot say which), when, and the source
    that says so. The entry on the resource index says more."""
    parts = []
    for after, opening in ((True, "since the workshop: "), (None, "before or after the workshop: ")):
        facts = [s for s in entry.status if after_workshop(registry, s) is after]
        if facts:
            parts.append(
                opening
                + "; ".join(
                    f"{EVENT_PHRASES[s.event]} {'on' if len(s.date) == 10 else 'in'} {format_date(s.date)}"
                    + (f" ({_not_known(s)})" if after is None else "")
                    + (f", source: {escape(s.source)}" if s.source else "")
                    for s in facts
                )
            )
    return f' <span class="{SINCE_WORKSHOP}">({"; ".join(parts)})</span>' if parts else ""


def reference(registry: Registry, item_id: str, from_page: str, text: str | None = None, first_mention: bool = False) -> str:
    """An inline link to a topic's page or to an entry on the resource index. An entry's first
    mention on a page carries what has changed since the workshop."""
    if item_id in registry.topics:
        topic = registry.topics[item_id]
        return link(text or topic.title, topic.page, from_page)
    if item_id in registry.entries:
        entry = registry.entries[item_id]
        note = since_note(registry, entry) if first_mention else ""
        return entry_link(entry, from_page, text) + note
    raise KeyError(item_id)


def entry_link(entry: Entry, from_page: str, text: str | None = None) -> str:
    """A link to an entry on the resource index, its name (or `text`) as the link's text; an
    unconfirmed name is said after the link, so that it is not part of the link's name."""
    name = text or entry.name
    return link(name, f"{INDEX_PAGE}#{entry.id}", from_page, marked(entry, name)) + unverified_name(entry)


def _entry_item(registry: Registry, entry: Entry, from_page: str) -> str:
    """One entry of a related block: name, kind and country, description, what changed since."""
    kind = escape(KIND_SINGULAR[entry.kind].lower())
    since = [status_line(registry, s) for s in entry.status if after_workshop(registry, s) is not False]
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
    first = [f"**{KIND_SINGULAR[entry.kind]}**"]
    if not entry.owner.startswith(NO_OWNER):  # an event or a place: no one runs it
        first.append(marked(entry, entry.owner))
    first.append(escape(place(entry)))
    if entry.year:
        first.append(f"Year: {entry.year}")
    facts = [" · ".join(first)]
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
