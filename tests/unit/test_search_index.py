"""The published site's Pagefind index (build/search_index.py), made from a search index of
Material's shape: every section becomes a record outside the site, and Material's index file keeps
only its settings, naming Pagefind and the words with letters beyond ASCII."""

from __future__ import annotations

import hashlib
import json

import pytest

from us_nordic_kb.build import search_index

SETTINGS = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
DOCS = [
    {"location": "", "title": "Home", "text": "<p>Welcome to København</p>"},
    {"location": "a/", "title": "Sisäministeriö", "text": "<p>A page</p>", "boost": 0.5},
    {"location": 'a/#"><script>alert(1)</script>', "title": "Part", "text": "<p>Þórshöfn</p>", "boost": 0.5},
    {"location": "b/", "title": "Topic", "text": "<p>B</p>", "boost": 2},
    *({"location": f"b/#s{n}", "title": f"Section {n}", "text": "<p>Text</p>", "boost": 2} for n in range(44)),
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
    entry = hashlib.sha256((site / "pagefind/pagefind-entry.json").read_bytes()).hexdigest()[:16]
    words = ["københavn", "sisäministeriö", "þórshöfn"]
    assert index["config"] == dict(SETTINGS, pagefind={"script": "pagefind/pagefind.js", "words": words, "cacheTag": entry})
    assert (site / "pagefind/pagefind.js").is_file()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == []  # no record lands in the site


def test_a_record_holds_a_pages_sections_escaped_and_weighted_by_its_boost(tmp_path):
    search_index.write_records(tmp_path, DOCS, "en")
    page = (tmp_path / "1.html").read_text(encoding="utf-8")
    assert "<script>" not in page and '<meta data-pagefind-meta="url[content]" content="a/">' in page
    assert '<meta data-pagefind-meta="page[content]" content="Sisäministeriö">' in page
    assert '<meta data-pagefind-filter="boost[content]" content="0.5">' in page
    assert '<div data-pagefind-weight="0.50"><h1 data-pagefind-weight="3.50">Sisäministeriö</h1><p>A page</p>' in page
    assert '<h2 id="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" data-pagefind-weight="3.00">Part</h2>' in page


def test_a_long_page_is_split_into_records_of_at_most_twenty_sections_with_weights_of_at_most_ten(tmp_path):
    search_index.write_records(tmp_path, DOCS, "en")
    records = [(tmp_path / f"{n}.html").read_text(encoding="utf-8") for n in (2, 3, 4)]
    assert not (tmp_path / "5.html").exists()
    assert [r.count("<h1 ") + r.count("<h2 ") for r in records] == [20, 20, 5]  # the page's own and 44 sections
    assert "<h1 " in records[0] and "<h1 " not in records[1] + records[2]
    assert all('content="b/"' in r and '<div data-pagefind-weight="2.00">' in r for r in records)
    assert '<h1 data-pagefind-weight="10.00">Topic</h1>' in records[0]  # 7 x 2, at most 10
    assert '<h2 id="s40" data-pagefind-weight="10.00">Section 40</h2>' in records[2]  # 6 x 2, at most 10


def test_a_site_without_materials_index_stops_with_its_name(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(SystemExit, match=r"site/search/search_index\.json: no search index of Material's"):
        search_index.build(site)
