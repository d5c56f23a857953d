"""Render registry data as Markdown for the pages: the resource index, related blocks, references.

Every text that comes from the registry goes through `escape`, so a field cannot inject markup.
Internal links are written as relative links to `.md` files, so MkDocs resolves and validates them.
"""

from __future__ import annotations

import html
import posixpath
import re

from .registry import Entry, Registry, Topic

INDEX_PAGE = "resources/index.md"

# The resource index's groups, in the order a reader meets them; keys are the schema's kinds.
KIND_LABELS = {
    "publication": "Publications",
    "programme": "Programmes and models",
    "platform": "Platforms and tools",
    "network": "Networks and organisations",
    "government": "Government bodies and city departments",
    "law": "Laws",
    "group": "Groups, movements and units",
    "event": "Events",
    "place": "Places",
}
KIND_SINGULAR = {
    "publication": "Publication",
    "programme": "Programme or model",
    "platform": "Platform or tool",
    "network": "Network or organisation",
    "government": "Government body",
    "law": "Law",
    "group": "Group, movement or unit",
    "event": "Event",
    "place": "Place",
}
TOPIC_LABELS = {"theme": "Key theme", "next-step": "Next step"}

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # Python-Markdown's escapable characters


def escape(text: str) -> str:
    """Make registry text inert: HTML-escape it, then backslash-escape Markdown syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def link(text: str, target: str, from_page: str) -> str:
    """A Markdown link from the page `from_page` to `target` (both paths under docs/)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"[{escape(text)}]({relative}{'#' + anchor if anchor else ''})"


def topic_label(topic: Topic) -> str:
    """e.g. 'Key theme 2: Digital literacy against extremism'."""
    return f"{TOPIC_LABELS[topic.kind]} {topic.number}: {topic.title}"


def reference(registry: Registry, item_id: str, from_page: str, text: str | None = None) -> str:
    """An inline link to a topic's page or to an entry on the resource index."""
    if item_id in registry.topics:
        topic = registry.topics[item_id]
        return link(text or topic.title, topic.page, from_page)
    if item_id in registry.entries:
        entry = registry.entries[item_id]
        return link(text or entry.name, f"{INDEX_PAGE}#{entry.id}", from_page)
    raise KeyError(item_id)


def related_block(registry: Registry, topic: Topic, from_page: str) -> str:
    """The 'related' section of a theme or next-step page, computed from the registry."""
    other = "next-step" if topic.kind == "theme" else "theme"
    heading = "Next steps that build on this theme" if topic.kind == "theme" else "Key themes behind this next step"
    lines = ["## Related themes, next steps and resources {#related}", "", f"**{heading}**", ""]
    topics = registry.related_topics(topic.id)
    lines += [f"- {link(topic_label(t), t.page, from_page)}: {escape(t.summary)}" for t in topics if t.kind == other]
    if not topics:
        lines.append("- None recorded yet.")
    lines += ["", "**Programmes, resources and organisations**", ""]
    entries = registry.entries_for(topic.id)
    lines += [
        f"- {reference(registry, e.id, from_page)} ({escape(KIND_SINGULAR[e.kind].lower())}, {escape(e.country)}): {escape(e.description)}"
        for e in entries
    ]
    if not entries:
        lines.append("- None recorded yet.")
    return "\n".join(lines) + "\n"


def topic_cards(registry: Registry, kind: str, from_page: str) -> str:
    """Material grid cards, one per theme or next step, each with its one-line takeaway."""
    lines = ['<div class="grid cards" markdown>', ""]
    for topic in registry.topics_of(kind):
        lines += [f"-   **{link(f'{topic.number}. {topic.title}', topic.page, from_page)}**", "", f"    {escape(topic.summary)}", ""]
    return "\n".join(lines + ["</div>", ""])


def resource_index(registry: Registry, from_page: str = INDEX_PAGE) -> str:
    """Every registry entry, grouped by kind, with its facts and the topics it serves."""
    lines: list[str] = []
    for kind, label in KIND_LABELS.items():
        entries = [e for e in registry.entries.values() if e.kind == kind]
        if not entries:
            continue
        lines += [f"## {label} {{#kind-{kind}}}", ""]
        for entry in sorted(entries, key=lambda e: e.name.lower()):
            lines += _index_entry(registry, entry, from_page)
    return "\n".join(lines)


def _index_entry(registry: Registry, entry: Entry, from_page: str) -> list[str]:
    facts = [f"**{KIND_SINGULAR[entry.kind]}** · {escape(entry.owner)} · {escape(entry.country)}"]
    if entry.year:
        facts[0] += f" · {entry.year}"
    if entry.recommended:
        facts.append("**Recommended** in the report's own resource list as follow-up reading")
    if entry.also_known_as:
        facts.append("Also known as: " + "; ".join(escape(a) for a in entry.also_known_as))
    if entry.url:
        address = html.escape(entry.url, quote=True)
        facts.append(f'Official page: <a class="url" href="{address}">{address}</a>')
    else:
        facts.append("Official page: none linked")
    if entry.url_note:
        facts.append(f"Note on the link: {escape(entry.url_note)}")
    topics = [registry.topics[t] for t in entry.themes + entry.next_steps]
    if topics:
        facts.append("Serves: " + "; ".join(link(topic_label(t), t.page, from_page) for t in topics))
    return [f"### {escape(entry.name)} {{#{entry.id}}}", "", escape(entry.description), ""] + [f"- {f}" for f in facts] + [""]

