"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs
(maintainers/engines.md): `make build ENGINE=properdocs`."""

from __future__ import annotations

from tests.support import ROOT, articles, build, differences


def test_properdocs_builds_every_page_as_mkdocs_does(built_site, tmp_path):
    """ProperDocs, the maintained continuation of MkDocs 1.x (`make build ENGINE=properdocs`),
    builds the whole site, downloads included, with the same pages, titles, text and links, and
    every article's HTML the same as MkDocs' (no reviewed differences: it is a drop-in)."""
    site = tmp_path / "site"
    result = build(ROOT, site, "--engine", "properdocs")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert differences(built_site, site, "ProperDocs") == []
    ours, theirs = articles(built_site), articles(site)
    assert len(ours) > 20 and [page for page in ours if ours[page] != theirs.get(page)] == []
    assert sorted(p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*")) == sorted(
        p.relative_to(built_site).as_posix() for p in (built_site / "downloads").rglob("*")
    )
