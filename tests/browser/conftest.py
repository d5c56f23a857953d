"""A real browser for the tests: Debian's Chromium driven by Playwright (never a downloaded one)."""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest

from tests.support import guard
from us_nordic_kb.build.bundle import BUNDLE_NAME, FOLDER

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from reaching for Google's services on a closed network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = (
            f"No browser at {CHROMIUM}. Install Debian's Chromium (apt-get install chromium) or set CHROMIUM=/path/to/chromium."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on 127.0.0.1 for the whole session."""
    from us_nordic_kb.check.serve import serve

    with serve(built_site) as base:
        yield base


@pytest.fixture
def guarded_page(page, site_url):
    """A page that refuses, and records, every request to a host other than the site's own,
    and records console errors and failed requests."""
    return guard(page, site_url)


@pytest.fixture(scope="session")
def unzipped(built_site, tmp_path_factory):
    """The offline bundle of the built site, unzipped once for the session: its top folder."""
    dest = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_site / "downloads" / BUNDLE_NAME) as bundle:
        bundle.extractall(dest)
    return dest / FOLDER
