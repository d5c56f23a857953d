"""The “Suggest a resource” form follows the registry (its choices are the schema's lists and the
registry's topics, so they cannot drift apart), and the workflow that turns it into a pull request
keeps the form's text out of every expression and command line."""

from __future__ import annotations

import json
import re

import yaml

from tests.support import REGISTRY, ROOT
from us_nordic_kb.github import issue_form, suggestion
from us_nordic_kb.model.registry import load

SCHEMA = json.loads((ROOT / "docs/resources/registry.schema.json").read_text(encoding="utf-8"))
ENTRY = SCHEMA["$defs"]["entry"]["properties"]
FORM = yaml.safe_load(suggestion.FORM.read_text(encoding="utf-8"))
QUESTIONS = {q.id: q for q in issue_form.fields(suggestion.FORM)}
WORKFLOW_FILE = ROOT / ".github/workflows/suggestion.yml"
WORKFLOW = yaml.safe_load(WORKFLOW_FILE.read_text(encoding="utf-8"))


def test_the_dropdowns_offer_exactly_the_schemas_kinds_and_countries():
    assert list(QUESTIONS["kind"].options) == ENTRY["kind"]["enum"]
    assert list(QUESTIONS["country"].options) == ENTRY["country"]["enum"]
    assert QUESTIONS["kind"].type == QUESTIONS["country"].type == "dropdown"


def test_the_boxes_name_the_registrys_topics_by_their_pages_titles_and_the_parts_of_the_report():
    registry = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    topics = suggestion.topic_labels(registry)
    assert list(QUESTIONS["editors_links"].options) == list(topics)
    assert sorted(topics.values()) == sorted(t["id"] for t in REGISTRY["topics"])
    assert list(QUESTIONS["named_in"].options) == list(suggestion.part_labels(registry))


def test_how_sure_offers_one_box_per_field_the_schema_lets_be_unverified():
    assert list(QUESTIONS["unverified"].options) == list(suggestion.UNVERIFIED)
    assert list(suggestion.UNVERIFIED.values()) == ENTRY["unverified"]["items"]["enum"]


def test_every_answer_has_a_question_and_every_required_field_of_an_entry_is_asked():
    assert set(QUESTIONS) == set(suggestion.TEXT_ANSWERS) | {"named_in", "editors_links", "unverified"}
    required = set(SCHEMA["$defs"]["entry"]["required"]) - {"id"}  # the id is made from the name
    assert required <= set(QUESTIONS)
    assert {q for q, question in QUESTIONS.items() if question.required} == {
        "name",
        "kind",
        "country",
        "owner",
        "description",
        "why",
    }


def test_the_workflow_runs_for_the_forms_label_with_the_least_permissions():
    on = WORKFLOW[True]  # YAML 1.1 reads the key `on` as True
    assert on == {"issues": {"types": ["opened", "edited"]}}
    job = WORKFLOW["jobs"]["suggestion"]
    assert FORM["labels"] == ["resource"] and "contains(github.event.issue.labels.*.name, 'resource')" in job["if"]
    assert WORKFLOW["permissions"] == {}
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}


def test_the_forms_text_never_reaches_an_expression_or_a_command_line():
    text = WORKFLOW_FILE.read_text(encoding="utf-8")
    expressions = set(re.findall(r"\$\{\{\s*(.*?)\s*\}\}", text))
    assert expressions == {
        "github.event.issue.number",
        "github.repository",
        "runner.temp",
        "secrets.GITHUB_TOKEN",
        "github.event.repository.default_branch",
        "github.server_url",
        "github.run_id",
    }
    steps = WORKFLOW["jobs"]["suggestion"]["steps"]
    assert all("${{" not in step.get("run", "") for step in steps)
    entry = next(s for s in steps if s.get("id") == "entry")
    assert entry["run"].startswith('.venv/bin/python -m us_nordic_kb.github.suggestion --event "$GITHUB_EVENT_PATH"')
    # The token is in the environment of the steps that call GitHub, never of the module or make check.
    for step in steps:
        uses_token = "GH_TOKEN" in step.get("env", {})
        calls_github = any(
            word in step.get("run", "") for word in ("gh ", "git -c credential", "us_nordic_kb.github.suggestion_pr")
        )
        assert uses_token == calls_github, step.get("name")


def test_the_workflow_checks_the_entry_with_make_check_before_the_pull_request():
    runs = [step.get("run", "") for step in WORKFLOW["jobs"]["suggestion"]["steps"]]
    check = runs.index("make check")
    push = next(i for i, run in enumerate(runs) if "us_nordic_kb.github.suggestion_pr" in run)
    assert runs.index(next(r for r in runs if "us_nordic_kb.github.suggestion " in r)) < check < push
