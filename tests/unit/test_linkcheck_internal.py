"""The internal link check (python -m us_nordic_kb.check.linkcheck internal) over the built site."""

from __future__ import annotations

from us_nordic_kb.check.linkcheck.internal import check_internal


def test_a_broken_link_anchor_or_asset_is_reported_with_page_and_target(tmp_path):
    """A small site with one of each problem, beside links that work."""
    site = tmp_path / "site"
    for folder in ["about", "glossary", "resources"]:
        (site / folder).mkdir(parents=True)
    page = '<!doctype html><html lang="en"><head><title>{0}</title></head><body><h1 id="{0}">{0}</h1>{1}</body></html>'
    (site / "glossary/index.html").write_text(page.format("chatham-house-rule", ""))
    (site / "resources/index.html").write_text(page.format("resources", ""))
    tags = [
        '<a href="../glossary/#chatham-house-rule">works</a>',
        '<a href="../resources/">works</a>',
        '<a href="../glossary/#no-such-rule">anchor</a>',
        '<a href="../no-such-page/">page</a>',
        '<a href="#no-such-section">section</a>',
        '<img src="../assets/missing.png" alt="x">',
    ]
    (site / "about/index.html").write_text(page.format("about", "".join(tags)))
    problems = check_internal(site)
    text = "\n".join(problems)
    assert len(problems) == 4, text
    assert "about/index.html:" in text
    assert "'../no-such-page/' is broken: 404" in text
    assert "'../glossary/#no-such-rule' is broken: Anchor `no-such-rule' (decoded: `no-such-rule') not found" in text
    assert "link to '#no-such-section', but the page has no such anchor" in text
    assert "'../assets/missing.png' is broken: 404" in text
