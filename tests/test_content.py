"""The built pages as a reader meets them: every page summarised, described and linked."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from support import ROOT
from test_build import REGISTRY, links_of, nav_pages, output_of

TOPIC_PAGES = [t["page"] for t in REGISTRY["topics"]]


def page_soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / output_of(page)).read_text(encoding="utf-8"), "html.parser")


def front_matter(page: str) -> dict:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"docs/{page} has no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


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


def test_topic_pages_are_in_the_nav_in_report_order():
    pages = nav_pages()
    themes = [t["page"] for t in sorted(REGISTRY["topics"], key=lambda t: t["number"]) if t["kind"] == "theme"]
    steps = [t["page"] for t in sorted(REGISTRY["topics"], key=lambda t: t["number"]) if t["kind"] == "next-step"]
    assert [p for p in pages if p.startswith("themes/") and p != "themes/index.md"] == themes
    assert [p for p in pages if p.startswith("next-steps/") and p != "next-steps/index.md"] == steps


def test_every_registry_entry_is_linked_from_a_content_page(built_site):
    """Entries with a theme or next step must be linked from one; the rest from 'About'."""
    linked_from_topics = set()
    for page in TOPIC_PAGES:
        article = page_soup(built_site, page).select_one("article")
        linked_from_topics |= {a["href"].split("#")[1] for a in article.select('a[href*="resources/#"]')}
    about = {a["href"].split("#")[1] for a in page_soup(built_site, "about.md").select('article a[href*="resources/#"]')}
    for entry in REGISTRY["entries"]:
        if entry.get("themes") or entry.get("next_steps"):
            assert entry["id"] in linked_from_topics, entry["id"]
        else:
            assert entry["id"] in about, entry["id"]


def test_every_entry_is_mentioned_in_the_running_text_not_only_the_related_block(built_site):
    mentioned = set()
    for page in TOPIC_PAGES + ["about.md", "index.md"]:
        article = page_soup(built_site, page).select_one("article")
        related = article.find(id="related")
        for a in article.select('a[href*="resources/#"]'):
            if related is None or a.sourceline < related.sourceline:
                mentioned.add(a["href"].split("#")[1])
    missing = [e["id"] for e in REGISTRY["entries"] if e["id"] not in mentioned]
    assert missing == []


def test_home_page_links_every_theme_and_next_step(built_site):
    links = links_of(built_site, "index.md")
    for page in TOPIC_PAGES:
        assert page.removesuffix(".md") in links, page


def test_every_abbreviation_is_explained_in_the_glossary():
    snippet = (ROOT / "docs/includes/abbreviations.md").read_text(encoding="utf-8")
    glossary = (ROOT / "docs/glossary.md").read_text(encoding="utf-8")
    abbreviations = [line[2:].split("]")[0] for line in snippet.splitlines() if line.startswith("*[")]
    assert len(abbreviations) >= 10
    for abbreviation in abbreviations:
        assert f"| {abbreviation} |" in glossary, abbreviation


def test_abbreviations_get_hover_definitions(built_site):
    html = page_soup(built_site, "next-steps/support-existing-models.md")
    titles = {abbr.get_text(): abbr["title"] for abbr in html.select("article abbr")}
    assert titles.get("HIPAA", "").startswith("Health Insurance Portability and Accountability Act")
