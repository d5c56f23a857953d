"""Search on the built site, in Chromium: the index waits for the reader's first use of search,
a topic's own page ranks above the pages that repeat it, names in other languages are found
with and without their special letters, and the search box says, online and offline, when no page
holds every word, which glossary equivalents it searched as, and where to start when nothing is
found. Queries go through the site's own search worker (bench/search_probe.py), which answers
them as it answers the search box."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import unicodedata

import pytest

from tests.support import REGISTRY, ROOT, guard
from us_nordic_kb.bench.search_probe import ask, pages_found
from us_nordic_kb.build import search_index
from us_nordic_kb.check.serve import serve
from us_nordic_kb.model import pages, project

INDEX = re.compile(r"/search/search_index\.json$")
WORKER = re.compile(r"/workers/search\.[0-9a-f]+\.min\.js$|/search-(folding|pagefind)-worker\.js|/pagefind/")
# One query per theme and next step, about its subject in a reader's words: its own page comes first.
SUBJECTS = {
    "themes/resilience-and-trust/": "information sharing",
    "themes/digital-literacy/": "far-right extremism",
    "themes/community-welfare/": "mental health",  # the reading path for social and health services came first
    "themes/frontline-training/": "educators",  # the reading path for educators came first
    "themes/inclusive-communities/": "refugees",
    "next-steps/local-voices/": "national prevention plans",
    "next-steps/support-existing-models/": "existing models",
    "next-steps/tech-for-communications/": "prevention communications",
    "next-steps/online-harm-offline/": "disinformation",
}
# Pages that repeat the topic pages' words; none may rank above the topic page.
REPEATS = re.compile(r"^(paths|changes|downloads|contributing)/")
LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "đ": "d", "þ": "th", "ł": "l", "ı": "i"}


def plain(text: str) -> str:
    """`text` as typed without accents or special letters (Sisäministeriö → Sisaministerio)."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(LETTERS.get(c.lower(), c) for c in text)


def topic_headings() -> list[tuple[str, str]]:
    """(page address, heading) for every heading of every theme and next-step page."""
    found = []
    for topic in REGISTRY["topics"]:
        address = topic["page"].removesuffix(".md") + "/"
        for line in pages.split((ROOT / "docs" / topic["page"]).read_text(encoding="utf-8")).body.splitlines():
            if line.startswith("#"):
                found.append((address, re.sub(r"\{[^}]*\}", "", line.lstrip("#")).strip()))
    return found


# Every word of a name in another language that has a special letter, with its entry.
NATIVE = sorted(
    {
        (word, entry["id"])
        for entry in REGISTRY["entries"]
        for name in entry.get("native_names", [])
        for word in name["name"].split()
        if plain(word) != word
    }
)


def test_the_first_view_leaves_the_index_and_the_worker_until_the_reader_turns_to_search(guarded_page, site_url):
    page = guarded_page
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "themes/digital-literacy/")
    page.wait_for_load_state("networkidle")
    assert not any(INDEX.search(url) for url in asked), "the first view loaded the search index"
    assert not any(WORKER.search(url) for url in asked), "the first view started the search worker"
    with page.expect_request(INDEX):
        page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("returnees", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.foreign_requests == [] and page.console_errors == []


def test_a_page_opened_from_a_search_result_loads_the_index_to_mark_the_words(guarded_page, site_url):
    page = guarded_page
    with page.expect_request(INDEX):
        page.goto(site_url + "themes/digital-literacy/?h=returnees")
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)


def test_each_topics_own_page_comes_first_for_its_subject(page, site_url):
    page.goto(site_url)
    found = pages_found(page, list(SUBJECTS.values()))
    firsts = {address: pages[:3] for address, pages in zip(SUBJECTS, found, strict=True)}
    assert {a: f[0] if f else None for a, f in firsts.items()} == {a: a for a in SUBJECTS}, firsts


def test_no_page_that_repeats_a_topic_ranks_above_it_for_any_of_its_headings(page, site_url):
    page.goto(site_url)
    cases = topic_headings()
    found = pages_found(page, [heading for _, heading in cases])
    above = {
        heading: [p for p in ranked[: ranked.index(address) if address in ranked else len(ranked)] if REPEATS.match(p)]
        for (address, heading), ranked in zip(cases, found, strict=True)
    }
    assert {h: a for h, a in above.items() if a} == {}
    assert all(address in ranked[:3] for (address, _), ranked in zip(cases, found, strict=True))


@pytest.mark.parametrize(("word", "entry"), NATIVE, ids=[plain(w) for w, _ in NATIVE])
def test_a_name_in_another_language_is_found_with_and_without_its_special_letters(page, site_url, word, entry):
    page.goto(site_url)
    queries = [word, plain(word), word.upper(), plain(word).lower()]
    for query, found in zip(queries, ask(page, queries), strict=True):
        sections = [location for group in found[:3] for location in group]
        assert f"resources/#{entry}" in sections, (query, sections[:5])


NORDIC = [
    {"location": "a/", "title": "Københavns Kommune", "text": "<p>Ærø and Þórshöfn</p>"},
    {"location": "b/", "title": "Another page", "text": "<p>Nothing to see</p>"},
]
NORDIC_QUERIES = ["kobenhavns", "Københavns", "aero", "Ærø", "thorshofn"]


@pytest.fixture
def indexed(built_site, tmp_path):
    """A copy of the built site whose Pagefind index is made, by build/search_index.py, from
    the documents given (in place of Material's extraction of the site's pages); served."""

    @contextlib.contextmanager
    def made(docs: list[dict]):
        site = tmp_path / "site"
        shutil.copytree(built_site, site, ignore=shutil.ignore_patterns(search_index.FOLDER, "downloads"))
        settings = json.loads((site / search_index.MATERIAL_INDEX).read_text(encoding="utf-8"))["config"]
        settings.pop("pagefind")
        (site / search_index.MATERIAL_INDEX).write_text(json.dumps({"config": settings, "docs": docs}), encoding="utf-8")
        search_index.build(site)
        with serve(site) as base:
            yield base

    return made


def test_the_offline_search_folds_the_nordic_letters_absent_from_todays_names(page, site_url):
    """Material's worker (the offline copy's), on documents made for the test, with the site's settings."""
    page.goto(site_url)
    found = ask(page, NORDIC_QUERIES, NORDIC)
    assert [[group[0] for group in groups] for groups in found] == [["a/"]] * len(NORDIC_QUERIES)


def test_the_published_search_finds_the_nordic_letters_absent_from_todays_names(page, indexed):
    """The Pagefind worker, on an index made from documents made for the test."""
    with indexed(NORDIC) as base:
        page.goto(base)
        found = pages_found(page, NORDIC_QUERIES)
    assert found == [["a/"]] * len(NORDIC_QUERIES)


def test_the_published_search_shows_hostile_text_as_text(page, indexed):
    """Text that looks like markup, in a title and a section, reaches the search box as text."""
    docs = [
        {"location": "x/", "title": "Forum &lt;img src=x onerror=alert(1)&gt; &amp; more", "text": "<p>Intro</p>"},
        {
            "location": "x/#part",
            "title": "Part &quot;two&quot;",
            "text": '<p>Forum text &lt;script&gt;alert(2)&lt;/script&gt; and <img src="x" onerror="alert(3)"> here</p>',
        },
    ]
    with indexed(docs) as base:
        page = guard(page, base)
        page.goto(base)
        page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("forum", delay=20)
        results = page.locator(".md-search-result__list")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert results.locator("img, script, [onerror]").count() == 0
        text = results.text_content() or ""
        assert "<img src=x onerror=alert(1)> & more" in text and "<script>alert(2)</script>" in text, text
        assert page.console_errors == [] and page.foreign_requests == []


def test_the_offline_copy_finds_a_name_typed_without_its_special_letters(page, unzipped):
    page.goto((unzipped / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Sisaministerio", delay=20)
    page.locator('.md-search-result a[href*="#finland-ministry-of-the-interior"]').first.wait_for(timeout=10_000)


def test_the_search_scripts_load_before_materials_bundle(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    order = [html.index(s) for s in ("search-folding.js", "search-on-demand.js", "assets/javascripts/bundle.")]
    assert order == sorted(order)


PARTIAL = "No page has all of your words. Pages with some of them:"
# Where the search box sends a reader when nothing is found (overrides/partials/search.html).
STARTS = ["resources/index.md", "glossary.md", "themes/index.md", "next-steps/index.md"]


@pytest.fixture(params=["online", "offline"])
def search_box(request, page, site_url, unzipped):
    """A function that types a query into the search box of the key themes page, online (served)
    or offline (the bundle, from disk); and the site's root as that copy's addresses start."""
    root = site_url if request.param == "online" else (unzipped / "index.html").as_uri().removesuffix("index.html")
    page = guard(page, site_url) if request.param == "online" else page
    page.goto(root + ("themes/" if request.param == "online" else "themes/index.html"))
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()

    def type_query(query: str) -> None:
        box = page.locator("input.md-search__input")
        box.fill("")
        box.press_sequentially(query, delay=10)

    return page, type_query, root


def test_the_search_box_says_when_no_page_holds_every_word_and_which_glossary_words_it_took(search_box):
    page, type_query, _ = search_box
    meta, taken = page.locator(".md-search-result__meta"), page.locator("[data-search-taken]")
    type_query("radikalisering i skolen")
    # Waits that read the page through locators: a page's policy forbids the eval of a string.
    meta.filter(has_text=PARTIAL).wait_for(timeout=10_000)
    assert taken.is_visible() and taken.text_content() == "radikalisering: searched as radicalisation"
    assert "frontline-training" in (page.locator(".md-search-result__item > a").first.get_attribute("href") or "")
    # The word as typed, special letters and capital kept; the term as running text writes it.
    type_query("Förebyggande")
    page.locator("[data-search-taken]", has_text="Förebyggande: searched as prevention").wait_for(timeout=10_000)
    assert taken.text_content() == "Förebyggande: searched as prevention"
    type_query("mental health")
    meta.filter(has_text=re.compile(r"^\s*\d+ matching documents\s*$")).wait_for(timeout=10_000)
    assert not taken.is_visible() and meta.text_content().strip() != PARTIAL


def test_when_nothing_is_found_the_search_box_points_to_the_finder_the_glossary_and_the_topics(search_box):
    page, type_query, root = search_box
    help_note = page.locator("[data-search-help]")
    type_query("xyzzy")
    help_note.wait_for(state="visible", timeout=10_000)
    assert page.locator(".md-search-result__meta").text_content().strip() == "No matching documents"
    links = help_note.locator("a")
    addresses = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    nav = frozenset(project.load(ROOT / "mkdocs.yml").nav)
    assert [pages.page_of(address.removeprefix(root), nav) for address in addresses] == STARTS, addresses
    page.locator("input.md-search__input").fill("")
    help_note.wait_for(state="hidden", timeout=10_000)
    if hasattr(page, "console_errors"):
        assert page.console_errors == [] and page.foreign_requests == []


def test_a_query_put_in_the_box_without_a_key_press_replaces_the_results(search_box):
    """Pasted from the mouse's menu or filled in by the browser: an input event and no keyup."""
    page, type_query, _ = search_box
    type_query("xyzzy")
    page.locator("[data-search-help]").wait_for(state="visible", timeout=10_000)
    page.locator("input.md-search__input").fill("mental health")
    count = page.locator(".md-search-result__meta", has_text=re.compile(r"^\s*\d+ matching documents\s*$"))
    count.wait_for(timeout=10_000)
    assert page.locator("[data-search-help]").is_hidden()
    if hasattr(page, "console_errors"):
        assert page.console_errors == [] and page.foreign_requests == []
