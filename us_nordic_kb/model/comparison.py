"""US and Nordic approaches side by side (docs/comparison.yml): load and check the rows, and
render them as a table in which every cell names its sources. A cell that the file leaves out
says "Not covered by the report" rather than being filled in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from us_nordic_kb.model.data_files import DataFileError, Problem, parse, read
from us_nordic_kb.model.labels import known_sources
from us_nordic_kb.model.registry import Registry

COMPARISON_PATH = "comparison.yml"  # relative to the docs folder
SIDES = {"us": "United States", "nordic": "Nordic countries", "both": "Both sides, or side not named"}


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
    """The rows of the comparison file, or DataFileError naming each problem's line."""
    data, lines = parse(read(path, name), name)
    if not isinstance(data, list):
        raise DataFileError([Problem(name, 1, "comparison", "expected a list of rows, each starting with '- id:'")])
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
        raise DataFileError(problems)
    return [
        Row(
            r["id"],
            r["question"],
            {s: Cell(r[s]["text"], tuple(r[s]["sources"]), tuple(r[s].get("refs", ()))) for s in SIDES if s in r},
        )
        for r in data
    ]
