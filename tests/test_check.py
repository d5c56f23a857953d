"""`make check`: fast, precise messages for broken registries and pages, without a build."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from support import FIXTURES, ROOT

DOCS = FIXTURES / "docs"
REGISTRIES = FIXTURES / "registry"


def run_check(docs, registry=None):
    args = [sys.executable, str(ROOT / "scripts/check.py"), "--docs", str(docs)]
    if registry:
        args += ["--registry", str(registry)]
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT)


def problem_lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if not line.startswith("make check:")]


def test_the_real_content_passes():
    result = run_check(ROOT / "docs")
    assert result.returncode == 0, result.stdout
    assert problem_lines(result) == []


def test_the_fixture_site_passes():
    assert run_check(DOCS).returncode == 0


@pytest.mark.parametrize(("case", "line", "words"), [
    ("yaml-syntax", 29, "expected ',' or ']' (while parsing a flow sequence that starts at line 28)"),
    ("tab", 29, "— indent with spaces, never tabs"),
    ("duplicate-id", 26, "entry 'model-x', field 'id': duplicate id"),
    ("missing-field", 17, "entry 'model-x', field 'owner': missing required field — add 'owner:'"),
    ("unknown-theme", 25, "entry 'model-x', field 'themes': unknown theme 'theme-z' — expected one of: theme-a"),
    ("bad-url", 24, "entry 'model-x', field 'url': got 'example.org/x' — expected an absolute http:// or https:// address"),
])
def test_each_broken_registry_gives_one_precise_message(case, line, words):
    result = run_check(DOCS, REGISTRIES / f"{case}.yml")
    assert result.returncode == 1
    problems = problem_lines(result)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"tests/fixtures/registry/{case}.yml:{line}: ")
    assert words in problems[0]


@pytest.mark.parametrize(("front_matter", "line", "words"), [
    ("---\nrender_macros: false\n---\n", 1, "front matter has no description — add 'description:'"),
    ("", 1, "no front matter — start the page with '---'"),
    ("---\ndescription: Too short.\n---\n", 2, "description has 10 characters — write 60 to 300"),
    ("---\ndescription: >-\n  " + "A" * 70 + "\ndescrption: typo\n---\n", 4, "unknown front matter key 'descrption'"),
    ("---\ndescription: [unclosed\n---\n", 3, "front matter is not valid YAML"),
])
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


def test_a_macro_on_a_page_without_macros_and_a_missing_related_block_are_caught(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "index.md").write_text((docs / "index.md").read_text() + '\nSee {{ ref("model-x") }}.\n')
    (docs / "themes/a.md").write_text((docs / "themes/a.md").read_text().replace("{{ related() }}", ""))
    problems = problem_lines(run_check(docs))
    assert len(problems) == 2, problems
    assert "index.md:9: the page uses a macro but macros are off" in problems[0]
    assert "themes/a.md" in problems[1] and "without its related block" in problems[1]

