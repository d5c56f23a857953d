"""The project model (model/project.py): one place that reads the project's configuration, with
our settings typed, so that a misspelt one stops the check and the build; and the one address
rule and front-matter parser (model/pages.py)."""

from __future__ import annotations

import pytest

from tests.support import ROOT
from us_nordic_kb.model import pages, project


def test_the_model_reads_the_configuration_and_the_profiles_that_inherit_it():
    loaded = project.load(ROOT / "mkdocs.yml")
    assert loaded.root == ROOT and loaded.docs_dir == ROOT / "docs"
    assert loaded.registry_file == ROOT / "docs/resources/registry.yml" and loaded.schema_file.is_file()
    assert loaded.nav[0] == "index.md" and "themes/digital-literacy.md" in loaded.nav
    assert loaded.extra.offline_copy is False and loaded.extra.citation["licence"] == "CC-BY-4.0"
    offline = project.load(ROOT / "mkdocs.offline.yml")
    assert offline.extra.offline_copy is True and offline.site_url == loaded.site_url  # inherited


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"citation": {}, "short_name": "KB", "built_wth": {}},
            "extra.built_wth is not a setting of this site — expected one of: citation",
        ),
        (
            {"citation": {}, "built_with": {}, "short_name": "KB", "offline_copy": "yes"},
            "extra.offline_copy is 'yes' — expected a bool",
        ),
        ({"built_with": {}, "short_name": "KB"}, "extra is missing a setting"),
        ({"citation": {}, "built_with": {}, "short_name": "US–Nordic Prevention Knowledge Base"}, "expected 1 to 30 characters"),
        ({"citation": {}, "built_with": {}, "short_name": ""}, "extra.short_name is '' — expected 1 to 30"),
    ],
)
def test_a_wrong_setting_of_ours_is_refused_with_what_is_expected(extra, message):
    with pytest.raises(project.ConfigError, match=message):
        project.Extra.of(extra, "mkdocs.yml")


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
