"""The editorial claims (tests/editorial-claims.yml) on the built site: each keeps the report's weight
wherever a page makes it (the claims and their checks: tests/unit/test_editorial.py)."""

from __future__ import annotations

import pytest

from tests.support import nav_pages, output_of
from tests.unit.test_editorial import (
    CAPTION_PEOPLE,
    CAPTION_WORDS,
    CLAIMS,
    NOT_THE_REPORTS_CLAIMS,
    Blocks,
    blocks_of,
    weight_problems,
)
from us_nordic_kb.check import readability


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
