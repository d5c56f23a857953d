"""The query set (tests/search-queries.yml, bench/search_quality.py) is what practitioners would
type: at least 40 queries, from each of the five kinds of reader, in each Nordic language too,
none of them a page's title or a topic page's heading, each expecting pages the site has. (The
browser tests run it through both searches: tests/browser/test_search_queries.py.)"""

from __future__ import annotations

import re

import pytest

from tests.support import PROJECT, REGISTRY, ROOT
from us_nordic_kb.bench import search_quality
from us_nordic_kb.model import pages

QUERIES = search_quality.load(ROOT / search_quality.QUERY_SET)


def titles_and_headings() -> set[str]:
    """Every page's title and every heading of the theme and next-step pages, lower-cased."""
    found = set()
    for page in PROJECT.nav:
        body = pages.split((PROJECT.docs_dir / page).read_text(encoding="utf-8")).body
        topic = any(t["page"] == page for t in REGISTRY["topics"])
        for line in body.splitlines():
            if line.startswith("# ") or (topic and line.startswith("#")):
                found.add(re.sub(r"\{[^}]*\}", "", line.lstrip("#")).strip().lower())
    return found


def test_the_set_has_at_least_40_queries_from_every_kind_of_reader_and_every_nordic_language():
    assert len(QUERIES) >= 40
    assert {q.who for q in QUERIES} == set(search_quality.WHO)
    assert {q.lang for q in QUERIES} == set(search_quality.LANGUAGES)
    assert len({q.query.lower() for q in QUERIES}) == len(QUERIES), "a query appears twice"


def test_no_query_is_a_pages_title_or_a_topic_pages_heading():
    headings = titles_and_headings()
    assert "key themes" in headings and "the role of educators" in headings  # the check sees them
    assert [q.query for q in QUERIES if q.query.lower() in headings] == []


def test_every_expected_page_is_a_page_of_the_site():
    assert [(q.query, p) for q in QUERIES for p in q.expect if p not in PROJECT.nav] == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("- {query: anchor teams, who: nurse, expect: [themes/index.md]}", "who is 'nurse' — expected one of police"),
        (
            "- {query: anchor teams, who: police, expect: themes/index.md}",
            "expect is 'themes/index.md' — expected a list of pages",
        ),
        ("- {query: anchor teams, who: police, expect: [themes/], lang: fi}", "expect is ['themes/'] — expected a list of pages"),
        ("- {query: anchor teams, who: police, expect: [themes/index.md], lang: no}", "lang is False — expected one of en, da"),
        ("- {query: anchor teams, who: police, expect: [themes/index.md], pages: 3}", "expected the fields query, who, expect"),
    ],
)
def test_a_malformed_query_is_refused_naming_it(tmp_path, entry, message):
    path = tmp_path / "queries.yml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"query 1 ('anchor teams'): {message}")):
        search_quality.load(path)
