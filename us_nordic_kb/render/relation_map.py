"""The relationship map: themes, next steps and registry entries, and how they connect, drawn
as an SVG when the site is built (no JavaScript needed to see it), with every node a link.

Layout: the report's topics in one column on the left (themes, then next steps), entries in a
column on the right, each beside the topics it belongs to. A solid line joins an entry to a
topic under which the report names it; a dashed line is an editors' link; the dotted arcs on
the left join themes and next steps, links that are the editors' too. Lines differ by pattern,
not only by colour, so the map reads in black and white. `relationship_list` gives the same
relations as text.
"""

from __future__ import annotations

import html

from us_nordic_kb.model.labels import TOPIC_LABELS, display_name, topic_label
from us_nordic_kb.model.pages import relative_address
from us_nordic_kb.model.registry import Entry, Registry, Topic
from us_nordic_kb.render.entries import INDEX_PAGE, reference
from us_nordic_kb.render.markup import title_link

ROW = 28  # height of one entry row
TOPIC_X, TOPIC_W = 80, 250  # the topics' column (the arcs run in the space to its left)
ENTRY_X, ENTRY_W = 450, 270  # the entries' column
WIDTH = ENTRY_X + ENTRY_W + 10
BOX_H, TOPIC_H = 22, 40  # an entry's box, a topic's box (two lines)
CHARS = 36  # longer labels are cut, in full in their tooltip and in the list


def connected_entries(registry: Registry) -> list[Entry]:
    """Entries with at least one topic, ordered by the first topic they belong to."""
    order = {t.id: i for i, t in enumerate(_topics(registry))}
    entries = [e for e in registry.entries.values() if _links(registry, e)]
    return sorted(entries, key=lambda e: (min(order[t] for t, _ in _links(registry, e)), e.name.lower()))


def svg(registry: Registry, from_page: str, directory_urls: bool) -> str:
    """The map as an inline SVG element."""
    topics = _topics(registry)
    entries = connected_entries(registry)
    height = max(len(entries), len(topics)) * ROW + 60
    topic_gap = (height - 60) / len(topics)
    topic_y = {t.id: 40 + i * topic_gap + topic_gap / 2 for i, t in enumerate(topics)}
    entry_y = {e.id: 40 + i * ROW + ROW / 2 for i, e in enumerate(entries)}
    parts = [
        f'<svg class="relation-map" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        'role="group" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="map-title">How the themes, next steps and resources connect</title>',
        f'<text class="map-column" x="{TOPIC_X}" y="20">Themes and next steps</text>',
        f'<text class="map-column" x="{ENTRY_X}" y="20">Programmes, resources and practices</text>',
    ]
    for theme in registry.topics_of("theme"):
        for step in registry.related_topics(theme.id):
            y1, y2 = topic_y[theme.id], topic_y[step.id]
            bend = TOPIC_X - 30 - abs(y2 - y1) * 0.12
            parts.append(
                f'<path class="map-edge map-edge--topics" d="M {TOPIC_X} {y1:.0f} C {bend:.0f} {y1:.0f}, {bend:.0f} {y2:.0f}, '
                f'{TOPIC_X} {y2:.0f}"/>'
            )
    for entry in entries:
        for topic_id, named in _links(registry, entry):
            kind = "report" if named else "editors"
            parts.append(
                f'<line class="map-edge map-edge--{kind}" x1="{TOPIC_X + TOPIC_W}" y1="{topic_y[topic_id]:.0f}" '
                f'x2="{ENTRY_X}" y2="{entry_y[entry.id]:.0f}"/>'
            )
    for topic in topics:
        lines = [f"{TOPIC_LABELS[topic.kind]} {topic.number}", topic.title]
        parts.append(
            _node(
                relative_address(topic.page, from_page, directory_urls),
                TOPIC_X,
                topic_y[topic.id],
                TOPIC_W,
                TOPIC_H,
                lines,
                f"map-node--{topic.kind}",
            )
        )
    for entry in entries:
        url = relative_address(f"{INDEX_PAGE}#{entry.id}", from_page, directory_urls)
        parts.append(_node(url, ENTRY_X, entry_y[entry.id], ENTRY_W, BOX_H, [display_name(entry)], "map-node--entry"))
    parts.append("</svg>")
    return "\n".join(parts)


def relationship_list(registry: Registry, from_page: str) -> str:
    """The same relations as the map, as Markdown: for each topic, what the report names under
    it, the editors' links, and the topics of the other kind that the editors relate to it. Each
    name is an item of its own, so a topic with many entries makes a longer list, never a longer
    sentence."""
    lines = []
    for topic in _topics(registry):
        named = registry.entries_named_under(topic.id)
        editors = registry.entries_linked_by_editors(topic.id)
        other = [title_link(topic_label(t), t.page, from_page) for t in registry.related_topics(topic.id)]
        lines.append(f"- **{title_link(topic_label(topic), topic.page, from_page)}**")
        lines += _items("Named in the report", [reference(registry, e.id, from_page) for e in named])
        lines += _items("Editors' links to resources", [reference(registry, e.id, from_page) for e in editors])
        lines += _items("Editors' links to " + ("next steps" if topic.kind == "theme" else "themes"), other)
    return "\n".join(lines) + "\n"


def _items(label: str, names: list[str]) -> list[str]:
    """A labelled item of the list with one item per name under it, or 'none'."""
    return [f"    - {label}:"] + [f"        - {name}" for name in names] if names else [f"    - {label}: none."]


def _topics(registry: Registry) -> list[Topic]:
    return registry.topics_of("theme") + registry.topics_of("next-step")


def _links(registry: Registry, entry: Entry) -> list[tuple[str, bool]]:
    """(topic id, named in the report) for each topic the entry belongs to."""
    return [(t, True) for t in entry.named_in if t in registry.topics] + [(t, False) for t in entry.editors_links]


def _node(url: str, x: float, y: float, width: float, height: float, lines: list[str], kind: str) -> str:
    """A linked box with one or two lines of text, centred on y; its full label in a tooltip."""
    first = y - (len(lines) - 1) * 7 + 4
    texts = "".join(
        f'<text x="{x + 8}" y="{first + i * 14:.0f}">{html.escape(_cut(line))}</text>' for i, line in enumerate(lines)
    )
    return (
        f'<a class="map-node {kind}" href="{html.escape(url, quote=True)}">'
        f"<title>{html.escape(': '.join(lines))}</title>"
        f'<rect x="{x}" y="{y - height / 2:.0f}" width="{width}" height="{height}" rx="4"/>{texts}</a>'
    )


def _cut(text: str) -> str:
    return text if len(text) <= CHARS else text[: CHARS - 1].rstrip() + "…"
