"""The table of practice examples: the programmes, models, platforms and practice examples that
the registry records, with where the report discusses each. A script beside the
page (docs/practices/sortable-table.js) lets readers sort it; without it, it is sorted by name."""

from __future__ import annotations

from us_nordic_kb.model.labels import place
from us_nordic_kb.model.registry import Registry
from us_nordic_kb.render.entries import entry_link, full_description, marked, since_note
from us_nordic_kb.render.markup import cell_label, escape, link

KINDS = ("programme", "platform", "practice")
SCRIPT = "sortable-table.js"  # beside the page, so the same address works online and offline
HEADINGS = ["Practice", "Place", "Who runs it", "What it is for", "Where the report discusses it", "Official page"]


def practice_table(registry: Registry, from_page: str) -> str:
    """A Markdown table of the practice examples; SCRIPT, loaded by the page's template, makes it sortable."""
    rows = ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    for entry in sorted((e for e in registry.entries.values() if e.kind in KINDS), key=lambda e: e.name.lower()):
        parts = "; ".join(
            link(registry.part_label(p), registry.topics[p].page, from_page)
            if p in registry.topics
            else escape(registry.part_label(p))
            for p in entry.named_in
        )
        page = f'<a class="url" href="{escape(entry.url)}">Official page</a>' if entry.url else "No official page confirmed"
        cells = [
            entry_link(entry, from_page) + since_note(registry, entry),
            escape(place(entry)),
            marked(entry, entry.owner),
            marked(entry, full_description(entry)),
            parts,
        ]
        labelled = [cells[0]] + [cell_label(heading) + cell for heading, cell in zip(HEADINGS[1:], cells[1:], strict=False)]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in [*labelled, page]) + " |")
    return "\n".join(['<div class="sortable stacked-table" markdown>', "", *rows, "", "</div>", ""])
