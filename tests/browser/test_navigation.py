"""Finding and moving around: search, menus, next/previous, related links, edit link, colour
scheme, keyboard, and printing a page."""

from __future__ import annotations

import re

import pytest

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def open_search(page):
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    return page.locator("input.md-search__input")


def test_search_for_the_finnish_model_finds_its_theme_page_and_opens_it_at_the_right_place(guarded_page, site_url):
    page = guarded_page
    page.goto(site_url)
    open_search(page).press_sequentially("Ankkuri", delay=30)
    page_hit = page.locator('.md-search-result__item a[href*="themes/resilience-and-trust/"]').first
    page_hit.wait_for(timeout=10_000)
    section_hit = page.locator(
        '.md-search-result a[href*="themes/resilience-and-trust/"][href$="#joint-teams-built-around-each-case"]'
    )
    assert section_hit.count() == 1
    section_hit.click()
    page.wait_for_url(re.compile(r".*/themes/resilience-and-trust/.*#joint-teams-built-around-each-case$"))
    heading = page.locator("#joint-teams-built-around-each-case")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert 0 <= box["y"] < DESKTOP["height"] / 2  # scrolled to the section, not left at the top
    assert page.foreign_requests == [] and page.console_errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_menu_next_previous_and_related_links(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url)
    if viewport is PHONE:
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.locator(".md-nav--primary").wait_for(state="visible")
    else:
        assert page.locator(".md-sidebar--primary").is_visible()
    page.locator('.md-nav--primary a.md-nav__link[href="about/"]').first.click()
    page.wait_for_url(f"{site_url}about/")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"{site_url}themes/")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"{site_url}themes/resilience-and-trust/")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(f"{site_url}themes/")
    page.goto(f"{site_url}themes/digital-literacy/")
    related = page.locator("#related ~ ul a").first
    target = related.get_attribute("href")
    related.click()
    page.wait_for_url(re.compile(re.escape(site_url + target.replace("../", "").split("#")[0])))
    edit = page.locator('a[rel="edit"]')
    assert edit.get_attribute("href").startswith("https://github.com/") and edit.is_visible()
    context.close()


def test_light_and_dark_switch(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator('label[title="Switch to dark mode"]').click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"  # the choice is remembered
    page.locator('label[title="Switch to light mode"]').click()
    assert body.get_attribute("data-md-color-scheme") == "default"


def test_keyboard_skip_link_and_search(page, site_url):
    page.goto(site_url + "about/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.classList.contains('md-skip') + '|' + document.activeElement.textContent.trim()")
    assert skip == "true|Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#about-the-workshop")
    assert page.locator("#about-the-workshop").is_visible()
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Hennepin", delay=30)
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "inclusive-communities" in focused or "resources" in focused, focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*(inclusive-communities|resources)/.*"))
    page.keyboard.press("Escape")


def test_printing_a_page_hides_the_chrome_and_shows_link_addresses(page, site_url):
    page.goto(site_url + "themes/resilience-and-trust/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", "a[rel='edit']"]:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    page.goto(site_url + "about/")
    page.emulate_media(media="print")
    link = page.locator('article a[href^="https://strongcitiesnetwork.org/news/"]').first
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert "https://strongcitiesnetwork.org/news/" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
