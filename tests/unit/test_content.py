"""The built pages as a reader meets them: every page summarised, described and linked."""

from __future__ import annotations

from tests.support import REGISTRY, nav_pages

TOPIC_PAGES = [t["page"] for t in REGISTRY["topics"]]


def test_topic_pages_are_in_the_nav_in_report_order():
    pages = nav_pages()
    themes = [t["page"] for t in sorted(REGISTRY["topics"], key=lambda t: t["number"]) if t["kind"] == "theme"]
    steps = [t["page"] for t in sorted(REGISTRY["topics"], key=lambda t: t["number"]) if t["kind"] == "next-step"]
    assert [p for p in pages if p.startswith("themes/") and p != "themes/index.md"] == themes
    assert [p for p in pages if p.startswith("next-steps/") and p != "next-steps/index.md"] == steps
