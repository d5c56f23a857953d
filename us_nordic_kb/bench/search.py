"""Benchmark of search as a reader meets it, in Chromium against the served site: the time from
the first keystroke to the first result shown (the index is loaded by that keystroke, so its
load is included), where that time goes, and how the query set (bench/search_quality.py) is
answered by the published site and by the offline copy. Used by bench/__main__.py; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
from pathlib import Path

from us_nordic_kb.bench import search_probe, search_quality
from us_nordic_kb.build import search_index
from us_nordic_kb.check.serve import serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERY = "returnees"
QUESTION = "victims of hate crime"  # no page holds every word: each is looked up on its own

# Stamps the first keystroke and the first result shown, in the page's own clock.
_STAMP = """() => {
  window.__bench = {};
  addEventListener("keydown", () => { window.__bench.key ??= performance.now(); }, {capture: true});
  new MutationObserver(() => {
    if (document.querySelector(".md-search-result__item")) window.__bench.result ??= performance.now();
  }).observe(document.body, {childList: true, subtree: true});
}"""


def first_result(site: Path, path: str, runs: int, query: str = QUERY) -> float:
    """Median seconds from the first keystroke (the key '/', which opens search) to the first
    result shown, each run in a fresh browser context (nothing cached), the page loaded first."""
    from playwright.sync_api import sync_playwright

    times = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.evaluate(_STAMP)
            page.keyboard.press("/")
            page.keyboard.type(query, delay=50)
            page.wait_for_selector(".md-search-result__item", timeout=600_000)
            stamps = page.evaluate("window.__bench")
            times.append((stamps["result"] - stamps["key"]) / 1000)
            context.close()
        browser.close()
    return statistics.median(times)


def parts(site: Path, query: str = QUERY) -> dict[str, float]:
    """Where the time to the first result goes, in a fresh page: the search settings fetched
    (search/search_index.json, which names Pagefind), the worker made ready (Pagefind's script,
    its WebAssembly and the index's entry file), the query answered (the index's parts it needs);
    with the number of pages found (bench/search_probe.py)."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(base)
        found = search_probe.steps(page, query)
        browser.close()
    return found


def index_size(site: Path) -> tuple[int, int]:
    """Files and bytes of the site's Pagefind index, all of its parts."""
    files = [f for f in (site / search_index.FOLDER).rglob("*") if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


def query_set(
    online: Path, offline: Path, site_pages: frozenset[str]
) -> tuple[search_quality.Figures, search_quality.Figures, float]:
    """The query set through the published site's search (`online`, served) and the offline
    copy's (`offline`, a build of mkdocs.offline.yml, from disk), among `site_pages` (the nav's pages):
    the figures of each and the share of queries for which both put the same page first."""
    from playwright.sync_api import sync_playwright

    queries = search_quality.load(search_quality.QUERY_SET)
    found = []
    with serve(online) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for address in (base, (offline / "index.html").as_uri()):
            page = browser.new_page()
            page.goto(address)
            found.append(search_quality.pages_found(page, queries, site_pages))
            page.close()
        browser.close()
    return search_quality.figures(queries, found[0]), search_quality.figures(queries, found[1]), search_quality.agreement(*found)
