"""Reading paths by role: for each role in docs/roles.yml, the sections of the theme and
next-step pages that concern it, each with one line on why.

A topic page tags its sections in its front matter; one edit there updates every path:

    roles:
      joint-teams-built-around-each-case:
        police: Police sit on the teams that the report's two examples bring together.

The path pages call `{{ reading_path("police") }}`. Plain Python: pages are read from disk, so
any engine that runs the macros builds the same paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from us_nordic_kb.model.data_files import DataFileError, Problem, parse, read
from us_nordic_kb.model.pages import sections, split
from us_nordic_kb.model.registry import Registry

ROLES_PATH = "roles.yml"  # relative to the docs folder


@dataclass(frozen=True)
class Role:
    """A kind of reader, the page of its path (whose heading is the path's title) and who it is for."""

    id: str
    page: str
    who: str


@dataclass(frozen=True)
class Stop:
    """A section on a role's reading path, and why it matters to that role."""

    topic: str
    section: str
    heading: str
    why: str


def load_roles(path: Path, docs_dir: Path, name: str) -> list[Role]:
    """The roles, or DataFileError naming each problem's line."""
    data, lines = parse(read(path, name), name)
    if not isinstance(data, list):
        raise DataFileError([Problem(name, 1, "roles", "expected a list of roles, each starting with '- id:'")])
    problems: list[Problem] = []
    for i, role in enumerate(data):
        line = lines.get((i,), 1)
        if not isinstance(role, dict) or set(role) != {"id", "page", "who"}:
            problems.append(Problem(name, line, f"role #{i + 1}", "needs exactly: id, page, who"))
        elif not (docs_dir / role["page"]).is_file():
            problems.append(
                Problem(
                    name,
                    lines.get((i, "page"), line),
                    f"role '{role['id']}', field 'page'",
                    f"no such page: {role['page']} — create it or correct the path",
                )
            )
    if problems:
        raise DataFileError(problems)
    return [Role(**r) for r in data]


def stops(docs_dir: Path, registry: Registry) -> dict[str, list[Stop]]:
    """Role id -> the tagged sections of every topic page, in the report's order."""
    found: dict[str, list[Stop]] = {}
    for topic in registry.topics_of("theme") + registry.topics_of("next-step"):
        text = (docs_dir / topic.page).read_text(encoding="utf-8")
        tags = split(text).meta.get("roles") or {}
        for _, section, heading in sections(text):
            for role, why in (tags.get(section) or {}).items():
                found.setdefault(role, []).append(Stop(topic.id, section, heading, " ".join(str(why).split())))
    return found
