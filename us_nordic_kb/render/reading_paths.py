"""A reading path: the sections of the theme and next-step pages tagged for a role, each with the
editors' line on why it matters to that role, grouped under their topic."""

from __future__ import annotations

from us_nordic_kb.model.labels import topic_label
from us_nordic_kb.model.registry import Registry
from us_nordic_kb.model.roles import Role, Stop
from us_nordic_kb.render.markup import escape, title_link


def reading_path_markdown(role: Role, role_stops: list[Stop], registry: Registry, from_page: str) -> str:
    """The body of a role's reading path: its stops, grouped under their theme or next step."""
    lines: list[str] = []
    current = None
    for stop in role_stops:
        topic = registry.topics[stop.topic]
        if stop.topic != current:
            lines += ["", f"## {escape(topic_label(topic))}", ""]
            current = stop.topic
        lines.append(f"- {title_link(stop.heading, f'{topic.page}#{stop.section}', from_page)}: {escape(stop.why)}")
    if not role_stops:
        lines.append("No section is tagged for this role yet.")
    return "\n".join(lines).lstrip("\n") + "\n"
