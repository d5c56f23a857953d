"""US and Nordic approaches side by side (docs/comparison.yml), as a table in which every cell
names its sources. A cell that the file leaves out says so rather than being filled in."""

from __future__ import annotations

from us_nordic_kb.model.comparison import SIDES, Cell, Row
from us_nordic_kb.model.labels import OUTSIDE_SOURCES
from us_nordic_kb.model.registry import Registry
from us_nordic_kb.render.entries import reference
from us_nordic_kb.render.markup import cell_label, escape, link

NOT_COVERED = "*Not covered by the report.*"


def comparison_markdown(rows: list[Row], registry: Registry, from_page: str) -> str:
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
