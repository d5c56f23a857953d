"""What "Save for offline" stores, without a build (build/save_offline.py): the build's id follows
the site's content, and the list holds every file a reader needs and nothing only the server or a
crawler reads."""

from __future__ import annotations

import datetime as dt
import json
import re

from tests.support import ROOT
from us_nordic_kb.build import save_offline


def small_site(root):
    for name, text in {
        "index.html": "<h1>Home</h1>",
        "about/index.html": "<h1>About</h1>",
        "assets/app.js": "run()",
        "assets/app.js.map": "{}",
        "sitemap.xml": "<urlset/>",
        "pagefind/pagefind-entry.json": "{}",
        "pagefind/pagefind-ui.js": "ui()",
        "search/search_index.json": "{}",
        "downloads/index.html": "<h1>Downloads</h1>",
        "downloads/site.zip": "zip",
        "downloads/pages/about.pdf": "pdf",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_id_changes_with_a_page_and_not_with_the_search_index_or_a_file_left_out(tmp_path):
    site = small_site(tmp_path)
    first = save_offline.write_list(site)
    (site / "pagefind/pagefind-entry.json").write_text('{"other": "order"}', encoding="utf-8")
    (site / "search/search_index.json").write_text('{"cacheTag": "x"}', encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset>another date</urlset>", encoding="utf-8")
    (site / "downloads/site.zip").write_text("another zip", encoding="utf-8")
    assert save_offline.write_list(site) == first
    (site / "about/index.html").write_text("<h1>About us</h1>", encoding="utf-8")
    assert save_offline.write_list(site) != first
    assert json.loads((site / save_offline.LIST).read_text(encoding="utf-8"))["build"] != first


def test_the_list_names_pages_by_their_address_leaves_downloads_out_and_marks_the_page_pdfs(tmp_path):
    site = small_site(tmp_path)
    build = save_offline.write_list(site, dt.date(2026, 12, 7))
    listed = json.loads((site / save_offline.LIST).read_text(encoding="utf-8"))
    assert listed["build"] == build and len(build) == 16 and listed["built"] == "2026-12-07"
    assert listed["files"] == [
        {"path": "about/", "bytes": len("<h1>About</h1>")},
        {"path": "assets/app.js", "bytes": 5},
        {"path": "downloads/", "bytes": len("<h1>Downloads</h1>")},
        {"path": "downloads/pages/about.pdf", "bytes": 3, "pdf": True},
        {"path": "", "bytes": len("<h1>Home</h1>")},
        {"path": "pagefind/pagefind-entry.json", "bytes": 2},
        {"path": "search/search_index.json", "bytes": 2},
    ]


def test_without_a_pagefind_index_materials_search_is_saved(tmp_path):
    """A Zensical build, or any without Pagefind, searches with Material's worker: it is saved."""
    site = small_site(tmp_path)
    (site / "assets/javascripts/workers").mkdir(parents=True)
    (site / "assets/javascripts/workers/search.js").write_text("search()", encoding="utf-8")
    save_offline.write_list(site)
    assert "assets/javascripts/workers/search.js" not in paths(site)
    for file in (site / "pagefind").iterdir():
        file.unlink()
    (site / "pagefind").rmdir()
    save_offline.write_list(site)
    assert "assets/javascripts/workers/search.js" in paths(site)


def paths(site) -> list[str]:
    return [f["path"] for f in json.loads((site / save_offline.LIST).read_text(encoding="utf-8"))["files"]]


def test_the_page_and_the_worker_name_the_state_and_the_copies_alike():
    """The service worker and the page's script share no module: their names are held equal here."""
    names = re.compile(r'"(kb-saved-[a-z-]+)"|"(offline-state)"')
    page, worker = (
        {m for pair in names.findall((ROOT / "overrides" / file).read_text(encoding="utf-8")) for m in pair if m}
        for file in ("assets/javascripts/save-offline.js", "offline-worker.js")
    )
    assert {"kb-saved-state", "offline-state"} <= worker <= page and "kb-saved-copy-" in page
