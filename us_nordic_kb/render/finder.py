"""The resource finder of the resource index: its filter form and each entry's facets.

The form is written into the page hidden, with real checkboxes, labels and a status line;
docs/resources/finder.js shows it and does the filtering. Without JavaScript the page lists
every entry. Facet values are slugs, so an entry carries them as space-separated data
attributes (`data-kind="programme" data-theme="resilience-and-trust"`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from us_nordic_kb.model.labels import KIND_LABELS, NOT_NAMED
from us_nordic_kb.model.registry import Entry, Registry

SCRIPT = "finder.js"  # beside the resource index page, so the same address works online and offline


@dataclass(frozen=True)
class Facet:
    """A group of checkboxes: its form name, its legend, and its options as (value, label)."""

    name: str
    legend: str
    options: list[tuple[str, str]]


def slug(text: str) -> str:
    """'United States' -> 'united-states'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def facets(registry: Registry) -> list[Facet]:
    """The finder's filters, with only the options that some entry has."""
    entries = list(registry.entries.values())
    kinds = [k for k in KIND_LABELS if any(e.kind == k for e in entries)]
    countries = sorted({e.country for e in entries}, key=lambda c: (c == NOT_NAMED, c))
    return [
        Facet("kind", "Kind", [(k, KIND_LABELS[k]) for k in kinds]),
        Facet("country", "Country or region", [(slug(c), c) for c in countries]),
        Facet("theme", "Key theme", [(t.id, f"{t.number}. {t.title}") for t in registry.topics_of("theme")]),
        Facet("step", "Next step", [(t.id, f"{t.number}. {t.title}") for t in registry.topics_of("next-step")]),
        Facet("recommended", "The report's resource list", [("yes", "Recommended for follow-up")]),
    ]


def entry_values(registry: Registry, entry: Entry) -> dict[str, list[str]]:
    """The facet values of an entry. Themes and next steps count whether the report names the
    entry there or the editors link it there; the entry itself says which."""
    topics = [t for t in entry.named_in + entry.editors_links if t in registry.topics]
    return {
        "kind": [entry.kind],
        "country": [slug(entry.country)],
        "theme": [t for t in topics if registry.topics[t].kind == "theme"],
        "step": [t for t in topics if registry.topics[t].kind == "next-step"],
        "recommended": ["yes"] if entry.recommended else [],
    }


def data_attributes(registry: Registry, entry: Entry) -> str:
    """The attributes of an entry's wrapper that the script filters on."""
    values = entry_values(registry, entry)
    return " ".join(["data-entry"] + [f'data-{name}="{html.escape(" ".join(v), quote=True)}"' for name, v in values.items()])


def form(registry: Registry) -> str:
    """The finder's form, hidden until its script (SCRIPT, loaded by the page's template) runs."""
    parts = [
        '<form class="finder" hidden aria-labelledby="finder-title">',
        '<p class="finder-title" id="finder-title"><strong>Filter the entries</strong></p>',
        '<p class="finder-help">Tick what you are looking for. Within a group, an entry needs '
        "one of the ticked options; across groups, it needs all of them. Themes and next steps "
        "include the editors' links. The numbers say how many entries each choice would show.</p>",
        '<div class="finder-facets">',
    ]
    for facet in facets(registry):
        parts.append(f'<fieldset class="finder-facet"><legend>{html.escape(facet.legend)}</legend>')
        for value, label in facet.options:
            parts.append(
                f'<label><input type="checkbox" name="{facet.name}" value="{html.escape(value, quote=True)}"> '
                f'{html.escape(label)} <span class="finder-count"></span></label>'
            )
        parts.append("</fieldset>")
    parts += [
        "</div>",
        '<p class="finder-status" role="status"></p>',
        '<button type="button" class="finder-clear md-button">Clear all filters</button>',
        "</form>",
    ]
    return "\n".join(parts)
