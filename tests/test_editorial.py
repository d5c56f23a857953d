"""Editorial trust, checked on the built pages: the report's weight stays with its claims, named
people appear only with what the report says of them, and nothing ended is spoken of as current."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts import readability
from tests.support import ROOT, nav_pages, one, soup

CLAIMS = yaml.safe_load((ROOT / "tests/editorial-claims.yml").read_text(encoding="utf-8"))
# The report names two people, in a photo caption only; a sentence naming either must stay with it.
CAPTION_PEOPLE = ["Hancock", "Peduto"]
CAPTION_WORDS = re.compile(r"caption|leadership|social cohesion|Tree of Life|mayor|office", re.I)


def blocks(site, page: str) -> list[tuple[str, str]]:
    """(block text, its context) for every paragraph, list item and cell of a page, and its
    description. The context of a list item includes the paragraph that leads into its list."""
    html = soup(site, page)
    article = one(html, "article")
    for generated in article.select(".context-notice, .provenance, .headerlink"):
        generated.decompose()
    found = [(str(one(html, 'meta[name="description"]')["content"]),) * 2]
    for block in article.select("p, li, td, dd"):
        text = block.get_text(" ", strip=True)
        context = text
        if block.name == "li":
            assert block.parent is not None
            lead_in = block.parent.find_previous_sibling()
            context += " " + (lead_in.get_text(" ", strip=True) if lead_in is not None and lead_in.name == "p" else "")
        found.append((text, context))
    return found


@pytest.fixture(scope="module")
def site_blocks(built_site) -> dict[str, list[tuple[str, str]]]:
    return {page: blocks(built_site, page) for page in nav_pages()}


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_each_claim_keeps_the_reports_weight_wherever_it_is_made(site_blocks, claim):
    patterns = [re.compile(p, re.I) for p in claim["find"]]
    weight = re.compile("|".join(claim["weight"]), re.I)
    made, lost = [], []
    for page, page_blocks in site_blocks.items():
        if claim.get("pages") and page not in claim["pages"]:
            continue
        for text, context in page_blocks:
            for sentence in readability.split_sentences(text):
                if all(p.search(sentence) for p in patterns):
                    made.append(page)
                    if not weight.search(context):
                        lost.append(f"{page}: {sentence}")
    assert made, f"no page makes the claim {claim['id']} any more: {claim['report']}"
    assert lost == [], f"said without {claim['weight']} ({claim['report']})"


def test_every_claim_says_where_it_comes_from():
    for claim in CLAIMS:
        assert set(claim) <= {"id", "report", "find", "weight", "pages"} and claim["report"] and claim["weight"], claim


def test_the_people_the_report_names_appear_only_with_its_photo_caption(site_blocks):
    for page, page_blocks in site_blocks.items():
        for text, _ in page_blocks:
            for sentence in readability.split_sentences(text):
                if any(name in sentence for name in CAPTION_PEOPLE):
                    assert CAPTION_WORDS.search(sentence), f"{page}: {sentence}"


def test_the_weight_check_catches_a_claim_stated_as_fact(built_site):
    """The claim check can fail: one participant's remark, made a fact, is caught."""
    claim = next(c for c in CLAIMS if c["id"] == "adults-and-online-hate")
    patterns = [re.compile(p, re.I) for p in claim["find"]]
    weight = re.compile("|".join(claim["weight"]), re.I)
    sentence = "Adults produce a significant share of the hate speech seen online."
    assert all(p.search(sentence) for p in patterns) and not weight.search(sentence)
