"""The registry as data files for reuse: JSON (the registry itself, valid against its JSON
Schema) and CSV (one row per entry, for spreadsheets).

CSV columns, in order (lists are separated by "; ", which no value contains):
id, kind, name, description, owner, country, year, url, url_note, recommended (yes/no),
named_in, editors_links, also_known_as, native_names ("name (lang)"), unverified,
status (a JSON list of {event, date, note, source}, as in the registry).

A cell that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a carriage
return) starts with an apostrophe instead, as OWASP recommends against CSV injection; so does a
cell that starts with an apostrophe, so that reading the file back removes exactly one.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields

from us_nordic_kb.model.registry import ENTRY_FIELDS, Entry, NativeName, Registry, Status, Workshop
from us_nordic_kb.render.markup import escape

# The CSV's columns: an entry's fields, with `recommended` (derived from named_in) after url_note.
COLUMNS = [
    *ENTRY_FIELDS[: ENTRY_FIELDS.index("url_note") + 1],
    "recommended",
    *ENTRY_FIELDS[ENTRY_FIELDS.index("url_note") + 1 :],
]
# What the downloads page says of the derived column (the others' texts are the JSON Schema's).
DERIVED = {"recommended": "yes if the report's own resource list recommends it, else no."}
SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


SCHEMA_TYPES = {
    "publication": "CreativeWork",
    "network": "Organization",
    "government": "GovernmentOrganization",
    "law": "Legislation",
    "person": "Person",
    "event": "Event",
    "place": "Place",
}


def based_on(workshop: Workshop) -> dict:
    """The report as schema.org data, for every page's JSON-LD `isBasedOn` (overrides/main.html)."""
    report = workshop.report
    if report is None:
        return {}
    return {
        "@type": "Report",
        "name": workshop.title,
        "publisher": {"@type": "Organization", "name": report.publisher, "url": report.publisher_url},
        "datePublished": report.published,
        "url": report.url,
        "about": {
            "@type": "Event",
            "name": report.event,
            "startDate": workshop.start,
            "endDate": workshop.end,
            "location": {"@type": "Place", "name": workshop.place},
        },
    }


def item_list(registry: Registry, page_url: str) -> dict:
    """The resource index as schema.org data (the page's template writes it as JSON-LD): an
    ItemList of every entry, with its official address where there is one. `page_url` is the
    index's own address."""
    items = []
    for position, entry in enumerate(registry.entries.values(), start=1):
        item = {
            "@type": SCHEMA_TYPES.get(entry.kind, "Thing"),
            "@id": f"{page_url}#{entry.id}",
            "name": entry.name,
            "description": entry.description,
        }
        if entry.url:
            item["url"] = entry.url
        items.append({"@type": "ListItem", "position": position, "item": item})
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Resource index",
        "url": page_url,
        "numberOfItems": len(items),
        "itemListElement": items,
    }


def to_json(data: dict) -> str:
    """The registry's data (as parsed from its YAML file) as JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(registry: Registry) -> str:
    """One row per entry, with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in registry.entries.values():
        writer.writerow({name: spreadsheet_safe(cell) for name, cell in row(entry).items()})
    return out.getvalue()


def spreadsheet_safe(cell: str) -> str:
    """`cell` as a spreadsheet shows it as text, never as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def from_spreadsheet(cell: str) -> str:
    """The inverse of `spreadsheet_safe`."""
    return cell[1:] if cell.startswith("'") else cell


def row(entry: Entry) -> dict[str, str]:
    """An entry as CSV cells, one per column."""
    return {name: cell(entry.recommended if name == "recommended" else getattr(entry, name)) for name in COLUMNS}


def cell(value: object) -> str:
    """A field's value as CSV text: lists joined by SEPARATOR, a name in another language as
    'name (lang)', status facts as a JSON list, yes or no, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple) and value and isinstance(value[0], Status):
        return json.dumps([{k: v for k, v in vars(s).items() if v is not None} for s in value], ensure_ascii=False)
    if isinstance(value, tuple):
        return SEPARATOR.join(f"{v.name} ({v.lang})" if isinstance(v, NativeName) else str(v) for v in value)
    return str(value)


def from_row(cells: dict[str, str]) -> Entry:
    """An entry back from its CSV cells as `to_csv` writes them (the inverse of `row`)."""
    cells = {name: from_spreadsheet(value) for name, value in cells.items()}
    values: dict[str, object] = {}
    for field in fields(Entry):
        text = cells[field.name]
        if field.name == "status":
            values["status"] = tuple(Status(**s) for s in json.loads(text or "[]"))
        elif field.name == "native_names":
            names = text.split(SEPARATOR) if text else []
            values["native_names"] = tuple(NativeName(n[: n.rindex(" (")], n[n.rindex(" (") + 2 : -1]) for n in names)
        elif field.name == "year":
            values["year"] = int(text) if text else None
        elif "tuple" in str(field.type):  # a list
            values[field.name] = tuple(text.split(SEPARATOR)) if text else ()
        else:
            values[field.name] = text or (None if "None" in str(field.type) else "")
    return Entry(**values)  # type: ignore[arg-type]


def column_table(schema: dict) -> str:
    """The downloads page's table of the CSV's columns, each with the JSON Schema's text for it."""
    properties = schema["$defs"]["entry"]["properties"]
    rows = ["| Column | What it holds |", "|---|---|"]
    rows += [f"| `{name}` | {escape(DERIVED.get(name) or properties[name]['description'])} |" for name in COLUMNS]
    return "\n".join(rows) + "\n"
