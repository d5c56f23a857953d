"""What contributors rely on: edit links, the contributing guide, templates and hooks."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.support import PROJECT, ROOT, SCHEMA

EDIT_PREFIX = PROJECT.settings["repo_url"].rstrip("/") + "/edit/main/"


def test_the_worked_example_in_the_guide_is_a_valid_entry(tmp_path):
    from us_nordic_kb.model.registry import load

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(  - id: anchor-model.*?)```", guide, re.S).group(1)
    registry = (ROOT / "docs/resources/registry.yml").read_text(encoding="utf-8")
    start = registry.index("  - id: anchor-model")
    end = registry.index("  - id: ", start + 10)
    (tmp_path / "registry.yml").write_text(registry[:start] + example + "\n" + registry[end:])
    entry = load(tmp_path / "registry.yml", ROOT / "docs", schema=SCHEMA).entries["anchor-model"]
    assert entry.recommended is True and entry.editors_links == ("support-existing-models",) and entry.status


def test_issue_forms_pull_request_template_and_page_template_exist_and_are_valid():
    forms = sorted(str(p) for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    assert len(forms) == 3
    for schema, files in [
        ("vendor.github-issue-forms", forms),
        ("vendor.github-issue-config", [str(ROOT / ".github/ISSUE_TEMPLATE/config.yml")]),
    ]:
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout
    assert "make check" in (ROOT / ".github/PULL_REQUEST_TEMPLATE.md").read_text()
    template = (ROOT / "templates/topic-page.md").read_text()
    assert "description:" in template and "{ .lead }" in template and "{{ related() }}" in template


def test_the_page_template_passes_make_check(tmp_path):
    from us_nordic_kb.check.checks import check_page
    from us_nordic_kb.model.registry import load

    page = tmp_path / "new.md"
    page.write_text((ROOT / "templates/topic-page.md").read_text())
    assert check_page(PROJECT, page, "new.md", load(PROJECT.registry_file, PROJECT.docs_dir)) == []


def test_the_pre_commit_configuration_is_valid_and_runs_make_check():
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "pre_commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    for command in ["-m us_nordic_kb.check", "ruff check", "ruff format --check", ".venv/bin/mypy", "zizmor --offline"]:
        assert command in config, command
