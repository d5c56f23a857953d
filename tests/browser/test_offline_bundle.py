"""The offline bundle, unzipped and opened from file:// with every network request refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import ROOT
from us_nordic_kb.model import pages


@pytest.fixture
def offline_page(page: Any) -> Any:
    """A page whose every request to a network host is refused and recorded."""
    attempts: list[str] = []

    def refuse_network(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempts.append(route.request.url)
            route.abort()

    page.context.route("**/*", refuse_network)
    page.network_attempts = attempts
    return page


def test_search_works_from_disk_and_leads_to_the_page(offline_page, unzipped):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    assert "offline copy" in page.locator(".offline-banner").inner_text()
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("decentralised", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("themes/frontline-training.html" in h for h in hrefs), hrefs
    page.locator('.md-search-result__item a[href*="themes/frontline-training.html"]').first.click()
    page.wait_for_url("**/themes/frontline-training.html*")
    title = pages.title((ROOT / "docs/themes/frontline-training.md").read_text(encoding="utf-8"))
    assert title and page.locator("article h1").inner_text().startswith(title)
    assert page.network_attempts == []


def test_every_page_has_its_styles_and_internal_links_work(offline_page, unzipped):
    page = offline_page
    page.goto((unzipped / "themes/digital-literacy.html").as_uri())
    # Material's stylesheet applied: the header is fixed-height and coloured, not unstyled HTML.
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    page.locator('article a[href$="resources/index.html#nordic-resistance-movement"]').first.click()
    page.wait_for_url("**/resources/index.html#nordic-resistance-movement")
    assert page.locator("#nordic-resistance-movement").is_visible()
    page.locator('footer a:has-text("Downloads")').first.click()
    page.wait_for_url("**/downloads.html")
    assert page.network_attempts == []
