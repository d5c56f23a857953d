"""The foot of every page in Chromium: a citation copied with the theme's own copy button, and
feedback links that are plain, keyboard-reachable links."""

from __future__ import annotations


def test_a_citation_is_copied_with_the_copy_button(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "themes/digital-literacy/")
    page.locator("details.cite summary").click()
    block = page.locator("details.cite pre.cite-text").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == block.locator("code").inner_text()
    assert (
        copied.startswith("Contributors to the US–Nordic Prevention Knowledge Base. (") and "themes/digital-literacy/" in copied
    )
    context.close()


def test_the_feedback_links_are_reached_with_the_keyboard(page, site_url):
    page.goto(site_url + "about/")
    names = []
    for _ in range(200):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.closest('.page-feedback') ? document.activeElement.textContent.trim() : ''")
        if name:
            names.append(name)
        if len(names) == 3:
            break
    assert names == ["Yes, this page was useful", "No, this page was not useful", "Report a problem with this page"]
