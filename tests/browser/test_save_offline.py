"""Save for offline, as a reader in the field meets it, in Chromium at a phone's size: nothing is
registered until the reader asks; the Downloads page says the size, saves the site, and says
of when; with the network cut, every page opens from the saved copy, search answers (a topic's
subject, a Nordic name typed without its special letters) and the finder filters; a newer build
is offered, not swapped in, until the reader taps; and the copy can be removed."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.support import PAGES
from us_nordic_kb.build.save_offline import LIST, MANIFEST
from us_nordic_kb.check.serve import serve

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TIMEOUT = 60_000


@pytest.fixture
def served(built_site, tmp_path):
    """A copy of the built site, served: a test may publish a new build into it."""
    site = shutil.copytree(built_site, tmp_path / "site")
    with serve(site) as base:
        yield site, base


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


def saved_caches(page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).filter((key) => key.startsWith('kb-saved'))")


def search(page, query: str) -> list[str]:
    """The addresses of the results the search box shows for `query`."""
    page.locator("label.md-header__button[for='__search']").click()  # the search button of a phone's header
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=TIMEOUT)
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


def test_nothing_is_registered_or_stored_until_the_reader_asks(phone, served):
    _, base = served
    page = phone.new_page()
    for path in ["", "about/", "downloads/"]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert saved_caches(page) == []
    assert page.locator(".save-offline-footer a", has_text="Save for offline").is_visible()


def test_save_read_offline_update_on_a_tap_and_remove(phone, served, tmp_path):
    site, base = served
    files = json.loads((site / LIST).read_text(encoding="utf-8"))
    page = phone.new_page()
    page.goto(base + "downloads/")
    button = page.locator("[data-save]")
    button.wait_for(timeout=TIMEOUT)
    pages_only = sum(f["bytes"] for f in files["files"] if not f.get("pdf")) / 1e6
    assert button.text_content() == f"Save for offline ({pages_only:.1f} MB)"
    page.locator("[data-save-pdfs]").check()  # the PDFs' size is said, and added to the button's
    assert page.locator("[data-save-pdf-size]").text_content().endswith("MB")
    assert button.text_content() != f"Save for offline ({pages_only:.1f} MB)"
    page.locator("[data-save-pdfs]").uncheck()
    button.click()
    saved = page.locator("[data-save-panel] [data-save-saved]")
    saved.wait_for(timeout=TIMEOUT)
    assert re.fullmatch(r"Saved copy of \d{1,2} \w+ \d{4} \(\d+\.\d MB\)\.", saved.text_content())
    assert page.locator("[data-save-remove]").is_visible() and button.is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-save-remove')")  # the focus goes on

    phone.set_offline(True)
    away = site.rename(tmp_path / "away")  # and nothing left to serve: every answer is the copy's
    for path in PAGES:  # every page, from the saved copy
        page.goto(base + path)
        assert page.locator("article h1").first.is_visible(), path
        page.locator(".save-offline-footer [data-save-saved]").wait_for(timeout=TIMEOUT)  # the footer says of when
    page.goto(base + "themes/")
    assert any("digital-literacy" in href for href in search(page, "digital literacy"))  # a topic's subject
    page.goto(base + "themes/")
    assert any("#finland-ministry-of-the-interior" in href for href in search(page, "sisaministerio"))
    page.goto(base + "resources/?kind=practice")
    shown = page.locator("[data-entry]:visible")
    shown.first.wait_for(timeout=TIMEOUT)
    assert 0 < shown.count() < page.locator("[data-entry]").count()
    page.goto(base + "no-such-page/")  # a page the copy does not hold: the site's own 404 page
    assert page.locator("h1").first.text_content() == "Page not found"

    away.rename(site)
    phone.set_offline(False)  # a new build is published
    about = (site / "about/index.html").read_text(encoding="utf-8")
    (site / "about/index.html").write_text(about.replace("</h1>", " (new build)</h1>", 1), encoding="utf-8")
    (site / LIST).write_text(json.dumps({**files, "build": files["build"] + "-new"}), encoding="utf-8")
    page.goto(base + "about/")
    update = page.locator(".save-offline-footer [data-save-update]")
    update.wait_for(timeout=TIMEOUT)
    assert "(new build)" not in page.locator("article h1").text_content()  # never swapped mid-read
    update.click()
    page.locator("article h1", has_text="(new build)").wait_for(timeout=TIMEOUT)
    assert [re.sub(r"-\d+$", "", name) for name in saved_caches(page)] == [
        "kb-saved-state",
        f"kb-saved-copy-{files['build']}-new",
    ]

    page.goto(base + "downloads/")
    page.locator("[data-save-remove]").click()
    page.locator("[data-save-panel] [data-save-status]", has_text="removed").wait_for(timeout=TIMEOUT)
    assert saved_caches(page) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-save')")
    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(base + "about/")


def test_a_save_that_fails_leaves_nothing_behind_and_says_why(phone, served):
    site, base = served
    (site / MANIFEST).unlink()  # a listed file the server no longer has
    page = phone.new_page()
    page.goto(base + "downloads/")
    page.locator("[data-save]").click()
    status = page.locator("[data-save-panel] [data-save-status]", has_text="Not saved")
    status.wait_for(timeout=TIMEOUT)
    assert f"{MANIFEST} answered 404" in status.text_content()
    assert saved_caches(page) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.locator("[data-save]").is_visible() and page.locator("[data-save-remove]").is_hidden()
