"""The Kiwix archive's writer (build/zim.py) without a build: every type of file an offline copy
may hold has its type in the archive, and the metadata keeps to openZIM's limits."""

from __future__ import annotations

import dataclasses

import pytest

from tests.support import PROJECT
from us_nordic_kb.build import zim
from us_nordic_kb.model.published_files import OUTPUT_TYPES

# The published site's own files, which no offline copy holds: Pagefind's index, the zipped
# sitemap, the web app manifest, and the downloads that are not carried (the bundle, the archive itself).
SITE_ONLY = {".pagefind", ".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter", ".gz", ".webmanifest", ".zip", ".zim"}


def test_every_type_an_offline_copy_may_hold_has_its_type_in_the_archive():
    assert set(zim.MIME_TYPES) == OUTPUT_TYPES - SITE_ONLY


def test_the_metadata_comes_from_the_project_within_openzims_limits():
    values = zim.metadata(PROJECT, "A home page's heading", "eng")
    assert values["Title"] == PROJECT.extra.short_name and values["Source"] == PROJECT.site_url
    assert values["License"] == PROJECT.extra.citation["licence"] and values["Language"] == "eng"
    assert all(len(values[name]) <= limit for name, limit in zim.LIMITS.items())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"short_name": "US–Nordic Prevention Knowledge Base"}, "Title has 35 characters, openZIM allows 30"),
        ({"short_name": ""}, "Title is empty"),
    ],
)
def test_a_title_openzim_does_not_allow_stops_the_build_with_what_to_do(change, message):
    project = dataclasses.replace(PROJECT, extra=dataclasses.replace(PROJECT.extra, **change))
    with pytest.raises(SystemExit, match=message):
        zim.metadata(project, "A home page's heading", "eng")


def test_a_description_longer_than_openzim_allows_is_refused():
    with pytest.raises(SystemExit, match="Description has 81 characters.*the home page's heading"):
        zim.metadata(PROJECT, "x" * 81, "eng")


def test_a_page_is_titled_by_its_h1_and_indexed_by_its_article_alone():
    html = (
        "<html><head><title>Page - Site</title></head><body><nav>Every page's navigation</nav>"
        '<article><h1>Its heading<a class="headerlink" href="#x">¶</a></h1><p>Its text.</p>'
        "<script>code()</script></article></body></html>"
    )
    assert zim.page_text(html, "a.html") == ("Its heading", "Its heading Its text.")
    assert zim.page_text("<html><head><title>Only a title</title></head><body>x</body></html>", "b.html")[0] == "Only a title"
