"""The built pages as a reader meets them: every page summarised, described and linked."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from tests.support import REGISTRY, ROOT, line_of, links_of, nav_pages, one, output_of
from us_nordic_kb.model import pages

TOPIC_PAGES = [t["page"] for t in REGISTRY["topics"]]


def page_soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / output_of(page)).read_text(encoding="utf-8"), "html.parser")


def front_matter(page: str) -> dict:
    source = pages.split((ROOT / "docs" / page).read_text(encoding="utf-8"))
    assert source.has_front_matter, f"docs/{page} has no front matter"
    return source.meta


def test_every_nav_page_has_a_title_summary_and_description(built_site):
    for page in nav_pages():
        html = page_soup(built_site, page)
        article = html.select_one("article")
        assert article.find("h1") and article.find("h1").get_text(strip=True), page
        lead = article.select_one("p.lead")
        assert lead is not None and len(lead.get_text().split()) >= 15, f"{page}: no summary paragraph"
        description = front_matter(page).get("description", "")
        assert 60 <= len(description) <= 300, f"{page}: description of {len(description)} characters"
        meta = html.find("meta", attrs={"name": "description"})
        assert meta["content"] == description.strip(), page


def running_text_links(site, page: str) -> set[str]:
    """Ids of the registry entries that a page links from its own text (not its related block)."""
    article = one(page_soup(site, page), "article")
    related = article.find(id="related")
    return {
        str(a["href"]).split("#")[1]
        for a in article.select('a[href*="resources/#"]')
        if related is None or line_of(a) < line_of(related)
    }


def test_each_entry_is_linked_in_the_text_of_every_topic_the_report_names_it_under(built_site):
    pages = {t["id"]: t["page"] for t in REGISTRY["topics"]}
    links = {page: running_text_links(built_site, page) for page in pages.values()}
    for entry in REGISTRY["entries"]:
        for part in entry["named_in"]:
            if part in pages:
                assert entry["id"] in links[pages[part]], (entry["id"], pages[part])


def test_every_entry_is_mentioned_in_the_running_text_not_only_the_related_block(built_site):
    mentioned = set().union(*(running_text_links(built_site, page) for page in TOPIC_PAGES + ["about.md", "index.md"]))
    assert [e["id"] for e in REGISTRY["entries"] if e["id"] not in mentioned] == []


def test_home_page_links_every_theme_and_next_step(built_site):
    links = links_of(built_site, "index.md")
    for page in TOPIC_PAGES:
        assert page.removesuffix(".md") in links, page


def test_every_glossary_term_and_abbreviation_is_used_on_another_page(built_site):
    from us_nordic_kb.model import glossary

    terms = glossary.load(ROOT / "docs/glossary.yml", ROOT / "docs", "glossary.yml")
    abbreviations = [a for a, _ in glossary.abbreviations(ROOT / "docs")]
    text = " ".join(
        page_soup(built_site, page).select_one("article").get_text(" ") for page in nav_pages() if page != "glossary.md"
    )
    for term in terms:
        assert term.pattern.search(text), term.id
    for abbreviation in abbreviations:
        assert re.search(rf"\b{re.escape(abbreviation)}\b", text), abbreviation


def test_the_glossary_page_defines_every_term_and_abbreviation(built_site):
    glossary = page_soup(built_site, "glossary.md").select_one("article")
    for term in yaml.safe_load((ROOT / "docs/glossary.yml").read_text(encoding="utf-8")):
        heading = glossary.find(id=term["id"])
        assert heading is not None and heading.name == "h3" and heading.find_next("p").get_text(strip=True), term["id"]
    rows = {tr.find("td").get_text(strip=True) for tr in glossary.select("table tr") if tr.find("td")}
    snippet = (ROOT / "docs/includes/abbreviations.md").read_text(encoding="utf-8")
    assert rows == {line[2:].split("]")[0] for line in snippet.splitlines() if line.startswith("*[")}


def test_abbreviations_get_hover_definitions(built_site):
    html = page_soup(built_site, "next-steps/support-existing-models.md")
    titles = {abbr.get_text(): abbr["title"] for abbr in html.select("article abbr")}
    assert titles.get("HIPAA", "").startswith("Health Insurance Portability and Accountability Act")


def test_every_topic_page_says_where_it_comes_from_after_its_lead(built_site):
    for topic in REGISTRY["topics"]:
        article = page_soup(built_site, topic["page"]).select_one("article")
        lead = article.select_one("p.lead")
        notice = lead.find_next_sibling()
        assert "context-notice" in notice.get("class", []), topic["page"]
        text = notice.get_text(" ", strip=True)
        label = "key theme" if topic["kind"] == "theme" else "next step"
        total = sum(1 for t in REGISTRY["topics"] if t["kind"] == topic["kind"])
        assert f"{label} {topic['number']} of {total}" in text and "Helsinki, Finland, on 27–28 April 2022" in text, text
        assert "not a study of what works" in text
        hrefs = [a["href"] for a in notice.select("a")]
        assert any(h.endswith("glossary/#chatham-house-rule") for h in hrefs) and any(h.endswith("about/") for h in hrefs)


def test_every_section_of_a_topic_page_names_its_source(built_site):
    for topic in REGISTRY["topics"]:
        article = page_soup(built_site, topic["page"]).select_one("article")
        sections = article.find_all("h2")
        assert len(sections) >= 3, topic["page"]
        for heading in sections:
            if heading.get("id") == "related":
                assert "Editors' links" in heading.find_next("p").find_next_sibling("ul").find_next("p").get_text(), topic["page"]
                continue
            label = heading.find_next_sibling()
            assert "provenance" in label.get("class", []), (topic["page"], heading.get_text())
            assert label.get_text(" ", strip=True).startswith(("From the report:", "Not from the report:")), label
