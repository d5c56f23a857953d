"""The published site's Pagefind index (scripts/search_index.py), made from a search index of
Material's shape: every section becomes a record outside the site, and Material's index file keeps
only its settings, naming Pagefind and the words with letters beyond ASCII."""

from __future__ import annotations

import json

import pytest

from scripts import search_index

SETTINGS = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
DOCS = [
    {"location": "", "title": "Home", "text": "<p>Welcome to København</p>"},
    {"location": "a/", "title": "Sisäministeriö", "text": "<p>A page</p>", "boost": 2},
    {"location": 'a/#"><script>alert(1)</script>', "title": "Part", "text": "<p>Þórshöfn</p>", "boost": 0.5},
]


def material_site(tmp_path, docs=DOCS):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / search_index.MATERIAL_INDEX).write_text(json.dumps({"config": SETTINGS, "docs": docs}), encoding="utf-8")
    return site


def test_the_index_file_keeps_its_settings_and_names_pagefind_and_the_words_beyond_ascii(tmp_path):
    site = material_site(tmp_path)
    search_index.build(site)
    index = json.loads((site / search_index.MATERIAL_INDEX).read_text(encoding="utf-8"))
    assert index["docs"] == []
    assert index["config"] == dict(
        SETTINGS, pagefind={"script": "pagefind/pagefind.js", "words": ["københavn", "sisäministeriö", "þórshöfn"]}
    )
    assert (site / "pagefind/pagefind.js").is_file()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == []  # no record lands in the site


def test_a_record_escapes_its_address_and_carries_its_pages_boost_squared(tmp_path):
    search_index.write_records(tmp_path, DOCS, "en")
    part = (tmp_path / "2.html").read_text(encoding="utf-8")
    assert "<script>" not in part and 'content="a/#&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in part
    assert 'data-pagefind-weight="0.25"' in part and '<h1 data-pagefind-weight="1.75">Part</h1>' in part
    assert 'content="Sisäministeriö"' in part  # the page's title, for the search box
    topic = (tmp_path / "1.html").read_text(encoding="utf-8")
    assert 'data-pagefind-weight="4.00"' in topic and '<h1 data-pagefind-weight="10.00">' in topic  # 7 x 4, at most 10


def test_a_site_without_materials_index_stops_with_its_name(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(SystemExit, match=r"site/search/search_index\.json: no search index of Material's"):
        search_index.build(site)
