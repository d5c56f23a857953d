"""Loading, validating and indexing the registry (model/registry.py)."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.support import FIXTURES, ROOT, SCHEMA
from us_nordic_kb.model import registry
from us_nordic_kb.model.data_files import DataFileError


def load(path, docs_dir=FIXTURES / "docs", name=None, cache=None) -> registry.Registry:
    """The registry at `path`, its topics' pages in `docs_dir`, checked against the project's schema
    (a test's registry has none beside it)."""
    return registry.load(path, docs_dir, name, schema=SCHEMA, cache=cache)


BROKEN = FIXTURES / "registry"
DOCS = FIXTURES / "docs"

# fixture file -> (line, entry and field as named in the message, words of the expectation)
CASES = {
    "duplicate-id": (24, "entry 'model-x', field 'id'", "duplicate id (first used at line 15) — give each entry its own id"),
    "missing-field": (15, "entry 'model-x', field 'owner'", "missing required field — add 'owner:'"),
    "wrong-type": (21, "entry 'model-x', field 'year'", "got str '2019' — expected a whole number"),
    "bad-url": (22, "entry 'model-x', field 'url'", "expected an absolute https:// address"),
    "unknown-theme": (
        23,
        "entry 'model-x', field 'named_in'",
        "unknown part of the report 'theme-z' — expected one of: step-b, theme-a, executive-summary",
    ),
    "unknown-next-step": (
        32,
        "entry 'paper-y', field 'named_in'",
        "unknown part of the report 'step-q' — expected one of: step-b, theme-a",
    ),
    "unknown-related": (13, "entry 'step-b', field 'related'", "unknown theme 'theme-q'"),
    "unknown-kind": (16, "entry 'model-x', field 'kind'", "got 'programm' — expected one of: publication, programme"),
    "unknown-field": (22, "entry 'model-x', field 'website'", "unknown field — expected one of: id, kind"),
    "bad-id": (15, "entry 'Model_X', field 'id'", "expected lower-case words joined by hyphens"),
    "missing-url-note": (24, "entry 'paper-y', field 'url_note'", "url is null but no url_note says why — add 'url_note:'"),
    "duplicate-key": (21, "entry 'model-x', field 'country'", "appears twice (first at line 20)"),
    "missing-page": (7, "entry 'theme-a', field 'page'", "no such page: " + str(DOCS / "themes/gone.md") + " — create it"),
    "yaml-syntax": (27, "YAML syntax", "starts at line 26"),
    "tab": (27, "YAML syntax", "— indent with spaces, never tabs"),
}


def test_the_real_registry_loads_with_every_topic():
    registry = load(ROOT / "docs/resources/registry.yml", docs_dir=ROOT / "docs")
    assert [t.id for t in registry.topics_of("theme")] == [
        "resilience-and-trust",
        "digital-literacy",
        "community-welfare",
        "frontline-training",
        "inclusive-communities",
    ]
    assert len(registry.topics_of("next-step")) == 4
    assert len(registry.entries) >= 20


def test_the_valid_fixture_loads():
    registry = load(BROKEN / "valid.yml", docs_dir=DOCS)
    assert set(registry.entries) == {"model-x", "paper-y"}


def test_relations_are_indexed_in_both_directions():
    registry = load(BROKEN / "valid.yml", docs_dir=DOCS)
    # Only step-b wrote the relation; theme-a sees it too.
    assert [t.id for t in registry.related_topics("theme-a")] == ["step-b"]
    assert [t.id for t in registry.related_topics("step-b")] == ["theme-a"]
    assert [e.id for e in registry.entries_named_under("theme-a")] == ["model-x"]
    assert [e.id for e in registry.entries_named_under("step-b")] == ["paper-y"]
    assert registry.topic_for_page("themes/a.md").id == "theme-a"
    assert registry.topic_for_page("index.md") is None


def test_the_reports_connections_and_the_editors_links_are_kept_apart(tmp_path):
    text = (
        (BROKEN / "valid.yml")
        .read_text()
        .replace("    named_in: [theme-a]\n", "    named_in: [theme-a, resource-list]\n    editors_links: [step-b]\n")
    )
    (tmp_path / "registry.yml").write_text(text)
    registry = load(tmp_path / "registry.yml")
    assert [e.id for e in registry.entries_named_under("step-b")] == ["paper-y"]
    assert [e.id for e in registry.entries_linked_by_editors("step-b")] == ["model-x"]
    assert registry.entries["model-x"].recommended and not registry.entries["paper-y"].recommended
    assert registry.part_label("step-b") == "Next step 1" and registry.part_label("resource-list") == "Resources list"


def test_an_editors_link_may_not_repeat_where_the_report_names_an_entry(tmp_path):
    text = (
        (BROKEN / "valid.yml")
        .read_text()
        .replace("    named_in: [theme-a]\n", "    named_in: [theme-a]\n    editors_links: [theme-a]\n")
    )
    (tmp_path / "registry.yml").write_text(text)
    with pytest.raises(DataFileError) as raised:
        load(tmp_path / "registry.yml", name="r.yml")
    assert [str(p) for p in raised.value.problems] == [
        "r.yml:24: entry 'model-x', field 'editors_links': 'theme-a' is already in named_in — an editors' link is for a topic "
        "the report does not name it under"
    ]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (
            "    status:\n      - {event: ended, date: '2024-13', note: x, source: y}\n",
            "field 'status': got '2024-13' — expected a date written 2024, 2024-06 or 2024-06-17",
        ),
        (
            "    status:\n      - {event: closed, date: '2024', note: x, source: y}\n",
            "got 'closed' — expected one of: succeeded, ended, period-ended, dissolved, left-office, followed-up",
        ),
        ("    status:\n      - {event: ended, note: x, source: y}\n", "missing required field — add 'date:'"),
        (
            "    status:\n      - {event: ended, date: '2024', note: x}\n",
            "field 'source': missing required field — add 'source:'",
        ),
        ("    unverified: [colour]\n", "field 'unverified': got 'colour' — expected one of: name, owner, year, description"),
    ],
)
def test_status_facts_and_unverified_fields_are_checked(tmp_path, status, words):
    text = (BROKEN / "valid.yml").read_text().replace("    named_in: [theme-a]\n", "    named_in: [theme-a]\n" + status)
    (tmp_path / "registry.yml").write_text(text)
    with pytest.raises(DataFileError) as raised:
        load(tmp_path / "registry.yml", name="r.yml")
    messages = [str(p) for p in raised.value.problems]
    assert len(messages) == 1 and messages[0].startswith("r.yml:2") and words in messages[0], messages


def test_dates_stay_text_whatever_their_precision(tmp_path):
    text = (
        (BROKEN / "valid.yml")
        .read_text()
        .replace(
            "    named_in: [theme-a]\n",
            "    named_in: [theme-a]\n    status:\n      - {event: ended, date: 2024-06-17, note: it ended, source: a page}\n",
        )
    )
    (tmp_path / "registry.yml").write_text(text)
    registry = load(tmp_path / "registry.yml")
    assert registry.entries["model-x"].status[0].date == "2024-06-17"
    assert registry.workshop.end == "2022-04-28"


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_registry_names_file_line_entry_and_field(case):
    line, where, expectation = CASES[case]
    with pytest.raises(DataFileError) as raised:
        load(BROKEN / f"{case}.yml", docs_dir=DOCS, name=f"{case}.yml")
    problems = raised.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    message = str(problems[0])
    assert message.startswith(f"{case}.yml:{line}: {where}: "), message
    assert expectation in message


def test_every_problem_is_reported_at_once(tmp_path):
    text = (BROKEN / "valid.yml").read_text()
    text = text.replace("kind: programme", "kind: programm").replace("url: https://example.org/x", "url: nope")
    path = tmp_path / "registry.yml"
    path.write_text(text)
    with pytest.raises(DataFileError) as raised:
        load(path)
    assert [p.line for p in raised.value.problems] == [16, 22]


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot be read"):
        load(tmp_path / "nothing.yml")


def test_the_schema_accepts_the_real_registry_and_rejects_each_broken_fixture():
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text())
    validator = Draft202012Validator(schema)
    real = yaml.safe_load((ROOT / "docs/resources/registry.yml").read_text())
    assert list(validator.iter_errors(real)) == []
    # These break a rule the schema can express on its own (the rest need cross-references).
    for case in ["missing-field", "wrong-type", "bad-url", "unknown-kind", "unknown-field", "bad-id", "missing-url-note"]:
        data = yaml.safe_load((BROKEN / f"{case}.yml").read_text())
        assert list(validator.iter_errors(data)), case


def test_the_registry_file_points_editors_at_its_schema():
    first_line = (ROOT / "docs/resources/registry.yml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=registry.schema.json"


def test_the_validity_cache_is_the_users_not_the_projects(monkeypatch, tmp_path):
    """A stamp inside the project could be committed for a registry the schema rejects."""
    assert not registry.cache_folder().resolve().is_relative_to(ROOT.resolve())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert registry.cache_folder() == tmp_path / "us-nordic-prevention-kb" / "registry"


def test_the_validity_cache_keeps_one_stamp(tmp_path):
    text = (BROKEN / "valid.yml").read_text()
    (tmp_path / "a.yml").write_text(text)
    (tmp_path / "b.yml").write_text(text.replace("A model.", "Another model."))
    load(tmp_path / "a.yml", cache=tmp_path / "cache")
    first = list((tmp_path / "cache").glob("*.valid"))
    load(tmp_path / "b.yml", cache=tmp_path / "cache")
    second = list((tmp_path / "cache").glob("*.valid"))
    assert len(first) == len(second) == 1 and first != second  # the older stamp was pruned


def test_the_validity_cache_key_includes_the_validator_version(tmp_path, monkeypatch):
    load(BROKEN / "valid.yml", cache=tmp_path / "cache")
    [stamp] = (tmp_path / "cache").glob("*.valid")
    monkeypatch.setattr(registry.importlib.metadata, "version", lambda name: "0.0.0")
    load(BROKEN / "valid.yml", cache=tmp_path / "cache")
    assert [p.name for p in (tmp_path / "cache").glob("*.valid")] != [stamp.name]


def test_a_dated_status_without_its_source_stops_make_check_with_file_line_and_entry(tmp_path):
    """Every dated fact names where it comes from: the schema requires `source`, so the loader
    (and so `make check` and the build) refuses a status line without one."""
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text())
    assert "source" in schema["$defs"]["entry"]["properties"]["status"]["items"]["required"]
    real = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    assert all(s.source for e in real.entries.values() for s in e.status)
    text = (
        (BROKEN / "valid.yml")
        .read_text()
        .replace(
            "    named_in: [theme-a]\n",
            "    named_in: [theme-a]\n    status:\n      - event: left-office\n        date: '2022-01'\n"
            "        note: left office\n",
        )
    )
    (tmp_path / "registry.yml").write_text(text)
    with pytest.raises(DataFileError) as raised:
        load(tmp_path / "registry.yml", name="docs/resources/registry.yml")
    assert [str(p) for p in raised.value.problems] == [
        "docs/resources/registry.yml:25: entry 'model-x', field 'source': missing required field — add 'source:'"
    ]


def test_a_term_of_office_names_where_its_dates_come_from():
    """An office holder's dates are facts from outside the report (it names people only in a
    photo caption): the owner line that gives them says where they come from."""
    people = [e for e in load(ROOT / "docs/resources/registry.yml", ROOT / "docs").entries.values() if e.kind == "person"]
    assert people
    for person in people:
        if re.search(r"\b(19|20)\d\d\b", person.owner):
            assert re.search(r"\(dates from [^)]+\)", person.owner), f"{person.id}: {person.owner} — add '(dates from …)'"
