"""make check's findings become GitHub annotations (github/annotations.py), in the format GitHub
reads, from the real output of make check on broken fixtures."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import yaml

from tests.support import FIXTURES, ROOT, run_check
from us_nordic_kb.github import annotations as annotator


def test_a_broken_page_gives_one_annotation_per_finding_on_its_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", docs)
    page = docs / "themes/a.md"
    long = "At 100% of cities, staff: police, youth workers and teachers, " + " ".join(["met often"] * 12) + "."
    page.write_text(page.read_text().replace("A page.", f"A holistic way.\n\n{long}"))
    output = run_check(docs).stdout
    found = list(annotator.commands(output.splitlines(), tmp_path))
    printed = [line.removeprefix(f"{page}:").split(": ", 1) for line in output.splitlines() if line.startswith(f"{page}:")]
    assert len(printed) == 2  # the long sentence and the unlinked glossary term, each with its line
    assert found == [
        f"::error file=docs/themes/a.md,line={line},title=make check::{annotator.escape_data(message)}"
        for line, message in printed
    ]
    assert found[0] == (
        '::error file=docs/themes/a.md,line=15,title=make check::sentence of 34 words (at most 30): "At 100%25 of cities, '
        'staff: police, youth workers and teachers, met often met often met ofte…" — split it'
    )
    assert len(output.splitlines()) > len(found)  # the readability table and the count are no findings


def test_a_broken_registry_is_annotated_where_make_check_names_it():
    output = run_check(FIXTURES / "docs", FIXTURES / "registry/bad-url.yml").stdout
    assert list(annotator.commands(output.splitlines(), ROOT)) == [
        "::error file=tests/fixtures/registry/bad-url.yml,line=22,title=make check::entry 'model-x', field 'url': got "
        "'example.org/x' — expected an absolute https:// address, or null with a url_note"
    ]


def test_messages_and_properties_are_escaped_as_github_requires(tmp_path):
    (tmp_path / "a,b.md").write_text("x")
    line = "a,b.md:3: 50% done\r: a, b — fix it"
    assert annotator.annotation(line, tmp_path) == "::error file=a%2Cb.md,line=3,title=make check::50%25 done%0D: a, b — fix it"
    assert annotator.escape_data("a\nb%c\r") == "a%0Ab%25c%0D"
    assert annotator.escape_property("x:y,z%\n") == "x%3Ay%2Cz%25%0A"


def test_a_file_outside_the_repository_or_without_a_line_is_still_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/r.yml").write_text("x")
    assert annotator.annotation("docs/r.yml: entry 'x': ended — fix it", tmp_path) == (
        "::error file=docs/r.yml,title=make check::entry 'x': ended — fix it"
    )
    assert annotator.annotation("/elsewhere/p.md:4: no — yes", tmp_path) == (
        "::error title=make check::/elsewhere/p.md:4: no — yes"
    )
    for not_a_finding in ["make check: 2 problem(s)", "docs/a.md            55.2   1065   29", ""]:
        assert annotator.annotation(not_a_finding, tmp_path) is None


def test_echo_passes_the_output_through_with_workflow_commands_switched_off(tmp_path):
    (tmp_path / "p.md").write_text("x")
    lines = ["p.md:2: bad — fix", "::add-mask::hidden", "p.md:2: bad — fix"]
    printed = list(annotator.commands(lines, tmp_path, echo=True))
    token = printed[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and printed[1:5] == [*lines, f"::{token}::"]
    assert printed[5:] == ["::error file=p.md,line=2,title=make check::bad — fix"]  # once, however often it is printed


def test_the_command_reads_standard_input_as_ci_pipes_make_check_into_it():
    output = run_check(FIXTURES / "docs", FIXTURES / "registry/bad-url.yml").stdout
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "us_nordic_kb.github.annotations"], input=output, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0 and result.stdout.startswith("::error file=tests/fixtures/registry/bad-url.yml,line=22,")
    out = io.StringIO(output)
    assert next(iter(annotator.commands(out, ROOT))).startswith("::error file=tests/fixtures/registry/bad-url.yml")


def test_ci_runs_make_check_through_the_annotator_before_the_rest():
    steps = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    check = runs.index("make check 2>&1 | python3 -m us_nordic_kb.github.annotations --echo")
    assert steps[check]["shell"] == "bash"  # GitHub runs bash with pipefail: make check's failure fails the step
    assert check < runs.index("bash .ci/run")
