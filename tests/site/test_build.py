"""Strict builds of the real site and of broken copies of it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support import REGISTRY, build_here, links_of, nav_pages, output_of, soup


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


def test_each_entry_shows_on_the_pages_of_its_topics_in_the_list_that_says_who_made_the_link(built_site):
    """An entry the report names under a topic is listed under "Named in the report" on that
    topic's page; one our editors relate to it, under "Editors' links", and not the other way round."""
    pages = {t["id"]: t["page"] for t in REGISTRY["topics"]}
    checked = {"named_in": 0, "editors_links": 0}
    for entry in REGISTRY["entries"]:
        for field, label in [("named_in", "Named in the report"), ("editors_links", "Editors' links")]:
            for topic in (t for t in entry.get(field, []) if t in pages):
                heading = soup(built_site, pages[topic]).find(id="related")
                listed = next(p for p in heading.find_all_next("p") if p.get_text().startswith(label)).find_next("ul")
                assert any(a["href"].endswith(f"#{entry['id']}") for a in listed.select("a")), (entry["id"], field, topic)
                checked[field] += 1
    assert all(checked.values()), checked  # both lists were looked at


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


def last_good_site(project):
    """A site from an earlier build, which a failed build must leave as it was."""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build")
    return site


def test_a_broken_registry_fails_the_build_and_keeps_the_last_good_site(small):
    site = last_good_site(small)
    registry = small / "docs/resources/registry.yml"
    registry.write_text(registry.read_text().replace("kind: programme", "kind: programm", 1))
    result = build_here(small)
    assert result.returncode != 0
    assert "docs/resources/registry.yml:16: entry 'model-x', field 'kind': got 'programm'" in result.stderr
    assert (site / "index.html").read_text() == "last good build"
    assert not (small / "site.new").exists()


@pytest.mark.parametrize(
    ("added", "words"),
    [
        ('See {{ ref("no-such-entry") }}.', "ref('no-such-entry') names no entry or topic"),
        ("{{ undefined_thing }}", "unknown name 'undefined_thing'"),
        ('{{ related("extra") }}', "related() too many positional arguments"),
        ("{{ ref( }}", "macro syntax: unexpected '}'"),
    ],
)
def test_the_build_refuses_a_macro_error_naming_the_file_and_line(small, added, words):
    site = last_good_site(small)
    page = small / "docs/themes/a.md"
    text = page.read_text() + f"\n{added}\n"
    page.write_text(text)
    result = build_here(small)
    assert result.returncode != 0
    line = text.splitlines().index(added) + 1
    assert f"docs/themes/a.md:{line}: {words}" in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and (site / "index.html").read_text() == "last good build"


def test_mkdocs_alone_names_a_macro_error_with_file_and_line_and_no_traceback(small):
    """What `make serve` runs: the plugin checks a page's macro calls before rendering it."""
    page = small / "docs/themes/a.md"
    text = page.read_text() + '\nSee {{ ref("no-such-entry") }}.\n'
    page.write_text(text)
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(small / "out")],
        cwd=small,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    line = text.splitlines().index('See {{ ref("no-such-entry") }}.') + 1
    assert f"docs/themes/a.md:{line}: ref('no-such-entry') names no entry" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("front_matter", "words"),
    [
        ("---\ndescription: [unclosed\n---\n", "front matter is not valid YAML"),
        ("---\ndescription: A fixture page for a theme that forgot to switch its macros on.\n---\n", "macros are off"),
    ],
)
def test_the_build_refuses_what_make_check_rejects(small, front_matter, words):
    site = last_good_site(small)
    page = small / "docs/themes/a.md"
    page.write_text(front_matter + page.read_text().split("---\n", 2)[2])
    result = build_here(small)
    assert result.returncode != 0 and words in result.stderr and "make check found" in result.stderr
    assert (site / "index.html").read_text() == "last good build"


def test_the_final_guard_finds_macro_syntax_or_front_matter_left_in_a_page(tmp_path):
    from us_nordic_kb.build.steps import source_left_in

    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<p>See {{ related() }} here.</p><code>{{ ref("x") }}</code>')
    (tmp_path / "b.html").write_text("<p>description: A page\nrender_macros: true</p>")
    (tmp_path / "c.html").write_text("<pre>{% raw %}</pre><script>var a = {b: {c: 1}};</script><p>{ .lead }</p>")
    assert source_left_in(tmp_path) == [
        "a/index.html: macro syntax in the page text: '{{ related() }}'",
        "b.html: front matter in the page text: 'description:'",
    ]


def test_a_link_to_a_missing_page_or_anchor_fails_the_build(small):
    page = small / "docs/about.md"
    original = page.read_text()
    page.write_text(original + "\n[gone](gone.md)\n")
    assert build_here(small, downloads=False).returncode != 0
    page.write_text(original + "\n[gone](glossary.md#no-such-anchor)\n")
    result = build_here(small, downloads=False)
    assert result.returncode != 0
    assert "no-such-anchor" in result.stdout + result.stderr


def test_registry_text_is_escaped_in_the_built_page(small):
    registry = small / "docs/resources/registry.yml"
    registry.write_text(
        registry.read_text().replace("description: A model.", "description: <script>alert(1)</script> A model.", 1)
    )
    result = build_here(small, downloads=False)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (small / "site/resources/index.html").read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
