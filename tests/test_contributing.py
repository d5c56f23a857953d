"""What contributors rely on: edit links, the contributing guide, templates and hooks."""

from __future__ import annotations

import re
import subprocess
import sys

from bs4 import BeautifulSoup

from macros import pages
from scripts import site_config
from tests.support import ROOT, SCHEMA, git

CONFIG = site_config.load(ROOT / "mkdocs.yml")
EDIT_PREFIX = CONFIG.repo_url.rstrip("/") + "/edit/main/"


def built(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / pages.html_file(page, True)).read_text(encoding="utf-8"), "html.parser")


def test_every_content_page_has_edit_and_view_links_to_an_existing_file(built_site):
    for page in pages.nav_pages(CONFIG.nav):
        html = built(built_site, page)
        edit = html.select_one('a[rel="edit"]')
        assert edit is not None, page
        assert edit["href"].startswith(EDIT_PREFIX), edit["href"]
        source = edit["href"].removeprefix(EDIT_PREFIX)
        assert (ROOT / source).is_file(), (page, source)
        view = html.select_one('a[title="View source of this page"]')
        assert view is not None and view["href"] == edit["href"].replace("/edit/", "/raw/"), page


def test_generated_pages_link_to_what_they_are_generated_from(built_site):
    assert (
        built(built_site, "resources/index.md").select_one('a[rel="edit"]')["href"] == EDIT_PREFIX + "docs/resources/registry.yml"
    )
    assert built(built_site, "contributing.md").select_one('a[rel="edit"]')["href"] == EDIT_PREFIX + "CONTRIBUTING.md"


def test_every_page_says_when_it_was_last_updated(built_site):
    for page in pages.nav_pages(CONFIG.nav):
        dates = built(built_site, page).select_one("aside.page-dates")
        assert dates is not None, page
        assert re.search(r"Last updated: \d{1,2} \w+ \d{4}", dates.get_text(" ", strip=True)), page


def test_the_contributing_guide_is_a_page_of_the_site(built_site):
    text = built(built_site, "contributing.md").select_one("article").get_text(" ", strip=True)
    for heading in [
        "Add a resource, a programme or an organisation",
        "Writing guide",
        "Reading the checks",
        "Code of conduct",
        "Licence",
    ]:
        assert heading in text
    assert "make serve" in text and "url_note" in text


def test_the_worked_example_in_the_guide_is_a_valid_entry(tmp_path):
    from macros.registry import load

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
    from macros.registry import load
    from scripts.check import check_page

    page = tmp_path / "new.md"
    page.write_text((ROOT / "templates/topic-page.md").read_text())
    assert check_page(page, "new.md", load(ROOT / "docs/resources/registry.yml", ROOT / "docs")) == []


def test_the_pre_commit_configuration_is_valid_and_runs_make_check():
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "pre_commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    for command in ["-m scripts.check", "ruff check", "ruff format --check", ".venv/bin/mypy", "zizmor --offline"]:
        assert command in config, command


def test_last_updated_comes_from_git_history_and_generated_pages_use_their_source(project):
    from tests.support import build

    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "all", date="2024-03-05T12:00:00+00:00")
    registry = project / "docs/resources/registry.yml"
    registry.write_text(registry.read_text() + "\n")
    git(project, "commit", "-qam", "registry", date="2025-01-02T12:00:00+00:00")
    result = build(project, project / "site", "--skip-downloads")
    assert result.returncode == 0, result.stderr
    theme = (project / "site/themes/digital-literacy/index.html").read_text()
    index = (project / "site/resources/index.html").read_text()
    assert 'Last updated: <time datetime="2024-03-05">5 March 2024</time>' in theme
    assert 'Last updated: <time datetime="2025-01-02">2 January 2025</time>' in index


def test_without_git_history_pages_show_no_date_and_the_build_says_so_once(project):
    from tests.support import build

    result = build(project, project / "site", "--skip-downloads")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("No git history here: pages show no 'last updated' date") == 1
    about = (project / "site/about/index.html").read_text()
    assert "Last updated:" not in about and '"dateModified"' not in about
    assert "Contributors to the US–Nordic Prevention Knowledge Base. (n.d.). About the workshop." in about
