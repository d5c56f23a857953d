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

from .registry import Entry, NativeName, Registry, Status

COLUMNS = [
    "id",
    "kind",
    "name",
    "description",
    "owner",
    "country",
    "year",
    "url",
    "url_note",
    "recommended",
    "named_in",
    "editors_links",
    "also_known_as",
    "native_names",
    "unverified",
    "status",
]
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


def item_list(registry: Registry, page_url: str) -> str:
    """The resource index as schema.org JSON-LD: an ItemList of every entry, with its official
    address where there is one. `page_url` is the index's own address."""
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
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": "Resource index",
        "url": page_url,
        "numberOfItems": len(items),
        "itemListElement": items,
    }
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # nothing can close the script element
    return f'<script type="application/ld+json">{text}</script>\n'


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
    """An entry as CSV cells."""
    status = [{k: v for k, v in vars(s).items() if v is not None} for s in entry.status]
    return {
        "id": entry.id,
        "kind": entry.kind,
        "name": entry.name,
        "description": entry.description,
        "owner": entry.owner,
        "country": entry.country,
        "year": str(entry.year or ""),
        "url": entry.url or "",
        "url_note": entry.url_note or "",
        "recommended": "yes" if entry.recommended else "no",
        "named_in": SEPARATOR.join(entry.named_in),
        "editors_links": SEPARATOR.join(entry.editors_links),
        "also_known_as": SEPARATOR.join(entry.also_known_as),
        "native_names": SEPARATOR.join(f"{n.name} ({n.lang})" for n in entry.native_names),
        "unverified": SEPARATOR.join(entry.unverified),
        "status": json.dumps(status, ensure_ascii=False) if status else "",
    }


def from_row(cells: dict[str, str]) -> Entry:
    """An entry back from its CSV cells as `to_csv` writes them (the inverse of `row`)."""
    cells = {name: from_spreadsheet(cell) for name, cell in cells.items()}

    def items(name: str) -> tuple[str, ...]:
        return tuple(cells[name].split(SEPARATOR)) if cells[name] else ()

    natives = tuple(NativeName(n[: n.rindex(" (")], n[n.rindex(" (") + 2 : -1]) for n in items("native_names"))
    return Entry(
        id=cells["id"],
        kind=cells["kind"],
        name=cells["name"],
        description=cells["description"],
        owner=cells["owner"],
        country=cells["country"],
        url=cells["url"] or None,
        named_in=items("named_in"),
        also_known_as=items("also_known_as"),
        native_names=natives,
        year=int(cells["year"]) if cells["year"] else None,
        url_note=cells["url_note"] or None,
        editors_links=items("editors_links"),
        status=tuple(Status(**s) for s in json.loads(cells["status"] or "[]")),
        unverified=items("unverified"),
    )
