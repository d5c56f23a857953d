"""The site search's query set (tests/search-queries.yml): what practitioners would type, each with
the pages that should come first, run through a built site's search in Chromium
(bench/search_probe.py, which serves the published site's Pagefind worker and the offline
copy's Material worker alike), and the figures of an answer: the share of queries that find an
expected page among the first three, those that find nothing, and how often two searches put the
same page first. The search tests hold these figures to their targets; the benchmark prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from us_nordic_kb.bench import search_probe
from us_nordic_kb.model import glossary, pages

QUERY_SET = Path("tests/search-queries.yml")  # relative to the project's folder
WHO = ("police", "social worker", "teacher", "city official", "researcher")
LANGUAGES = ("en", *glossary.EQUIVALENT_LANGUAGES)
TOP = 3  # an expected page among the first TOP counts


@dataclass(frozen=True)
class Query:
    """One query as a practitioner would type it, and the pages (paths under docs/) that should come first."""

    query: str
    who: str
    expect: tuple[str, ...]
    lang: str = "en"


def load(path: Path) -> list[Query]:
    """The query set, or ValueError naming the query that is malformed and what is expected."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for number, entry in enumerate(entries, 1):
        where = f"{path}: query {number} ({entry.get('query')!r})" if isinstance(entry, dict) else f"{path}: query {number}"
        if not isinstance(entry, dict) or set(entry) - {"query", "who", "expect", "lang"}:
            raise ValueError(f"{where}: expected the fields query, who, expect and, for a Nordic query, lang")
        if not isinstance(entry.get("query"), str) or not entry["query"].strip():
            raise ValueError(f"{where}: expected the query as typed")
        if entry.get("who") not in WHO:
            raise ValueError(f"{where}: who is {entry.get('who')!r} — expected one of {', '.join(WHO)}")
        expect = entry.get("expect")
        if not isinstance(expect, list) or not expect or not all(isinstance(p, str) and p.endswith(".md") for p in expect):
            raise ValueError(f"{where}: expect is {expect!r} — expected a list of pages under docs/, such as [glossary.md]")
        if entry.get("lang", "en") not in LANGUAGES:
            raise ValueError(f"{where}: lang is {entry['lang']!r} — expected one of {', '.join(LANGUAGES)}")
        queries.append(Query(entry["query"], entry["who"], tuple(expect), entry.get("lang", "en")))
    return queries


def pages_found(page: Any, queries: list[Query], site_pages: frozenset[str]) -> list[list[str]]:
    """For each query, the pages the search of the site open in `page` finds, best first, as paths
    under docs/ (from the published site's addresses or the offline copy's files alike)."""
    found = search_probe.ask(page, [q.query for q in queries])
    addresses = [[group[0].split("#")[0] for group in groups] for groups in found]
    return [[pages.page_of(address, site_pages) or address for address in found_pages] for found_pages in addresses]


@dataclass(frozen=True)
class Figures:
    """How one search answered the query set."""

    top: float  # share of the queries with an expected page among the first TOP found
    empty: int  # queries that found nothing
    misses: tuple[tuple[str, tuple[str, ...]], ...]  # (query, first TOP found) of those without an expected page there


def figures(queries: list[Query], found: list[list[str]]) -> Figures:
    misses = tuple(
        (q.query, tuple(pages_of[:TOP]))
        for q, pages_of in zip(queries, found, strict=True)
        if not set(q.expect) & set(pages_of[:TOP])
    )
    return Figures(1 - len(misses) / len(queries), sum(1 for pages_of in found if not pages_of), misses)


def agreement(one: list[list[str]], other: list[list[str]]) -> float:
    """The share of queries for which two searches put the same page first (or both find nothing)."""
    same = sum(1 for a, b in zip(one, other, strict=True) if a[:1] == b[:1])
    return same / len(one)
