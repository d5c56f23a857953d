"""The “Suggest a resource” form becomes a registry entry (github/suggestion.py): a valid form adds
one entry that the registry's own loader accepts; a form that cannot become one gets a comment that
names each field and why; hostile text lands as inert strings or is refused, field by field."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import FIXTURES, PROJECT, ROOT, SUGGESTION, form_body
from us_nordic_kb.github import issue_form, suggestion
from us_nordic_kb.model.registry import load

QUESTIONS = issue_form.fields(suggestion.FORM)
HOSTILE = {
    "name": '<img src=x onerror=alert(1)> "; rm -rf / # $(id)',
    "owner": '=HYPERLINK("x")',
    "description": "key: value\n- item &anchor *alias",
    "url_note": "*alias",
    "why": "&anchor `code` ```` </script> @someone [x](javascript:alert(1))",
}


@pytest.fixture
def docs(tmp_path) -> Path:
    """A private copy of the site's docs folder, whose registry the form's boxes name."""
    copy = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", copy)
    return copy


def registry_of(docs: Path) -> dict:
    return yaml.safe_load((docs / "resources/registry.yml").read_text(encoding="utf-8"))


def test_a_good_form_adds_one_valid_entry_and_the_texts_of_its_pull_request(docs):
    before = registry_of(docs)
    outcome = suggestion.suggest(form_body(SUGGESTION, crlf=True), PROJECT, docs, run_check=False)
    assert outcome.problems == [] and outcome.entry is not None
    assert outcome.entry == {
        "id": "nordic-safe-cities-guide-to-local-prevention",
        "kind": "publication",
        "name": "Nordic Safe Cities Guide to Local Prevention",
        "description": "A short guide for city staff on how to plan local prevention work with partners.",
        "owner": "Nordic Safe Cities",
        "country": "Nordic region",
        "year": 2021,
        "url": "https://nordicsafecities.org/guide",
        "named_in": ["resilience-and-trust", "resource-list"],
        "editors_links": ["local-voices"],
        "unverified": ["year"],
    }
    after = registry_of(docs)
    assert after["entries"] == before["entries"] + [outcome.entry]
    assert after["topics"] == before["topics"] and after["workshop"] == before["workshop"]
    entry = load(docs / "resources/registry.yml", docs_dir=docs).entries[outcome.entry["id"]]
    assert entry.recommended and entry.unverified == ("year",)
    title, commit, body = suggestion.pull_request(outcome, 12)
    assert title == "Resources: add Nordic Safe Cities Guide to Local Prevention"
    assert commit.startswith(title + "\n\nSuggested in #12")
    assert body.startswith("Closes #12.") and "```yaml\n  - id: nordic-safe-cities-guide-to-local-prevention" in body


def test_the_entry_is_emitted_as_the_registry_writes_entries(docs):
    outcome = suggestion.suggest(form_body(SUGGESTION), PROJECT, docs, run_check=False)
    text = (docs / "resources/registry.yml").read_text(encoding="utf-8")
    assert text.endswith("\n\n" + outcome.block)
    assert "    named_in: [resilience-and-trust, resource-list]\n" in outcome.block


def test_a_form_with_missing_answers_gets_a_comment_naming_each_field(docs):
    original = (docs / "resources/registry.yml").read_text(encoding="utf-8")
    answers = {**SUGGESTION, "name": "", "url": "", "named_in": []}
    outcome = suggestion.suggest(form_body(answers), PROJECT, docs, run_check=False)
    assert outcome.entry is None
    assert dict(outcome.problems) == {
        "name": "is empty — answer it",
        "url": "give the official address, or say under “About the address” why there is none",
        "named_in": "tick at least one part of the report — the index lists only what the report names",
    }
    assert (docs / "resources/registry.yml").read_text(encoding="utf-8") == original
    comment = suggestion.comment(outcome.problems, PROJECT)
    assert "- **Official name**: is empty" in comment
    assert "- **Official address**: give the official address" in comment
    assert "- **Where does the workshop report name it?**: tick at least one part" in comment


def test_the_loaders_problems_come_back_field_by_field_in_one_round(docs):
    answers = {**SUGGESTION, "url": "example.org/x", "year": "1850", "kind": "pamphlet", "description": "{{ 7*7 }}"}
    outcome = suggestion.suggest(form_body(answers), PROJECT, docs, run_check=False)
    problems = dict(outcome.problems)
    assert problems["url"] == "the address 'example.org/x' is not an absolute https:// address — give it as https://host/path"
    assert problems["year"] == "got 1850 — expected a four-digit year such as 2021"
    assert problems["kind"].startswith("is not one of the form's choices — choose one of: publication, programme")
    assert problems["description"].startswith("holds '{{', template syntax")


def test_hostile_text_lands_as_inert_strings_and_the_registry_stays_valid(docs):
    outcome = suggestion.suggest(form_body({**SUGGESTION, **HOSTILE}), PROJECT, docs, run_check=False)
    assert outcome.problems == [] and outcome.entry is not None
    added = registry_of(docs)["entries"][-1]
    assert added["name"] == HOSTILE["name"] and added["owner"] == HOSTILE["owner"] and added["url_note"] == "*alias"
    assert added["description"] == "key: value - item &anchor *alias"  # one line: the registry wants a sentence
    assert added["id"] == "img-src-x-onerror-alert-1-rm-rf-id"
    registry = load(docs / "resources/registry.yml", docs_dir=docs)  # no anchor, alias or template syntax
    assert registry.entries[added["id"]].name == HOSTILE["name"]
    title, commit, body = suggestion.pull_request(outcome, 3)
    assert title == f"Resources: add {HOSTILE['name']}" and "\n" not in title
    # In the pull request, the submitter's text stands only inside code blocks, fenced past its backticks.
    assert "\n`````text\n&anchor `code` ```` </script>" in body
    outside = re.sub(r"^(`{3,})[a-z]*\n.*?\n\1$", "", body, flags=re.S | re.M)
    assert "<img" not in outside and "</script>" not in outside and "@someone" not in outside


@pytest.mark.parametrize(
    ("answer", "field", "words"),
    [
        ({"name": "Model {{ 7*7 }}"}, "name", "holds '{{', template syntax"),
        ({"owner": "A {% if %} office"}, "owner", "holds '{%', template syntax"),
        ({"url_note": "No page {# yet #}", "url": ""}, "url_note", "holds '{#', template syntax"),
        ({"description": "A guide.\x07"}, "description", "holds the invisible character U+0007"),
        ({"name": "Guide\u202eediug"}, "name", "holds the invisible character U+202E"),
        ({"owner": "x" * 700}, "owner", "has 700 characters — keep it under 600"),
        ({"year": "2021; DROP"}, "year", "write the year as four digits"),
        ({"country": "Atlantis"}, "country", "is not one of the form's choices"),
    ],
)
def test_text_the_registry_refuses_is_reported_as_a_field_problem(docs, answer, field, words):
    original = (docs / "resources/registry.yml").read_text(encoding="utf-8")
    outcome = suggestion.suggest(form_body({**SUGGESTION, **answer}), PROJECT, docs, run_check=False)
    assert outcome.entry is None
    assert dict(outcome.problems)[field].startswith(words), outcome.problems
    assert (docs / "resources/registry.yml").read_text(encoding="utf-8") == original


def test_the_comment_escapes_what_it_quotes(docs):
    outcome = suggestion.suggest(form_body({**SUGGESTION, "url": "<img src=x onerror=alert(1)>"}), PROJECT, docs, run_check=False)
    comment = suggestion.comment(outcome.problems, PROJECT)
    assert "<img" not in comment
    assert "the address '&lt;img src=x onerror=alert\\(1\\)&gt;' is not an absolute https:// address" in comment


def test_ids_are_lower_case_hyphen_slugs_unique_against_every_id():
    assert suggestion.slug("Anchor model (Ankkuri)", set()) == "anchor-model-ankkuri"
    assert suggestion.slug("Anchor model", {"anchor-model"}) == "anchor-model-2"
    assert suggestion.slug("Anchor model", {"anchor-model", "anchor-model-2"}) == "anchor-model-3"
    assert suggestion.slug("Ankkuritoiminta – Sörnäinen", set()) == "ankkuritoiminta-sornainen"
    assert suggestion.slug("مركز", set()) == "resource"
    long = suggestion.slug(" ".join(["word"] * 40), set())
    assert len(long) <= suggestion.MAX_ID and not long.endswith("-")
    registry = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    entry, _ = suggestion.entry_from({**SUGGESTION, "name": "Anchor model"}, registry, set())
    assert entry["id"] == "anchor-model-2"  # the real registry has anchor-model
    entry, _ = suggestion.entry_from({**SUGGESTION, "name": "Digital literacy"}, registry, set())
    assert entry["id"] == "digital-literacy-2"  # a topic's id is taken too


def test_an_entry_is_appended_to_the_entries_wherever_they_stand(tmp_path):
    registry = (FIXTURES / "docs/resources/registry.yml").read_text(encoding="utf-8")  # workshop comes after entries
    entry = {"id": "z", "kind": "law", "name": "Z", "description": "A law.", "owner": "O", "country": "Finland"}
    entry |= {"url": None, "url_note": "None found.", "named_in": ["theme-a"]}
    text, block, first = suggestion.append_entry(registry.rstrip("\n"), entry)
    (tmp_path / "registry.yml").write_text(text, encoding="utf-8")
    shutil.copy2(ROOT / "docs/resources/registry.schema.json", tmp_path)  # the loader may look for it beside the registry
    loaded = load(tmp_path / "registry.yml", FIXTURES / "docs")
    assert list(loaded.entries) == ["model-x", "paper-y", "z"] and loaded.workshop.place == "Helsinki, Finland"
    assert text.splitlines()[first - 1] == "  - id: z" and block.startswith("  - id: z\n")


def test_a_body_that_is_not_the_form_is_refused_as_a_whole(docs):
    outcome = suggestion.suggest("Please add my site: https://example.org", PROJECT, docs, run_check=False)
    assert outcome.problems == [("", "this issue is not a filled-in “Suggest a resource” form — open a new issue with that form")]


def test_a_heading_written_twice_and_a_changed_box_are_refused(docs):
    doubled = form_body({**SUGGESTION, "description": "A guide.\n\n### Country or region\n\nSweden"})
    problems = dict(suggestion.suggest(doubled, PROJECT, docs, run_check=False).problems)
    assert problems["country"] == "the heading “### Country or region” appears 2 times — keep only the form's own"
    changed = form_body(SUGGESTION).replace("- [ ] Photo captions", "- [X] Photo captions, and more")
    problems = dict(suggestion.suggest(changed, PROJECT, docs, run_check=False).problems)
    assert problems["named_in"].startswith("holds a line that is not one of the form's boxes")


def test_make_checks_problems_with_the_entry_name_its_field(docs):
    long = "A guide for city staff " + " ".join(["and partners"] * 16) + " on how to plan local prevention work."
    original = (docs / "resources/registry.yml").read_text(encoding="utf-8")
    outcome = suggestion.suggest(form_body({**SUGGESTION, "description": long}), PROJECT, docs)
    assert outcome.entry is None
    assert [where for where, _ in outcome.problems] == ["description"]
    assert outcome.problems[0][1].startswith("sentence of 44 words (at most 30):")
    assert (docs / "resources/registry.yml").read_text(encoding="utf-8") == original


def test_the_command_reads_the_event_file_and_writes_the_texts_and_the_step_output(docs, tmp_path):
    event, out, output = tmp_path / "event.json", tmp_path / "out", tmp_path / "github-output"
    event.write_text(json.dumps({"action": "opened", "issue": {"number": 5, "body": form_body({**SUGGESTION, "url": "x"})}}))
    assert suggestion.main(["--event", str(event), "--out", str(out), "--docs", str(docs), "--github-output", str(output)]) == 0
    assert output.read_text() == "valid=false\n" and sorted(p.name for p in out.iterdir()) == ["comment.md"]
    event.write_text(json.dumps({"action": "edited", "issue": {"number": 5, "body": form_body(SUGGESTION)}}))
    shutil.rmtree(out)
    assert suggestion.main(["--event", str(event), "--out", str(out), "--docs", str(docs), "--github-output", str(output)]) == 0
    assert output.read_text() == "valid=false\nvalid=true\n"
    assert sorted(p.name for p in out.iterdir()) == ["body.md", "commit.txt", "title.txt"]
    event.write_text(json.dumps({"action": "opened", "pull_request": {"number": 5}}))
    with pytest.raises(SystemExit, match="the event file holds no issue"):
        suggestion.main(["--event", str(event), "--out", str(out), "--docs", str(docs)])


def test_a_fact_marked_unconfirmed_must_be_in_the_entry(docs):
    answers = {
        **SUGGESTION,
        "year": "",
        "unverified": ["I could not confirm the year", "I could not confirm the publisher or owner"],
    }
    outcome = suggestion.suggest(form_body(answers), PROJECT, docs, run_check=False)
    assert outcome.entry is not None and "year" not in outcome.entry and outcome.entry["unverified"] == ["owner"]
