"""The Content-Security-Policy: every page carries it, online and in the offline bundle; in
Chromium, search, the palette switch and the finder work under it, and a script injected into a
page does not run."""

from __future__ import annotations

import base64
import hashlib
import shutil

from bs4 import BeautifulSoup

POLICY = 'meta[http-equiv="Content-Security-Policy"]'


def violations(page) -> list[str]:
    found: list[str] = []

    def record(message) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", record)
    return found


def test_every_built_page_has_the_policy_and_no_referrer(built_site):
    """Every HTML file, 404 page included. That no page breaks its policy is held by the privacy
    test in test_every_page.py, which loads every page and allows no console error (Chromium
    reports each violation as one)."""
    for html in sorted(built_site.rglob("*.html")):
        head = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").head
        assert head is not None, html
        policy, referrer = head.select_one(POLICY), head.select_one('meta[name="referrer"]')
        assert policy is not None and referrer is not None, html
        assert "script-src 'self' 'sha256-" in str(policy["content"]) and "unsafe-inline" not in str(policy["content"]), html
        assert referrer["content"] == "no-referrer", html


def test_search_palette_and_finder_work_under_the_policy(page, site_url):
    found = violations(page)
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Ankkuri", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator('label[title^="Switch to"]:visible').first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    page.goto(site_url + "resources/")
    page.locator('input[name="country"][value="finland"]').check()
    status = page.locator(".finder-status").inner_text()
    assert "of" in status and page.locator("[data-entry]:visible").count() < page.locator("[data-entry]").count()
    assert found == []


def test_an_injected_inline_script_does_not_run(page, site_url):
    found = violations(page)
    page.goto(site_url + "about/")
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.appendChild(script);
    }""")
    assert page.evaluate("window.injected === undefined")
    assert found and "violates the following Content Security Policy directive 'script-src" in found[0]


def test_the_offline_copy_has_a_file_policy_and_search_works_under_it(page, unzipped):
    offline = unzipped
    found = violations(page)
    for path in ["index.html", "about.html", "resources/index.html", "map/index.html"]:
        page.goto((offline / path).as_uri())
        policy = page.locator(POLICY).get_attribute("content")
        assert "script-src file: 'sha256-" in policy and "unsafe-inline" not in policy, path
    page.goto((offline / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Ankkuri", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.goto((offline / "resources/index.html").as_uri())
    page.locator('input[name="country"][value="finland"]').check()
    assert "of" in page.locator(".finder-status").inner_text()
    assert found == []


PLANTED = "window.planted = true"


def plant(page_file) -> str:
    """Put a script and an event handler into the article of a built page, as if a contributor's
    page had got past make check; return the page's policy."""
    html = page_file.read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert article in html
    html = html.replace(article, article + f'<script>{PLANTED}</script><img src="x" onerror="{PLANTED}">', 1)
    page_file.write_text(html, encoding="utf-8")
    policy = BeautifulSoup(html, "html.parser").select_one(POLICY)
    assert policy is not None
    return str(policy["content"])


def test_a_script_planted_in_page_content_neither_runs_nor_is_allowed_online_or_offline(page, built_site, unzipped, tmp_path):
    """The policy hashes only the theme's scripts, known before the pages are read
    (build/csp.py): a script in page content has no hash, so Chromium blocks it, on the
    published site and in the offline bundle."""
    from us_nordic_kb.check.serve import serve

    digest = base64.b64encode(hashlib.sha256(PLANTED.encode()).digest()).decode()
    online, offline = tmp_path / "online", tmp_path / "offline"
    shutil.copytree(built_site, online, ignore=shutil.ignore_patterns("downloads"))
    shutil.copytree(unzipped, offline, ignore=shutil.ignore_patterns("downloads"))
    for policy in [plant(online / "about/index.html"), plant(offline / "about.html")]:
        assert digest not in policy and "unsafe-inline" not in policy.split("style-src")[0]
    found = violations(page)
    with serve(online) as base:
        page.goto(base + "about/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.planted === undefined")
    page.goto((offline / "about.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.planted === undefined")
    assert len([v for v in found if "script-src" in v]) >= 4, found  # the script and the handler, on both copies
