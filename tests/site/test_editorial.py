"""Editorial trust: the report's weight stays with its claims, named people appear only with
what the report says of them, and nothing ended is spoken of as current.

The weight check (`weight_problems`) reads blocks of text: on the built pages (every
paragraph, list item and cell, and the page's description), and, without a build, in the data
files the pages are made from (the reading-path reasons in the topic pages' front matter, the
registry's summaries, names and descriptions, the comparison's cells and the glossary's
definitions), so that `make test-fast` catches a slip before a build does. Each claim of
tests/editorial-claims.yml carries a counterexample that the same check must refuse."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import ROOT, nav_pages, one, output_of
from us_nordic_kb.check import readability

CLAIMS = yaml.safe_load((ROOT / "tests/editorial-claims.yml").read_text(encoding="utf-8"))
CLAIM_FIELDS = {"id", "report", "find", "weight", "pages", "counterexample"}
# The report names two people, in a photo caption only; a sentence naming either must stay with it.
CAPTION_PEOPLE = ["Hancock", "Peduto"]
CAPTION_WORDS = re.compile(r"caption|leadership|social cohesion|Tree of Life|mayor|office", re.I)

Blocks = list[tuple[str, str]]  # (block text, its context)


def blocks_of(html: str) -> Blocks:
    """(block text, its context) for every paragraph, list item and cell of a page's article,
    and its description. The context of a list item includes the paragraph that leads into its
    list."""
    page = BeautifulSoup(html, "html.parser")
    article = one(page, "article")
    for generated in article.select(".context-notice, .provenance, .headerlink"):
        generated.decompose()
    found = [(str(one(page, 'meta[name="description"]')["content"]),) * 2]
    for block in article.select("p, li, td, dd"):
        text = block.get_text(" ", strip=True)
        context = text
        if block.name == "li":
            assert block.parent is not None
            lead_in = block.parent.find_previous_sibling()
            context += " " + (lead_in.get_text(" ", strip=True) if lead_in is not None and lead_in.name == "p" else "")
        found.append((text, context))
    return found


def weight_problems(claim: dict, blocks_by_page: dict[str, Blocks]) -> tuple[list[str], list[str]]:
    """Where `claim` is made (page names) and where it is made without its weight (page: sentence).
    A sentence makes the claim when it matches every `find` pattern; its weight may stand in
    the sentence or its context (its block, and the lead-in of a list)."""
    patterns = [re.compile(p, re.I) for p in claim["find"]]
    weight = re.compile("|".join(claim["weight"]), re.I)
    made, lost = [], []
    for page, page_blocks in blocks_by_page.items():
        if claim.get("pages") and page.partition(" ")[0] not in claim["pages"]:
            continue
        for text, context in page_blocks:
            for sentence in readability.split_sentences(text):
                if all(p.search(sentence) for p in patterns):
                    made.append(page)
                    if not weight.search(context):
                        lost.append(f"{page}: {sentence}")
    return made, lost


# The Changes page lists the commits that touched the pages: what editors did, not what the
# report says, so it is not held to the report's weight.
NOT_THE_REPORTS_CLAIMS = {"changes/index.md"}


@pytest.fixture(scope="module")
def site_blocks(built_site) -> dict[str, Blocks]:
    return {
        page: blocks_of((built_site / output_of(page)).read_text(encoding="utf-8"))
        for page in nav_pages()
        if page not in NOT_THE_REPORTS_CLAIMS
    }


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_each_claim_keeps_the_reports_weight_wherever_it_is_made(site_blocks, claim):
    made, lost = weight_problems(claim, site_blocks)
    assert made, f"no page makes the claim {claim['id']} any more: {claim['report']}"
    assert not lost, f"said without {claim['weight']} ({claim['report']}):\n" + "\n".join(lost)


def test_the_people_the_report_names_appear_only_with_its_photo_caption(site_blocks):
    for page, page_blocks in site_blocks.items():
        for text, _ in page_blocks:
            for sentence in readability.split_sentences(text):
                if any(name in sentence for name in CAPTION_PEOPLE):
                    assert CAPTION_WORDS.search(sentence), f"{page}: {sentence}"
