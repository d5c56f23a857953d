"""Loading, validating and indexing the registry (macros/registry.py)."""

from __future__ import annotations

import json

import pytest
import yaml
from support import FIXTURES, ROOT
from jsonschema import Draft202012Validator

from macros.registry import RegistryError, load

BROKEN = FIXTURES / "registry"
DOCS = FIXTURES / "docs"

# fixture file -> (line, entry and field as named in the message, words of the expectation)
CASES = {
    "duplicate-id": (26, "entry 'model-x', field 'id'", "duplicate id (first used at line 17) — give each entry its own id"),
    "missing-field": (17, "entry 'model-x', field 'owner'", "missing required field — add 'owner:'"),
    "wrong-type": (23, "entry 'model-x', field 'year'", "got str '2019' — expected a whole number"),
    "bad-url": (24, "entry 'model-x', field 'url'", "expected an absolute http:// or https:// address"),
    "unknown-theme": (25, "entry 'model-x', field 'themes'", "unknown theme 'theme-z' — expected one of: theme-a"),
    "unknown-next-step": (34, "entry 'paper-y', field 'next_steps'", "unknown next-step 'step-q' — expected one of: step-b"),
    "unknown-related": (15, "entry 'step-b', field 'related'", "unknown theme 'theme-q'"),
    "unknown-kind": (18, "entry 'model-x', field 'kind'", "got 'programm' — expected one of: publication, programme"),
    "unknown-field": (24, "entry 'model-x', field 'website'", "unknown field — expected one of: id, kind"),
    "bad-id": (17, "entry 'Model_X', field 'id'", "expected lower-case words joined by hyphens"),
    "missing-url-note": (26, "entry 'paper-y', field 'url_note'", "url is null but no url_note says why — add 'url_note:'"),
    "duplicate-key": (23, "entry 'model-x', field 'country'", "appears twice (first at line 22)"),
    "missing-page": (8, "entry 'theme-a', field 'page'", "no such page: " + str(DOCS / "themes/gone.md") + " — create it"),
    "yaml-syntax": (29, "YAML syntax", "starts at line 28"),
    "tab": (29, "YAML syntax", "— indent with spaces, never tabs"),
}


def test_the_real_registry_loads_with_every_topic():
    registry = load(ROOT / "docs/resources/registry.yml", docs_dir=ROOT / "docs")
    assert [t.id for t in registry.topics_of("theme")] == [
        "resilience-and-trust", "digital-literacy", "community-welfare", "frontline-training", "inclusive-communities",
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
    assert [e.id for e in registry.entries_for("theme-a")] == ["model-x"]
    assert [e.id for e in registry.entries_for("step-b")] == ["paper-y"]
    assert registry.topic_for_page("themes/a.md").id == "theme-a"
    assert registry.topic_for_page("index.md") is None


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_registry_names_file_line_entry_and_field(case):
    line, where, expectation = CASES[case]
    with pytest.raises(RegistryError) as raised:
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
    with pytest.raises(RegistryError) as raised:
        load(path)
    assert [p.line for p in raised.value.problems] == [18, 24]


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(RegistryError, match="cannot be read"):
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
