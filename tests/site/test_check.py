"""`make check` run as a contributor runs it, in a copy of the project: what it reads besides the
pages, named with file and line when a byte is not UTF-8."""

from __future__ import annotations

import subprocess
import sys

from tests.support import copy_project, problem_lines

READ_BY_CHECK = [
    "docs/index.md",
    "docs/themes/digital-literacy.md",
    "docs/includes/abbreviations.md",
    "docs/resources/registry.yml",
    "docs/resources/registry.schema.json",
    "docs/glossary.yml",
    "docs/comparison.yml",
    "docs/roles.yml",
    "CONTRIBUTING.md",
    "CITATION.cff",
    "us_nordic_kb/check/paraphrase-allowlist.yml",
    "us_nordic_kb/check/report-fingerprint.json",
]


def test_a_byte_that_is_not_utf8_is_named_with_its_file_and_line_in_every_file_make_check_reads(tmp_path):
    project = copy_project(tmp_path / "project")
    expected = []
    for name in READ_BY_CHECK:
        data = (project / name).read_bytes()
        (project / name).write_bytes(data + b"\nSaved as Latin-1: caf\xe9\n")
        line = data.count(b"\n") + 2  # the line after the file's last
        expected.append(f"{name}:{line}: file: byte 0xe9 is not UTF-8 — save the file as UTF-8")
    result = subprocess.run([sys.executable, "-m", "us_nordic_kb.check", "--quiet"], cwd=project, capture_output=True, text=True)  # noqa: S603 - fixed argument list, no shell, no outside input
    assert result.returncode == 1 and result.stderr == ""
    assert problem_lines(result) == sorted(expected), result.stdout
    config = project / "mkdocs.yml"
    config.write_bytes(b"# caf\xe9\n" + config.read_bytes())
    result = subprocess.run([sys.executable, "-m", "us_nordic_kb.check", "--quiet"], cwd=project, capture_output=True, text=True)  # noqa: S603 - fixed argument list, no shell, no outside input
    assert result.returncode == 1 and result.stderr == ""
    assert problem_lines(result) == ["mkdocs.yml:1: file: byte 0xe9 is not UTF-8 — save the file as UTF-8"]
