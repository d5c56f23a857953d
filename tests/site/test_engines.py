"""Two engines, one site: Zensical builds the same pages as MkDocs + Material, with the same
titles, article text and internal links, except for the differences reviewed in
tests/engine-differences.yml; and it is as strict (maintainers/engines.md).

Zensical needs Python 3.11; on Python 3.10 these tests are skipped with a message, except in
CI, where they fail.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import CONFIG, ROOT, build_with_zensical, differences, problem_lines, run_check, small_project

REVIEWED = ROOT / "tests/engine-differences.yml"

if importlib.util.find_spec("zensical") is None:
    message = "Zensical is not installed (it needs Python 3.11 or newer): the two-engine tests did not run."
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)


def test_both_engines_build_the_same_pages_titles_text_and_links(built_site, zensical_site):
    reviewed = yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))
    assert all(item.get("reason", "").strip() for item in reviewed), "every reviewed difference needs a reason"
    listed = {item["difference"] for item in reviewed}
    found = set(differences(built_site, zensical_site))
    assert sorted(found - listed) == [], "differences nobody reviewed: fix them, or list them with a reason in " + REVIEWED.name
    assert sorted(listed - found) == [], "reviewed differences that no longer occur: remove them from " + REVIEWED.name


def test_under_zensical_topic_pages_are_framed_and_dated_and_edit_links_follow_edit_source(zensical_site):
    theme = BeautifulSoup((zensical_site / "themes/digital-literacy/index.html").read_text(encoding="utf-8"), "html.parser")
    assert theme.select_one(".context-notice") is not None and theme.select(".provenance")
    assert theme.select_one(".page-dates time[datetime]") is not None
    index = BeautifulSoup((zensical_site / "resources/index.html").read_text(encoding="utf-8"), "html.parser")
    edit = index.select_one('a[rel="edit"]')
    assert edit is not None and str(edit["href"]).endswith("/edit/main/docs/resources/registry.yml")
    assert (zensical_site / "downloads/registry.json").is_file() and (zensical_site / "changes/feed.xml").is_file()
    assert 'http-equiv="Content-Security-Policy"' in (zensical_site / "index.html").read_text(encoding="utf-8")


def test_the_zensical_build_needs_no_mkdocs(tmp_path):
    """The way forward must not lean on what it replaces: with MkDocs and Material hidden, the
    Zensical build of the small fixture site still succeeds."""
    project = small_project(tmp_path / "small")
    hidden = tmp_path / "hidden"
    for package in ["mkdocs", "material", "mkdocs_macros"]:
        (hidden / package).mkdir(parents=True)
        (hidden / package / "__init__.py").write_text(f"raise ImportError('{package} is hidden from the Zensical build')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hidden), str(project)])}
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "us_nordic_kb.build", "--engine", "zensical", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert (tmp_path / "site/themes/a/index.html").is_file()


def break_it(project: Path, case: str) -> str:
    """Break the fixture project as `case` says; return what make check says about it."""
    if case == "missing page":  # make check says it too, but MkDocs and Zensical each say it their way
        (project / "docs/about.md").write_text((project / "docs/about.md").read_text() + "\n[gone](gone.md)\n")
        return "page does not exist"
    if case == "unknown reference":
        page = project / "docs/themes/a.md"
        page.write_text(page.read_text() + "\nSee {{ ref('anchor-modle') }}.\n")
    else:
        registry = project / "docs/resources/registry.yml"
        registry.write_text(registry.read_text().replace("kind: programme", "kind: programmme", 1))
    check = run_check(config=project / CONFIG)
    assert check.returncode == 1
    return problem_lines(check)[0]


@pytest.mark.parametrize("case", ["unknown reference", "broken registry entry", "missing page"])
def test_zensical_alone_fails_on_what_mkdocs_fails_on_with_the_same_message(tmp_path, case):
    """Zensical run directly, without make check before it: a wrong reference or registry entry
    stops it with make check's `file:line` message (after Zensical's traceback), and a link to
    a missing page stops it in strict mode."""
    project = small_project(tmp_path / "small")
    message = break_it(project, case)
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "zensical", "build", "--clean", "--strict", "--config-file", "zensical.yml"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


def test_a_failed_zensical_build_keeps_the_last_good_site(tmp_path):
    project = small_project(tmp_path / "small")
    site = tmp_path / "site"
    assert build_with_zensical(project, site).returncode == 0
    config = (project / "zensical.yml").read_text()  # make check does not read it; Zensical cannot load the extension
    (project / "zensical.yml").write_text(
        config.replace("  - us_nordic_kb.engines.zensical", "  - us_nordic_kb.engines.zensical\n  - no_such_extension", 1)
    )
    result = build_with_zensical(project, site)
    assert result.returncode != 0 and "was left as it was" in result.stderr
    assert (site / "themes/a/index.html").is_file()
