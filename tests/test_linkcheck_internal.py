"""The internal link check (scripts/linkcheck.py internal) over the built site."""

from __future__ import annotations

import shutil

from linkcheck import check_internal


def test_the_built_site_has_no_broken_internal_link(built_site):
    assert check_internal(built_site) == []


def test_a_broken_link_anchor_or_asset_is_reported_with_page_and_target(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "about/index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../glossary/#chatham-house-rule"' in html
    html = html.replace('href="../glossary/#chatham-house-rule"', 'href="../glossary/#no-such-rule"', 1)
    html = html.replace('href="../resources/"', 'href="../no-such-page/"', 1)
    html = html.replace("</article>", '<a href="#no-such-section">x</a><img src="../assets/missing.png" alt="x"></article>', 1)
    page.write_text(html, encoding="utf-8")
    problems = check_internal(site)
    text = "\n".join(problems)
    assert len(problems) == 4, text
    assert "about/index.html:" in text
    assert "'../no-such-page/' is broken: 404" in text
    assert "'../glossary/#no-such-rule' is broken: Anchor `no-such-rule' (decoded: `no-such-rule') not found" in text
    assert "link to '#no-such-section', but the page has no such anchor" in text
    assert "'../assets/missing.png' is broken: 404" in text
