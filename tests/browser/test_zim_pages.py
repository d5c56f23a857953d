"""The Kiwix archive's pages as a Kiwix app shows them: served over http from the archive's own
entries (as kiwix-serve does), in Chromium. Each page loads its styles and scripts under its
policy, logs no error, and its search (the offline copy's) answers."""

from __future__ import annotations

import zipfile

import pytest
from libzim.reader import Archive

from tests.support import PROJECT, guard
from us_nordic_kb.build.bundle import BUNDLE_NAME, FOLDER
from us_nordic_kb.check.serve import serve
from us_nordic_kb.model import pages
from us_nordic_kb.model.artifacts import artifact


@pytest.fixture(scope="module")
def archive_url(built_site, tmp_path_factory):
    """Every entry of the archive written out at its path, and served."""
    archive = Archive(built_site / "downloads" / artifact("zim").file)
    folder = tmp_path_factory.mktemp("zim-entries")
    with zipfile.ZipFile(built_site / "downloads" / BUNDLE_NAME) as bundle:
        names = [n.removeprefix(f"{FOLDER}/") for n in bundle.namelist() if not n.endswith("/")]
    for name in names:
        if archive.has_entry_by_path(name):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(bytes(archive.get_entry_by_path(name).get_item().content))
    with serve(folder) as base:
        yield base


def test_every_page_loads_its_styles_and_scripts_and_logs_no_error(page, archive_url):
    page = guard(page, archive_url)
    for nav_page in PROJECT.nav:
        page.goto(archive_url + pages.html_file(nav_page, directory_urls=False))
        page.wait_for_load_state("networkidle")
        # The theme's stylesheet applied: the header is the palette's colour, not unstyled.
        assert page.locator("header.md-header").evaluate("h => getComputedStyle(h).position") == "sticky", nav_page
    assert page.console_errors == [] and page.failed_requests == [] and page.foreign_requests == []


def test_its_search_answers(page, archive_url):
    page.goto(archive_url + "index.html")
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("digital literacy", delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=30_000)
    assert any("digital-literacy" in href for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
