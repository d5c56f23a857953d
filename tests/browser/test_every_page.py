"""Every page in a real browser: no foreign request, no cookie, no console error, no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support import PAGES, guard

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def violations(page) -> list[str]:
    results = AXE.run(page, options=WCAG_21_AA).response
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in results["violations"]]


def test_pages_request_nothing_from_other_hosts_set_no_cookie_and_log_no_error(guarded_page, site_url):
    """No console error also means no Content-Security-Policy violation: Chromium logs each one."""
    page = guarded_page
    for path in PAGES + ["no-such-page/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
    assert page.console_errors == ["Failed to load resource: the server responded with a status of 404 (File not found)"]
    assert page.failed_requests == [f"404 {site_url}no-such-page/"]
    assert page.context.cookies() == []


@pytest.fixture
def guarded_page_without_policy(browser, site_url):
    """A guarded page in a browser told to ignore the pages' Content-Security-Policy, which
    would stop a foreign request before the guard could see it."""
    context = browser.new_context(bypass_csp=True)
    yield guard(context.new_page(), site_url)
    context.close()


def test_a_request_to_another_host_is_caught(guarded_page_without_policy, site_url):
    """The privacy check above can fail: a page that loads a web font from a CDN is caught,
    even if the page's policy did not stop it first."""
    page = guarded_page_without_policy
    page.goto(site_url)
    page.evaluate("""() => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'https://fonts.googleapis.com/css?family=Roboto';
        document.head.appendChild(link);
    }""")
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == ["https://fonts.googleapis.com/css?family=Roboto"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_violates_wcag_21_aa(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(site_url + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert found == {}


def test_an_accessibility_violation_is_caught(page, site_url):
    """The axe check above can fail: an image without alt text and low-contrast text are reported."""
    page.goto(site_url + "about/")
    page.evaluate("""() => {
        const article = document.querySelector('article');
        article.insertAdjacentHTML('beforeend',
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p id="faint">Barely visible text</p>');
        // Styled through the DOM: the policy refuses a style attribute in markup.
        Object.assign(document.getElementById('faint').style, {color: '#ccc', background: '#fff'});
    }""")
    ids = {v.split(" ")[0] for v in violations(page)}
    assert {"image-alt", "color-contrast"} <= ids
