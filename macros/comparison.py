"""US and Nordic approaches side by side (docs/comparison.yml): load and check the rows, and
render them as a table in which every cell names its sources. A cell that the file leaves out
says "Not covered by the report" rather than being filled in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .data_files import Problem, RegistryError, parse, read
from .registry import Registry
from .render import cell_label, escape, link, reference
from .topic_page import OUTSIDE_SOURCES, known_sources

COMPARISON_PATH = "comparison.yml"  # relative to the docs folder
SIDES = {"us": "United States", "nordic": "Nordic countries", "both": "Both sides, or side not named"}
NOT_COVERED = "*Not covered by the report.*"


@dataclass(frozen=True)
class Cell:
    text: str
    sources: tuple[str, ...]
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    id: str
    question: str
    cells: dict[str, Cell]


def load(path: Path, registry: Registry, name: str) -> list[Row]:
    """The rows of the comparison file, or RegistryError naming each problem's line."""
    data, lines = parse(read(path, name), name)
    if not isinstance(data, list):
        raise RegistryError([Problem(name, 1, "comparison", "expected a list of rows, each starting with '- id:'")])
    known = known_sources(registry)
    problems: list[Problem] = []
    for i, row in enumerate(data):
        where = f"row '{row.get('id', f'#{i + 1}')}'" if isinstance(row, dict) else f"row #{i + 1}"
        line = lines.get((i,), 1)
        if not isinstance(row, dict) or not {"id", "question"} <= set(row) or not set(row) & set(SIDES):
            problems.append(Problem(name, line, where, f"needs id, question and at least one of: {', '.join(SIDES)}"))
            continue
        for key in sorted(set(row) - {"id", "question", *SIDES}):
            problems.append(
                Problem(
                    name,
                    lines.get((i, key), line),
                    f"{where}, field '{key}'",
                    f"unknown field — expected id, question, {', '.join(SIDES)}",
                )
            )
        for side in set(row) & set(SIDES):
            cell, at = row[side], lines.get((i, side), line)
            if not isinstance(cell, dict) or not cell.get("text") or not cell.get("sources"):
                problems.append(
                    Problem(
                        name,
                        at,
                        f"{where}, {side}",
                        "a cell needs text and sources — leave the cell out if the sources do not cover it",
                    )
                )
                continue
            for j, source in enumerate(cell["sources"]):
                if source not in known:
                    problems.append(
                        Problem(
                            name,
                            lines.get((i, side, "sources", j), at),
                            f"{where}, {side}, sources",
                            f"unknown part '{source}' — expected one of: {', '.join(known)}",
                        )
                    )
            for j, ref in enumerate(cell.get("refs", [])):
                if ref not in registry.entries:
                    problems.append(
                        Problem(
                            name,
                            lines.get((i, side, "refs", j), at),
                            f"{where}, {side}, refs",
                            f"no registry entry '{ref}' — use an id of docs/resources/registry.yml",
                        )
                    )
    if problems:
        raise RegistryError(problems)
    return [
        Row(
            r["id"],
            r["question"],
            {s: Cell(r[s]["text"], tuple(r[s]["sources"]), tuple(r[s].get("refs", ()))) for s in SIDES if s in r},
        )
        for r in data
    ]


def render(rows: list[Row], registry: Registry, from_page: str) -> str:
    """The comparison as a Markdown table: one row per question, one column per side."""
    table = ["| Question | " + " | ".join(SIDES.values()) + " |", "|---|---|---|---|"]
    named: set[str] = set()  # entries named so far: the first mention says what changed since the workshop
    for row in rows:
        cells = [cell_label(label) + _cell(row.cells.get(side), registry, from_page, named) for side, label in SIDES.items()]
        table.append(f"| **{escape(row.question)}** | " + " | ".join(cells) + " |")
    return "\n".join(['<div class="comparison stacked-table" markdown>', "", *table, "", "</div>", ""])


def _cell(cell: Cell | None, registry: Registry, from_page: str, named: set[str]) -> str:
    if cell is None:
        return NOT_COVERED
    parts = [registry.part_label(s) if s not in OUTSIDE_SOURCES else "the resource index's checked facts" for s in cell.sources]
    text = escape(" ".join(cell.text.split()))
    mentions = []
    for ref in cell.refs:
        mentions.append(reference(registry, ref, from_page, first_mention=ref not in named))
        named.add(ref)
    see = f" See: {'; '.join(mentions)}." if cell.refs else ""
    source_line = ", ".join(
        link(p, registry.topics[s].page, from_page) if s in registry.topics else escape(p)
        for s, p in zip(cell.sources, parts, strict=True)
    )
    return f"{text}{see}<br>*From: {source_line}.*"
