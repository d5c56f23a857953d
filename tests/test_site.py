"""The site model (macros/site.py): one place that reads the project's configuration, with our
settings typed, so that a misspelt one stops the check and the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros import pages, site
from tests.support import ROOT, small_project


def test_the_model_reads_the_configuration_and_the_profiles_that_inherit_it():
    project = site.load(ROOT / "mkdocs.yml")
    assert project.root == ROOT and project.docs_dir == ROOT / "docs"
    assert project.registry_file == ROOT / "docs/resources/registry.yml" and project.schema_file.is_file()
    assert project.nav[0] == "index.md" and "themes/digital-literacy.md" in project.nav
    assert project.extra.offline_copy is False and project.extra.citation["licence"] == "CC-BY-4.0"
    offline = site.load(ROOT / "mkdocs.offline.yml")
    assert offline.extra.offline_copy is True and offline.site_url == project.site_url  # inherited


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"citation": {}, "built_wth": {}}, "extra.built_wth is not a setting of this site — expected one of: citation"),
        ({"citation": {}, "built_with": {}, "offline_copy": "yes"}, "extra.offline_copy is 'yes' — expected a bool"),
        ({"built_with": {}}, "extra is missing a setting"),
    ],
)
def test_a_wrong_setting_of_ours_is_refused_with_what_is_expected(extra, message):
    with pytest.raises(site.SiteConfigError, match=message):
        site.Extra.of(extra, "mkdocs.yml")


@pytest.mark.slow
def test_a_misspelt_setting_stops_make_check_and_a_plain_mkdocs_build(tmp_path):
    project = small_project(tmp_path / "small")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  built_with:", "  built_wth:", 1), encoding="utf-8")
    for command in [["-m", "scripts.check", "--quiet"], ["-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")]]:
        result = subprocess.run([sys.executable, *command], cwd=project, capture_output=True, text=True)  # noqa: S603 - fixed argument list
        assert (
            result.returncode != 0
            and "mkdocs.yml: extra.built_wth is not a setting of this site" in result.stdout + result.stderr
        )


def test_one_address_rule_serves_every_direction():
    for page, built, file in [
        ("index.md", "", "index.html"),
        ("about.md", "about/", "about/index.html"),
        ("themes/index.md", "themes/", "themes/index.html"),
        ("themes/digital-literacy.md", "themes/digital-literacy/", "themes/digital-literacy/index.html"),
    ]:
        assert pages.address(page) == built and pages.html_file(page) == file
        assert pages.page_of(built, {page}) == page and pages.page_of(file, {page}) == page
    assert pages.address("about.md", directory_urls=False) == "about.html"
    assert pages.relative_address("resources/index.md#x", "map/index.md") == "../resources/#x"
    assert pages.slug("themes/digital-literacy.md") == "themes-digital-literacy" and pages.slug("index.md") == "home"


def test_one_front_matter_parser_counts_lines_as_the_editor_shows_them():
    text = "---\ndescription: A page.\nroles:\n  a: b\n---\n\n\n# Title\n\nText.\n"
    source = pages.split(text)
    assert source.meta == {"description": "A page.", "roles": {"a": "b"}} and source.has_front_matter
    assert source.body.startswith("# Title") and source.body_line == pages.body_line(text) == 8
    assert source.key_lines == {"description": 2, "roles": 3}
    assert pages.split("# No front matter\n").body_line == 1 and not pages.split("# x\n").has_front_matter
