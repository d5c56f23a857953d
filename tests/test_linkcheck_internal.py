"""The internal link check (python -m scripts.check_links internal) over the built site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import linkcheck
from scripts import links
from scripts.check_links import NO_ANCHORS, check_internal
from tests.support import ROOT


def test_the_built_site_has_no_broken_internal_link(built_site):
    assert check_internal(built_site) == []


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


@pytest.mark.slow
def test_anchors_stay_checked_when_root_runs_from_a_private_folder(tmp_path, monkeypatch):
    """Root in a 0700 checkout: LinkChecker as shipped switches to 'nobody', cannot load its
    anchor plugin and says nothing; the check notices, and our way of running it keeps anchors on."""
    if os.geteuid() != 0:
        message = "only a root user makes LinkChecker change user; run the tests as root to see this"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    shutil.copytree(Path(linkcheck.__file__).parent, private / "linkcheck")  # as in a venv inside the checkout
    monkeypatch.setenv("PYTHONPATH", f"{private}{os.pathsep}{ROOT}")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<!doctype html><html lang="en"><title>t</title><a href="b.html#gone">b</a></html>')
    (site / "b.html").write_text('<!doctype html><html lang="en"><title>b</title><h1 id="here">b</h1></html>')
    monkeypatch.setattr(links, "LINKCHECKER", "linkcheck")
    assert check_internal(site) == [NO_ANCHORS]  # silent weakening, caught
    monkeypatch.setattr(links, "LINKCHECKER", "scripts.run_linkchecker")
    [problem] = check_internal(site)
    assert "link to 'b.html#gone' is broken: Anchor `gone'" in problem
