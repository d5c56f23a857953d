"""Search at ten times today's content (the benchmark's scaled project: 154 pages, 390 entries),
online and from disk, each under its Content-Security-Policy: the first view carries no index,
and a query typed into the search box shows results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT, guard
from us_nordic_kb.bench.measure import build_site, published_site
from us_nordic_kb.bench.projects import scaled_project
from us_nordic_kb.build import csp
from us_nordic_kb.check.serve import serve
from us_nordic_kb.model import project as project_model

INDEX = re.compile(
    r"/search/search_index\.js(on)?$|/workers/search\.[0-9a-f]+\.min\.js$|/search-(folding|pagefind)-worker\.js|/pagefind/"
)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> tuple[Path, Path]:
    """The 10x project built once for the published site (with its Pagefind index) and once for
    the offline copy (Material's search)."""
    project, _, _ = scaled_project(ROOT, tmp_path_factory.mktemp("x10") / "project", 10)
    online, _ = published_site(project, project / "_site")
    offline = build_site(project, project / "_offline", project_model.OFFLINE_CONFIG)
    loaded = project_model.load(project / project_model.CONFIG)
    csp.add_policy(online, loaded)
    csp.add_policy(offline, loaded, offline=True)
    return online, offline


def search(page, query: str) -> list[str]:
    """Type `query` into the search box; the addresses of the results shown."""
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=60_000)
    # All at once: the list is redrawn as results come in.
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


def test_search_works_online_at_ten_times_the_content(page, scaled):
    online, _ = scaled
    with serve(online) as base:
        page = guard(page, base)
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(base + "sets/10/themes/frontline-training/")
        page.wait_for_load_state("networkidle")
        assert not any(INDEX.search(url) for url in asked), "the first view loaded the search index or its worker"
        found = search(page, "Sisaministerio")
        assert any("resources/" in href and "#finland-ministry-of-the-interior" in href for href in found), found
        assert page.foreign_requests == [] and page.console_errors == [] and page.failed_requests == []


def test_search_works_from_disk_at_ten_times_the_content(page, scaled):
    _, offline = scaled
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto((offline / "index.html").as_uri())
    found = search(page, "decentralised")
    assert any("themes/frontline-training.html" in href for href in found), found
    assert errors == []
