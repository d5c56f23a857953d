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

from tests.support import REGISTRY, ROOT, one
from us_nordic_kb.check import readability
from us_nordic_kb.model.pages import split

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


def data_blocks() -> dict[str, Blocks]:
    """The texts that pages show from the data files, named by where they are written: the
    reading-path reasons (as 'themes/x.md (roles)', limited to their page like the page's own
    text), the registry's topic summaries and entry names and descriptions, the comparison's
    cells and the glossary's definitions."""
    found: dict[str, Blocks] = {}
    for topic in REGISTRY["topics"]:
        reasons = split((ROOT / "docs" / topic["page"]).read_text(encoding="utf-8")).meta.get("roles") or {}
        found[f"{topic['page']} (roles)"] = [(str(why),) * 2 for per_role in reasons.values() for why in per_role.values()]
    found["resources/registry.yml"] = [(t["summary"],) * 2 for t in REGISTRY["topics"]] + [
        (text,) * 2 for e in REGISTRY["entries"] for text in (e["name"], e["description"], e["owner"], e.get("url_note", ""))
    ]
    rows = yaml.safe_load((ROOT / "docs/comparison.yml").read_text(encoding="utf-8"))
    cells = [r[side]["text"] for r in rows for side in ("us", "nordic", "both") if side in r]
    found["comparison.yml"] = [(" ".join(text.split()),) * 2 for text in cells]
    terms = yaml.safe_load((ROOT / "docs/glossary.yml").read_text(encoding="utf-8"))
    found["glossary.yml"] = [(" ".join(t["definition"].split()),) * 2 for t in terms]
    return found


# The Changes page lists the commits that touched the pages: what editors did, not what the
# report says, so it is not held to the report's weight.
NOT_THE_REPORTS_CLAIMS = {"changes/index.md"}


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_each_claim_keeps_its_weight_in_the_data_files_too(claim):
    """Without a build: reading-path reasons, registry text, comparison cells, glossary."""
    _, lost = weight_problems(claim, data_blocks())
    assert not lost, f"said without {claim['weight']} ({claim['report']}):\n" + "\n".join(lost)


def test_every_claim_says_where_it_comes_from():
    for claim in CLAIMS:
        assert set(claim) <= CLAIM_FIELDS and claim["report"] and claim["weight"] and claim["counterexample"], claim
    assert len({c["id"] for c in CLAIMS}) == len(CLAIMS)


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_the_weight_check_refuses_each_claims_counterexample(claim):
    """The real check can fail: the claim made without its weight, in a page's paragraph or as
    a reading-path reason, is caught."""
    page = claim.get("pages", ["a-page.md"])[0]
    sentence = claim["counterexample"]
    html = f'<meta name="description" content="A page."><article><p>{sentence}</p></article>'
    made, lost = weight_problems(claim, {page: blocks_of(html)})
    assert made == [page] and lost == [f"{page}: {sentence}"], (made, lost)
    reasons = {f"{page} (roles)": [(sentence, sentence)]}
    assert weight_problems(claim, reasons)[1] == [f"{page} (roles): {sentence}"]


def test_the_data_blocks_hold_every_reading_path_reason():
    reasons = [why for name, found in data_blocks().items() if name.endswith("(roles)") for why, _ in found]
    assert len(reasons) == sum(
        len(per_role)
        for t in REGISTRY["topics"]
        for per_role in (split((ROOT / "docs" / t["page"]).read_text(encoding="utf-8")).meta.get("roles") or {}).values()
    )
    assert len(reasons) > 50
