"""`make check`: fast, precise messages for broken registries and pages, without a build."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.support import FIXTURES, REGISTRY, ROOT, fixture_docs, problem_lines, run_check
from us_nordic_kb.check import readability
from us_nordic_kb.check import rendered as page_text

DOCS = FIXTURES / "docs"
REGISTRIES = FIXTURES / "registry"


def test_the_real_content_passes():
    """Run as make runs it, through the command line."""
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "us_nordic_kb.check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout
    assert problem_lines(result) == []


def test_the_fixture_site_passes():
    assert run_check(DOCS).returncode == 0


@pytest.mark.parametrize(
    ("case", "line", "words"),
    [
        ("yaml-syntax", 27, "expected ',' or ']' (while parsing a flow sequence that starts at line 26)"),
        ("tab", 27, "— indent with spaces, never tabs"),
        ("duplicate-id", 24, "entry 'model-x', field 'id': duplicate id"),
        ("missing-field", 15, "entry 'model-x', field 'owner': missing required field — add 'owner:'"),
        (
            "unknown-theme",
            23,
            "entry 'model-x', field 'named_in': unknown part of the report 'theme-z' — expected one of: step-b, theme-a",
        ),
        ("bad-url", 22, "entry 'model-x', field 'url': got 'example.org/x' — expected an absolute https:// address"),
    ],
)
def test_each_broken_registry_gives_one_precise_message(case, line, words):
    result = run_check(DOCS, REGISTRIES / f"{case}.yml")
    assert result.returncode == 1
    problems = problem_lines(result)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"tests/fixtures/registry/{case}.yml:{line}: ")
    assert words in problems[0]


@pytest.mark.parametrize(
    ("front_matter", "line", "words"),
    [
        ("---\nrender_macros: false\n---\n", 1, "front matter has no description — add 'description:'"),
        ("", 1, "no front matter — start the page with '---'"),
        ("---\ndescription: Too short.\n---\n", 2, "description has 10 characters — write 60 to 300"),
        ("---\ndescription: >-\n  " + "A" * 70 + "\ndescrption: typo\n---\n", 4, "unknown front matter key 'descrption'"),
        ("---\ndescription: [unclosed\n---\n", 3, "front matter is not valid YAML"),
    ],
)
def test_broken_front_matter_gives_one_precise_message(tmp_path, front_matter, line, words):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "index.md").write_text(front_matter + "\n# Fixture home\n\nNothing else.\n")
    result = run_check(docs)
    assert result.returncode == 1
    problems = problem_lines(result)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{docs / 'index.md'}:{line}: "), problems[0]
    assert words in problems[0]


def test_a_page_whose_title_is_not_its_first_line_is_refused_with_the_line_of_the_title(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "index.md").write_text("---\ndescription: >-\n  " + "A" * 70 + "\n---\n\nA first line.\n\n# Fixture home\n")
    problems = problem_lines(run_check(docs))
    assert problems == [
        f"{docs / 'index.md'}:8: the page's '# ' heading is not its first line after the front matter — "
        "move it up: MkDocs takes a page's title from there, and so does every list of pages"
    ]


@pytest.mark.parametrize("data_file", ["resources/registry.yml", "glossary.yml", "comparison.yml", "roles.yml"])
def test_every_data_file_refuses_a_duplicate_id_with_its_line(tmp_path, data_file):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    lines = (docs / data_file).read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("- id: "))
    indent = lines[start].index("-")
    later = range(start + 1, len(lines))
    end = next((n for n in later if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= indent), len(lines))
    item_id = lines[start].split("- id: ", 1)[1]
    (docs / data_file).write_text("\n".join(lines[:end] + lines[start:end] + lines[end:]), encoding="utf-8")  # the item twice
    problems = problem_lines(run_check(docs))
    assert problems == [
        f"docs/{data_file}:{end + 1}: entry '{item_id}', field 'id': duplicate id (first used at line {start + 1}) — "
        "give each entry its own id"
    ]


def test_a_macro_on_a_page_without_macros_and_a_missing_related_block_are_caught(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "index.md").write_text((docs / "index.md").read_text() + '\nSee {{ ref("model-x") }}.\n')
    (docs / "themes/a.md").write_text((docs / "themes/a.md").read_text().replace("{{ related() }}", ""))
    problems = problem_lines(run_check(docs))
    assert len(problems) == 2, problems
    assert "index.md:9: the page uses a macro but macros are off" in problems[0]
    assert "themes/a.md" in problems[1] and "without its related block" in problems[1]


def test_the_readability_of_every_page_is_printed(tmp_path):
    result = run_check(DOCS)
    table = result.stdout.split("\n\n")[0].splitlines()
    assert table[0].startswith("Readability (target: ease 50 or more, sentences of 30 words at most)")
    assert [row.split()[0] for row in table[2:]] == sorted(
        str(p.relative_to(ROOT))
        for p in DOCS.rglob("*.md")
        if "includes" not in p.parts  # snippets are not pages
    )


def test_hard_reading_and_long_sentences_are_reported_with_their_line(tmp_path):
    docs = fixture_docs(tmp_path)
    long = " ".join(["Notwithstanding considerable institutional heterogeneity, multidisciplinary organisational"] * 6) + "."
    page = docs / "themes/a.md"
    page.write_text(page.read_text().replace("A page.", long))
    problems = problem_lines(run_check(docs))
    assert any(p.startswith(f"{page}:6: reading ease") and "below 50" in p for p in problems), problems  # the title line
    assert any(p.startswith(f"{page}:13: sentence of 36 words (at most 30)") for p in problems), problems


def test_a_specialist_term_must_be_linked_to_the_glossary_where_first_used(tmp_path):
    docs = fixture_docs(tmp_path)
    page = docs / "themes/a.md"
    page.write_text(
        page.read_text().replace("A page.", "A holistic way. Then [holistic](../glossary.md#holistic-approach) again.")
    )
    problems = problem_lines(run_check(docs))
    assert problems == [
        f"{page}:13: “holistic” is first used here without a link to the glossary — write "
        "[holistic](…/glossary.md#holistic-approach) the first time"
    ]
    page.write_text(page.read_text().replace("A holistic way. Then ", ""))
    assert problem_lines(run_check(docs)) == []


def test_sources_must_name_sections_of_the_page_and_known_parts(tmp_path):
    docs = fixture_docs(tmp_path)
    page = docs / "themes/a.md"
    page.write_text(
        page.read_text().replace(
            "render_macros: true\n",
            "render_macros: true\nsources:\n  a-section: [step-b, registry]\n  no-such-section: [key-theme-9]\n",
        )
    )
    problems = problem_lines(run_check(docs))
    assert problems == [
        f"{page}:6: sources names section 'no-such-section', which the page does not have — use one of: a-section",
        f"{page}:6: sources for 'no-such-section': unknown part 'key-theme-9' — expected one of: step-b, theme-a, "
        "executive-summary, photo-captions, resource-list, registry, editors",
    ]


def test_an_ended_entry_named_in_the_present_tense_is_caught(tmp_path):
    docs = fixture_docs(tmp_path)
    registry = docs / "resources/registry.yml"
    registry.write_text(
        registry.read_text().replace(
            "    named_in: [theme-a]\n",
            "    named_in: [theme-a]\n    status:\n      - {event: ended, date: '2024', note: it ended, source: a page}\n",
        )
    )
    page = docs / "themes/a.md"
    page.write_text(page.read_text().replace("A page.", 'Today {{ ref("model-x") }} is a model.'))
    problems = problem_lines(run_check(docs))
    assert any(p.startswith(f"{page}:13: “Today Model X") and "present tense, but it ended (2024)" in p for p in problems), (
        problems
    )
    page.write_text(page.read_text().replace("is a model", "was a model"))
    assert problem_lines(run_check(docs)) == []


def test_generated_lists_keep_within_the_sentence_rule_however_many_entries_a_topic_has(tmp_path):
    """The relationship list, the related blocks and the resource index grow with the registry;
    their sentences do not (a topic with 29 entries once made one of 33 words)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    registry = docs / "resources/registry.yml"
    added = "".join(
        f"\n  - id: added-programme-{n}\n    kind: programme\n    name: Added programme {n}\n"
        f"    description: A programme added for the test.\n    owner: A city\n    country: Finland\n"
        f"    url: https://example.org/{n}\n    named_in: [digital-literacy]\n"
        for n in range(40)
    )
    text = registry.read_text()
    registry.write_text(text.replace("\nentries:\n", "\nentries:\n" + added, 1))
    result = run_check(docs)
    assert [p for p in problem_lines(result) if "sentence of" in p] == []
    assert result.returncode == 0, problem_lines(result)


def test_a_long_sentence_from_the_registry_is_blamed_on_the_line_that_holds_it(tmp_path):
    """Not on an earlier line that happens to share its first words."""
    docs = fixture_docs(tmp_path)
    registry = docs / "resources/registry.yml"
    long = "Used by the cities of the region, " + " ".join(["this model brings together teams of many kinds"] * 4) + "."
    text = registry.read_text().replace("description: A paper.", "description: Used by the cities of the region.")
    registry.write_text(text.replace("description: A model.", f"description: {long}"))
    line = next(n for n, row in enumerate(registry.read_text().splitlines(), start=1) if "this model brings" in row)
    problems = [p for p in problem_lines(run_check(docs)) if "sentence of" in p]
    assert problems, "the long description was not reported"
    assert all(p.startswith(f"{registry}:{line}: sentence of 39 words") for p in problems), problems


def test_a_term_used_without_a_link_is_blamed_on_the_line_where_it_is_used(tmp_path):
    docs = fixture_docs(tmp_path)
    page = docs / "themes/a.md"
    text = "A holistic way.\n\nMore words here.\n\nThen [holistic](../glossary.md#holistic-approach)."
    page.write_text(page.read_text().replace("A page.", text))
    problems = problem_lines(run_check(docs))
    assert [p.split(": ", 1)[0] for p in problems] == [f"{page}:13"], problems


def test_a_list_of_names_alone_is_not_measured_as_sentences():
    """With 2,000 entries, the map's list of names once sank its reading ease to 35 (textstat
    counts no sentence of one word, but counts its word)."""
    names = "".join(f'<li><a href="../resources/index.md#e-{n}">Entry {n}</a></li>' for n in range(2000))
    html = f"<p>The map shows how the topics connect. Every box is a link.</p><ul>{names}</ul>"
    blocks = page_text.prose_blocks(html)
    assert blocks == ["The map shows how the topics connect. Every box is a link."]
    assert readability.measure(blocks).ease >= readability.MIN_EASE


@pytest.mark.parametrize("kind", ["theme", "next-step"])
def test_the_topic_summaries_alone_reach_the_reading_ease_target(kind):
    """The home page and the overviews give each topic a card with its summary: with many topics
    (the bench's 100x copy) those pages read as the summaries do, so the summaries must reach the
    target on their own (at 45 and 38 they sank the pages to 46, 49 and 42)."""
    summaries = [topic["summary"] for topic in REGISTRY["topics"] if topic["kind"] == kind]
    assert readability.measure(summaries).ease >= readability.MIN_EASE
