"""Rendering registry data as Markdown (macros/render.py)."""

from __future__ import annotations

import json

import markdown
from support import FIXTURES, ROOT

from macros import render
from macros.registry import Entry, Registry, load

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def small_registry() -> Registry:
    return load(FIXTURES / "registry/valid.yml")


def test_escape_makes_markup_inert():
    hostile = '<script>alert(1)</script> [x](javascript:alert(1)) **bold** {#id} <img src=x onerror=alert(1)>'
    html = to_html(render.escape(hostile))
    assert "<script>" not in html and "<img" not in html and "<strong>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # shown as text, not a link


def test_links_are_relative_to_the_page():
    assert render.link("T", "themes/a.md", "next-steps/b.md") == "[T](../themes/a.md)"
    assert render.link("T", "resources/index.md#x", "index.md") == "[T](resources/index.md#x)"
    assert render.link("T", "themes/a.md", "themes/b.md") == "[T](a.md)"


def test_reference_links_entries_to_the_index_and_topics_to_their_page():
    registry = small_registry()
    assert render.reference(registry, "model-x", "themes/a.md") == "[Model X](../resources/index.md#model-x)"
    assert render.reference(registry, "step-b", "themes/a.md", "that step") == "[that step](../next-steps/b.md)"


def test_related_block_lists_both_directions():
    registry = small_registry()
    theme = to_html(render.related_block(registry, registry.topics["theme-a"], "themes/a.md"))
    step = to_html(render.related_block(registry, registry.topics["step-b"], "next-steps/b.md"))
    assert 'href="../next-steps/b.md"' in theme and "Model X" in theme and "Paper Y" not in theme
    assert 'href="../themes/a.md"' in step and "Paper Y" in step and "Model X" not in step


def test_resource_index_groups_by_kind_and_gives_every_fact():
    registry = small_registry()
    html = to_html(render.resource_index(registry))
    assert html.index('id="kind-publication"') < html.index('id="paper-y"') < html.index('id="kind-programme"') < html.index('id="model-x"')
    assert 'href="https://example.org/x"' in html
    assert "A ministry" in html and "2019" in html and "No copy could be found" in html
    assert 'href="../themes/a.md"' in html and 'href="../next-steps/b.md"' in html


def test_registry_text_cannot_inject_html():
    registry = small_registry()
    evil = Entry(id="evil", kind="programme", name="<b>Evil</b>", description="<script>x()</script>",
                 owner="[o](http://x)", country="*c*", url='https://example.org/"onmouseover="x', themes=("theme-a",))
    registry = Registry(topics=registry.topics, entries={"evil": evil})
    html = to_html(render.resource_index(registry)) + to_html(render.related_block(registry, registry.topics["theme-a"], "themes/a.md"))
    assert "<script>" not in html and "<b>" not in html and "<em>c</em>" not in html
    assert '"onmouseover="' not in html and "&quot;onmouseover=&quot;" in html


def test_every_schema_kind_has_a_label():
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text())
    kinds = schema["$defs"]["entry"]["properties"]["kind"]["enum"]
    assert list(render.KIND_LABELS) == kinds
    assert set(render.KIND_SINGULAR) == set(kinds)
