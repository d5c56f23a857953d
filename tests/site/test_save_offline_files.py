"""What the published site gives "Save for offline" (build/save_offline.py): a list of every file
a saved copy needs, with true sizes and the id the search index is pinned to; a web app manifest
whose icons exist; and, for a reader who has not opted in, nothing loaded on any page."""

from __future__ import annotations

import hashlib
import json

from PIL import Image

from tests.support import PAGES
from us_nordic_kb.build.save_offline import LIST, MANIFEST
from us_nordic_kb.engines.search_settings import MATERIAL_INDEX


def listed(site) -> dict:
    return json.loads((site / LIST).read_text(encoding="utf-8"))


def file_of(site, address: str):
    return site / (address + "index.html" if address == "" or address.endswith("/") else address)


def test_every_page_and_every_file_it_loads_is_listed_with_its_size(built_site):
    files = listed(built_site)["files"]
    wrong = [f["path"] for f in files if not file_of(built_site, f["path"]).is_file()]
    wrong += [f["path"] for f in files if file_of(built_site, f["path"]).stat().st_size != f["bytes"]]
    assert wrong == []
    addresses = {f["path"] for f in files}
    assert set(PAGES) <= addresses
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json", MATERIAL_INDEX, "offline-worker.js"} <= addresses
    assert any(a.startswith("pagefind/fragment/") for a in addresses) and any(
        a.startswith("assets/stylesheets/") for a in addresses
    )
    downloads = [f for f in files if f["path"].startswith("downloads/") and f["path"] != "downloads/"]
    assert downloads and all(f.get("pdf") and f["path"].startswith("downloads/pages/") for f in downloads)
    assert not any(a.endswith((".map", ".zip", ".zim", "sitemap.xml")) for a in addresses)


def test_pagefinds_entry_file_is_pinned_by_its_own_hash(built_site):
    """Pagefind asks for its entry file by this tag: a new index gets a new tag, so no browser
    keeps an entry file that names fragments gone; a saved copy asks for the one it holds."""
    settings = json.loads((built_site / MATERIAL_INDEX).read_text(encoding="utf-8"))["config"]
    entry = (built_site / "pagefind/pagefind-entry.json").read_bytes()
    assert settings["pagefind"]["cacheTag"] == hashlib.sha256(entry).hexdigest()[:16]
    assert len(listed(built_site)["build"]) == 16


def test_the_manifest_names_the_site_and_icons_that_exist(built_site):
    manifest = json.loads((built_site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"].startswith("US") and len(manifest["short_name"]) <= 30
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        with Image.open(built_site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


def test_a_reader_who_has_not_opted_in_loads_none_of_it(built_site):
    """No page names the manifest; only the Downloads page loads the script that saves."""
    named = {
        page: html
        for page in PAGES
        if (
            "manifest.webmanifest" in (html := file_of(built_site, page).read_text(encoding="utf-8")) or "save-offline.js" in html
        )
    }
    assert list(named) == ["downloads/"] and "manifest.webmanifest" not in named["downloads/"]
