"""The practice table, the relationship map and names in other languages, in Chromium."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 375, "height": 740}


def column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(".sortable tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_the_practice_table_sorts_by_any_column_and_says_so(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url + "practices/")
    place = page.locator(".sortable thead th").nth(1)
    button = place.locator("button.sort-button")
    assert button.inner_text() == "Place"
    button.focus()
    page.keyboard.press("Enter")
    assert place.get_attribute("aria-sort") == "ascending"
    places = column(page, 1)
    assert places == sorted(places, key=str.lower)
    button.click()
    assert place.get_attribute("aria-sort") == "descending"
    assert column(page, 1) == sorted(places, key=str.lower, reverse=True)
    page.locator(".sortable thead th").nth(0).locator("button").click()
    assert place.get_attribute("aria-sort") is None
    assert page.console_errors == [] and page.foreign_requests == []


def test_the_map_scrolls_sideways_on_a_phone_and_its_boxes_are_links(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "map/")
    scroller = page.locator(".relation-map-scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # the page itself does not overflow
    node = page.locator('svg.relation-map a.map-node[href*="resources/#anchor-model"]')
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/resources/#anchor-model$"))
    context.close()


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("Ankkuritoiminta", "anchor-model"),
        ("Pohjoismainen vastarintaliike", "nordic-resistance-movement"),
        ("Sisäministeriö", "finland-ministry-of-the-interior"),
        ("sisaministerio", "finland-ministry-of-the-interior"),  # typed without its special letters
    ],
)
def test_search_finds_an_entry_by_its_name_in_another_language(guarded_page, site_url, query, anchor):
    page = guarded_page
    page.goto(site_url)
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    hit = page.locator(f'.md-search-result a[href$="#{anchor}"]').first
    hit.wait_for(timeout=10_000)
    assert "resources/" in hit.get_attribute("href")
