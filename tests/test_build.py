"""Strict builds of the real site and of broken copies of it."""

from __future__ import annotations

import re

import site_config
import yaml
from bs4 import BeautifulSoup
from support import ROOT, build

CONFIG = site_config.load(ROOT / "mkdocs.yml")
REGISTRY = yaml.safe_load((ROOT / "docs/resources/registry.yml").read_text())


def nav_pages() -> list[str]:
    """Every Markdown path in mkdocs.yml's nav, in order."""
    return site_config.nav_pages(CONFIG.nav)


def output_of(page: str) -> str:
    """The built file of a Markdown page under directory URLs."""
    return site_config.html_path(page, directory_urls=True)


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / output_of(page)).read_text(encoding="utf-8"), "html.parser")


def links_of(site, page: str) -> set[str]:
    """Every href of the page's main content, resolved to a site path without anchor."""
    article = soup(site, page).select_one("article")
    base = output_of(page).rsplit("/", 1)[0] if "/" in output_of(page) else ""
    resolved = set()
    for a in article.select("a[href]"):
        href = a["href"].split("#")[0]
        if not href or href.startswith(("http", "mailto")):
            continue
        parts = (base.split("/") if base else []) + href.split("/")
        stack: list[str] = []
        for part in parts:
            if part == "..":
                stack.pop()
            elif part not in ("", "."):
                stack.append(part)
        resolved.add("/".join(stack))
    return resolved


def topic_dir(page: str) -> str:
    return page.removesuffix(".md")


def test_every_nav_page_is_built(built_site):
    pages = nav_pages()
    assert len(pages) >= 15
    for page in pages:
        assert (built_site / output_of(page)).is_file(), page


def test_every_topic_page_has_a_related_block(built_site):
    for topic in REGISTRY["topics"]:
        related = soup(built_site, topic["page"]).find(id="related")
        assert related is not None, topic["page"]


def test_relations_written_once_appear_on_both_pages(built_site):
    pages = {t["id"]: t["page"] for t in REGISTRY["topics"]}
    pairs = [(t["id"], other) for t in REGISTRY["topics"] for other in t.get("related", [])]
    assert pairs
    for a, b in pairs:
        assert topic_dir(pages[b]) in links_of(built_site, pages[a]), (a, b)
        assert topic_dir(pages[a]) in links_of(built_site, pages[b]), (b, a)


def test_each_entry_shows_on_the_pages_of_its_topics(built_site):
    pages = {t["id"]: t["page"] for t in REGISTRY["topics"]}
    for entry in REGISTRY["entries"]:
        for topic in entry.get("themes", []) + entry.get("next_steps", []):
            related = soup(built_site, pages[topic]).find(id="related").find_next("ul").find_next("ul")
            hrefs = [a["href"] for a in related.select("a")]
            assert any(h.endswith(f"#{entry['id']}") for h in hrefs), (entry["id"], topic)


def test_the_resource_index_lists_every_entry(built_site):
    page = soup(built_site, "resources/index.md")
    for entry in REGISTRY["entries"]:
        heading = page.find(id=entry["id"])
        assert heading is not None and heading.name == "h3", entry["id"]
        assert entry["name"] in heading.get_text()


def test_no_page_loads_anything_from_another_host(built_site):
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        offending = [m.group(0) for m in pattern.finditer(text) if 'rel="canonical"' not in m.group(0)]
        assert not offending, (html, offending)
    assert "fonts.googleapis" not in "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))


def test_a_broken_registry_fails_the_build_and_keeps_the_last_good_site(project):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build")
    registry = project / "docs/resources/registry.yml"
    registry.write_text(registry.read_text().replace("kind: programme", "kind: programm", 1))
    result = build(project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/resources/registry.yml:" in output and "field 'kind'" in output and "programm" in output
    assert (site / "index.html").read_text() == "last good build"
    assert not (project / "site.new").exists()


def test_an_unknown_reference_fails_the_build_naming_the_page(project):
    page = project / "docs/themes/community-welfare.md"
    page.write_text(page.read_text() + '\nSee {{ ref("no-such-entry") }}.\n')
    result = build(project)
    assert result.returncode != 0
    assert "docs/themes/community-welfare.md: ref('no-such-entry') names no entry" in result.stdout + result.stderr


def test_any_macro_error_fails_the_build(project):
    page = project / "docs/about.md"
    page.write_text(page.read_text() + "\n{{ undefined_thing }}\n")
    result = build(project)
    assert result.returncode != 0
    assert "undefined_thing" in result.stdout + result.stderr


def test_a_link_to_a_missing_page_or_anchor_fails_the_build(project):
    page = project / "docs/about.md"
    original = page.read_text()
    page.write_text(original + "\n[gone](gone.md)\n")
    assert build(project).returncode != 0
    page.write_text(original + "\n[gone](glossary.md#no-such-anchor)\n")
    result = build(project)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stdout + result.stderr


def test_registry_text_is_escaped_in_the_built_page(project):
    registry = project / "docs/resources/registry.yml"
    registry.write_text(registry.read_text().replace(
        "description: Finnish teams of police", "description: <script>alert(1)</script> Finnish teams of police", 1))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site/resources/index.html").read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
