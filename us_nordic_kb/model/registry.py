"""Load, validate and index the resource registry (docs/resources/registry.yml).

Plain Python with no MkDocs import, so that the build, `make check` and the tests share it.
Every problem is reported as `file:line: where: what is wrong — how to fix it`.

The registry holds the workshop's facts, the report's topics (key themes and next steps), and
the entries (the resources the report recommends and the main programmes, bodies, people,
places and practices it names). An entry says where the report names it
(`named_in`: topic ids or the other parts of the report) apart from the links our editors add
(`editors_links`), and carries dated status facts (`status`) and the fields that could not be
verified (`unverified`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from us_nordic_kb.model import pages, urls
from us_nordic_kb.model.data_files import DataFileError, Problem, parse, read

SCHEMA_NAME = "registry.schema.json"  # the JSON Schema, beside the registry
REGISTRY_PATH = "resources/registry.yml"  # relative to the docs folder


# The parts of the report other than its topics, which the registry also points to.
REPORT_PARTS = {
    "executive-summary": "Executive summary",
    "photo-captions": "Photo captions",
    "resource-list": "Resources list",
}

# What each field must look like, said the way a contributor needs to hear it.
EXPECTED = {
    "id": "lower-case words joined by hyphens, e.g. anchor-model",
    "url": "an absolute https:// address, or null with a url_note",
    "page": "a page path under docs/ ending in .md, e.g. themes/digital-literacy.md",
    "year": "a four-digit year such as 2021",
    "number": "a whole number from 1",
    "date": "a date written 2024, 2024-06 or 2024-06-17",
}


@dataclass(frozen=True)
class Topic:
    """A key theme or a next step of the report; each has a page, whose heading is its title."""

    id: str
    kind: str
    number: int
    title: str
    summary: str
    page: str
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Status:
    """A dated fact about an entry's status: succeeded, ended, dissolved, left office..."""

    event: str
    date: str  # 2024, 2024-06 or 2024-06-17
    note: str  # a past-tense phrase without its subject, e.g. "handed its work to the EU Knowledge Hub ..."
    source: str | None = None


@dataclass(frozen=True)
class NativeName:
    """A name in another language than English, with its language code (fi, sv, da...)."""

    name: str
    lang: str


@dataclass(frozen=True)
class Report:
    """The report on the workshop: its event name, publisher, publication date and address."""

    event: str
    publisher: str
    publisher_url: str
    published: str
    url: str


@dataclass(frozen=True)
class Workshop:
    """The facts of the workshop that every topic page repeats in its context notice, and the
    report's, which every page's structured data gives."""

    title: str
    place: str
    start: str
    end: str
    participants: str
    checked: str  # when the registry's facts were last checked against public sources
    report: Report | None = None


# An entry's fields, in the order the data files (CSV, JSON) give them: the one list that the
# dataclass below, the JSON Schema's properties and the CSV's columns are held to (tests/test_reuse.py).
ENTRY_FIELDS = (
    "id",
    "kind",
    "name",
    "description",
    "owner",
    "country",
    "year",
    "url",
    "url_note",
    "named_in",
    "editors_links",
    "also_known_as",
    "native_names",
    "unverified",
    "status",
)


@dataclass(frozen=True)
class Entry:
    """A resource, programme, organisation, person, place or the like that the report names."""

    id: str
    kind: str
    name: str
    description: str
    owner: str
    country: str
    url: str | None
    named_in: tuple[str, ...]
    also_known_as: tuple[str, ...] = ()
    native_names: tuple[NativeName, ...] = ()
    year: int | None = None
    url_note: str | None = None
    editors_links: tuple[str, ...] = ()
    status: tuple[Status, ...] = ()
    unverified: tuple[str, ...] = ()

    @property
    def recommended(self) -> bool:
        """Listed in the report's own resource list."""
        return "resource-list" in self.named_in


@dataclass
class Registry:
    """The validated registry with its relations indexed once, in both directions."""

    workshop: Workshop
    topics: dict[str, Topic]
    entries: dict[str, Entry]
    _related: dict[str, list[str]] = field(default_factory=dict)
    _named_under: dict[str, list[str]] = field(default_factory=dict)
    _linked_by_editors: dict[str, list[str]] = field(default_factory=dict)
    _by_page: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for topic in self.topics.values():
            self._related.setdefault(topic.id, [])
            self._named_under.setdefault(topic.id, [])
            self._linked_by_editors.setdefault(topic.id, [])
            self._by_page[topic.page] = topic.id
        for topic in self.topics.values():
            for other in topic.related:
                _add_once(self._related[topic.id], other)
                _add_once(self._related[other], topic.id)
        for entry in self.entries.values():
            for part in entry.named_in:
                if part in self.topics:
                    self._named_under[part].append(entry.id)
            for topic_id in entry.editors_links:
                self._linked_by_editors[topic_id].append(entry.id)

    def topics_of(self, kind: str) -> list[Topic]:
        """Themes or next steps, in the report's order."""
        return sorted((t for t in self.topics.values() if t.kind == kind), key=lambda t: t.number)

    def related_topics(self, topic_id: str) -> list[Topic]:
        """Topics linked to this one, whichever side wrote the relation."""
        return sorted((self.topics[i] for i in self._related[topic_id]), key=lambda t: t.number)

    def entries_named_under(self, topic_id: str) -> list[Entry]:
        """Entries the report names under a topic, in registry order."""
        return [self.entries[i] for i in self._named_under[topic_id]]

    def entries_linked_by_editors(self, topic_id: str) -> list[Entry]:
        """Entries our editors relate to a topic (the report does not), in registry order."""
        return [self.entries[i] for i in self._linked_by_editors[topic_id]]

    def part_label(self, part: str) -> str:
        """e.g. 'Key theme 2', 'Next step 4', 'Resources list'."""
        if part in self.topics:
            topic = self.topics[part]
            return f"{'Key theme' if topic.kind == 'theme' else 'Next step'} {topic.number}"
        return REPORT_PARTS[part]

    def topic_for_page(self, page: str) -> Topic | None:
        """The topic whose page is `page` (a path under docs/), if any."""
        topic_id = self._by_page.get(page)
        return self.topics[topic_id] if topic_id else None


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def load(
    path: str | Path,
    docs_dir: str | Path,
    name: str | None = None,
    schema: Path | None = None,
    cache: Path | None = None,
) -> Registry:
    """Read, validate and index the registry at `path`; raise DataFileError on any problem.

    `docs_dir` is where each topic's page must exist; the page's heading is the topic's title.
    `name` is how the file is called in messages (defaults to `path`). `schema` is the JSON
    Schema (default: the one beside the registry); `cache`, the folder that remembers registries
    found valid (none: no cache).
    """
    path, docs_dir = Path(path), Path(docs_dir)
    name = name or str(path)
    data, lines = parse(read(path, name), name)
    problems = validate(data, lines, name, docs_dir, schema or path.with_name(SCHEMA_NAME), cache)
    if not problems and isinstance(data, dict):
        titles, problems = _titles(data, lines, name, docs_dir)
    if problems:
        raise DataFileError(problems)
    if not isinstance(data, dict):  # the schema asks for a mapping: reached only if it stops doing so
        raise DataFileError([Problem(name, 1, "registry", "expected a mapping of workshop, topics and entries")])
    return Registry(
        workshop=Workshop(**{**data["workshop"], "report": Report(**data["workshop"]["report"])})
        if "report" in data["workshop"]
        else Workshop(**data["workshop"]),
        topics={t["id"]: _topic(t, titles[t["id"]]) for t in data["topics"]},
        entries={e["id"]: _entry(e) for e in data["entries"]},
    )


def _titles(data: dict, lines: dict[tuple, int], name: str, docs_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """Each topic's title, its page's heading (pages.title), and the topics whose page has none."""
    titles, problems = {}, []
    for i, topic in enumerate(data["topics"]):
        page = docs_dir / topic["page"]
        title = pages.title(read(page, f"docs/{topic['page']}"))
        if title is None:
            problems.append(
                Problem(
                    name,
                    lines.get(("topics", i, "page"), 1),
                    f"entry '{topic['id']}', field 'page'",
                    f"docs/{topic['page']} does not start with its '# ' heading, the topic's title — "
                    "put the heading first after the front matter",
                )
            )
        titles[topic["id"]] = title or ""
    return titles, problems


def validate(
    data: object, lines: dict[tuple, int], name: str, docs_dir: str | Path, schema: Path, cache: Path | None
) -> list[Problem]:
    """Every problem of the registry: schema first, then ids and cross-references."""
    problems = schema_problems(data, lines, name, schema, cache)
    if not isinstance(data, dict):
        return problems
    records = [r for section in ("topics", "entries") for r in _records(data, section)]
    first_line: dict[str, int] = {}
    for section, i, record in records:
        record_id = record.get("id")
        if isinstance(record_id, str):
            line = lines.get((section, i, "id"), 1)
            if record_id in first_line:
                problems.append(
                    Problem(
                        name,
                        line,
                        f"entry '{record_id}', field 'id'",
                        f"duplicate id (first used at line {first_line[record_id]}) — give each entry its own id",
                    )
                )
            else:
                first_line[record_id] = line
    reported = {(p.line, p.where) for p in problems}  # the schema's word on an address comes first
    problems += [p for p in _address_problems(data, lines, name) if (p.line, p.where) not in reported]
    kinds = {r["id"]: r.get("kind") for s, _, r in records if s == "topics" and isinstance(r.get("id"), str)}
    for section, i, record in records:
        where_id = record.get("id", f"#{i + 1}")
        for field_name, known, what in _reference_fields(section, record, kinds):
            values = record.get(field_name)
            if not isinstance(values, list):
                continue
            for j, value in enumerate(values):
                if isinstance(value, str) and value not in known:
                    line = lines.get((section, i, field_name, j), lines.get((section, i), 1))
                    problems.append(
                        Problem(
                            name,
                            line,
                            f"entry '{where_id}', field '{field_name}'",
                            f"unknown {what} '{value}' — expected one of: {', '.join(known)}",
                        )
                    )
        twice = set(record.get("named_in") or []) & set(record.get("editors_links") or []) if section == "entries" else set()
        for value in sorted(v for v in twice if isinstance(v, str)):
            line = lines.get((section, i, "editors_links"), 1)
            problems.append(
                Problem(
                    name,
                    line,
                    f"entry '{where_id}', field 'editors_links'",
                    f"'{value}' is already in named_in — an editors' link is for a topic the report does not name it under",
                )
            )
        page = record.get("page")
        if section == "topics" and isinstance(page, str) and not (Path(docs_dir) / page).is_file():
            problems.append(
                Problem(
                    name,
                    lines.get((section, i, "page"), 1),
                    f"entry '{where_id}', field 'page'",
                    f"no such page: {Path(docs_dir) / page} — create it or correct the path",
                )
            )
    return sorted(problems, key=lambda p: p.line)


def _address_problems(data: dict, lines: dict[tuple, int], name: str) -> list[Problem]:
    """Each address that is not written the one way the site writes addresses (model/urls.py)."""
    report = data.get("workshop", {}).get("report") if isinstance(data.get("workshop"), dict) else None
    places = (
        [(("workshop", "report", key), "workshop report", key) for key in ("url", "publisher_url")]
        if isinstance(report, dict)
        else []
    )
    places += [(("entries", i, "url"), f"entry '{record.get('id')}'", "url") for _, i, record in _records(data, "entries")]
    problems = []
    for path, where, key in places:
        value = _at(data, path)
        if not isinstance(value, str):
            continue
        try:
            written = urls.canonical(value)
        except ValueError as error:
            message = str(error)
        else:
            if written == value:
                continue
            message = f"write the address as {written} (https, and markup characters percent-encoded)"
        problems.append(Problem(name, lines.get(path, 1), f"{where}, field '{key}'", message))
    return problems


def _at(data: object, path: tuple) -> object:
    """The value at `path` in nested mappings and lists, or None."""
    for step in path:
        try:
            data = data[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _reference_fields(section: str, record: dict, kinds: dict[str, object]) -> list[tuple[str, list[str], str]]:
    """The fields of a record that name other records: (field, the ids it may use, what they are)."""
    if section == "topics":
        other = "next-step" if record.get("kind") == "theme" else "theme"
        return [("related", sorted(k for k, v in kinds.items() if v == other), other)]
    topics = sorted(kinds)
    return [("named_in", topics + list(REPORT_PARTS), "part of the report"), ("editors_links", topics, "theme or next step")]


def cache_folder() -> Path:
    """Where registries found valid are remembered: the user's cache folder, outside the project,
    because a stamp inside it could be committed by a pull request for a registry the schema rejects."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "us-nordic-prevention-kb" / "registry"


def schema_problems(data: object, lines: dict[tuple, int], name: str, schema_file: Path, cache: Path | None) -> list[Problem]:
    """Problems against the JSON Schema. A registry found valid is remembered by its hash, so
    that unchanged content (every build after the first) skips loading the validator library,
    a third of our build overhead."""
    schema = schema_file.read_bytes()
    validator = importlib.metadata.version("jsonschema")  # a new validator may judge differently
    content = json.dumps(data, sort_keys=True, default=str).encode()
    key = hashlib.sha256(schema + validator.encode() + content).hexdigest()
    stamp = cache / f"{key}.valid" if cache else None
    if stamp and stamp.exists():
        return []
    from jsonschema import Draft202012Validator

    problems = [_schema_problem(e, data, lines, name) for e in Draft202012Validator(json.loads(schema)).iter_errors(data)]
    if not problems and cache and stamp:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            for old in cache.glob("*.valid"):  # only the newest registry is worth remembering
                old.unlink()
            stamp.write_text(name + "\n", encoding="utf-8")
        except OSError:
            pass  # a read-only checkout validates every time
    return problems


def _records(data: dict, section: str):
    items = data.get(section)
    if isinstance(items, list):
        for i, record in enumerate(items):
            if isinstance(record, dict):
                yield section, i, record


def _schema_problem(error, data: object, lines: dict[tuple, int], name: str) -> Problem:
    """Turn a JSON Schema error into a Problem that names the line, the entry and the field."""
    path = tuple(error.absolute_path)
    line = next((lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in lines), 1)
    where = "registry"
    if len(path) >= 2 and isinstance(data, dict):
        record = data[path[0]][path[1]]
        record_id = record.get("id") if isinstance(record, dict) else None
        where = f"entry '{record_id}'" if isinstance(record_id, str) else f"{path[0]} item #{path[1] + 1}"
    field_name = next((p for p in path[2:3] if isinstance(p, str)), None)
    if error.validator == "required":
        missing = [f for f in error.validator_value if f not in error.instance]
        field_name = missing[0]
        message = f"missing required field — add '{field_name}:'"
        if field_name == "url_note":
            message = "url is null but no url_note says why — add 'url_note:'"
    elif error.validator == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field_name = unknown[0]
        message = f"unknown field — expected one of: {allowed}"
    elif error.validator == "enum":
        message = f"got {error.instance!r} — expected one of: {', '.join(map(str, error.validator_value))}"
    elif error.validator == "type":
        message = f"got {type(error.instance).__name__} {error.instance!r} — expected {_type_name(error.validator_value)}"
    elif error.validator == "uniqueItems":
        message = "lists the same id twice — keep one"
    else:
        expected = EXPECTED.get(str(path[-1]) if path else "", EXPECTED.get(field_name or "", "a non-empty value"))
        if path and path[-1] == "id" or (len(path) >= 3 and path[2] in ("named_in", "editors_links", "related")):
            expected = EXPECTED["id"]
        message = f"got {error.instance!r} — expected {expected}"
    if field_name and path + (field_name,) in lines:
        line = lines[path + (field_name,)]
    where = f"{where}, field '{field_name}'" if field_name else where
    return Problem(name, line, where, message)


def _type_name(value: str | list[str]) -> str:
    names = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping of fields", "null": "null"}
    values = value if isinstance(value, list) else [value]
    return " or ".join(names.get(v, v) for v in values)


def _topic(data: dict, title: str) -> Topic:
    return Topic(
        id=data["id"],
        kind=data["kind"],
        number=data["number"],
        title=title,
        summary=data["summary"],
        page=data["page"],
        related=tuple(data.get("related", ())),
    )


def _entry(data: dict) -> Entry:
    """An entry from its validated data: lists become tuples, names and status facts records."""
    records = {"native_names": NativeName, "status": Status}
    values = {}
    for name in ENTRY_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, list):
            value = tuple(records[name](**item) for item in value) if name in records else tuple(value)
        values[name] = value
    return Entry(**values)
