"""The Zensical build in Chromium: like the MkDocs build, it asks nothing of another host, logs
no error (no Content-Security-Policy violation either), and its search finds a page."""

from __future__ import annotations

import pytest

from tests.support import PAGES, guard
from us_nordic_kb.check.serve import serve


@pytest.fixture(scope="module")
def zensical_url(zensical_site):
    with serve(zensical_site) as base:
        yield base


def test_pages_request_nothing_from_other_hosts_and_log_no_error(page, zensical_url):
    page = guard(page, zensical_url)
    for path in PAGES:
        page.goto(zensical_url + path)
        page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
    assert page.console_errors == []
    assert page.failed_requests == []


def test_search_finds_the_finnish_model_by_its_finnish_name(page, zensical_url):
    """Zensical's own search, a dialog in a shadow root (Playwright's selectors reach into it)."""
    page.goto(zensical_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("Ankkuri", delay=30)
    result = page.locator('dialog[aria-label="Search"] [role="listbox"] a').first
    result.wait_for(timeout=10_000)
    assert "/resources/" in str(result.get_attribute("href")) and "#anchor-model" in str(result.get_attribute("href"))
