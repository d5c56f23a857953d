"""The generated frame of theme and next-step pages (render/topic_page.py)."""

from __future__ import annotations

import markdown

from tests.support import FIXTURES, SCHEMA
from us_nordic_kb.model import pages
from us_nordic_kb.model.registry import load
from us_nordic_kb.render import topic_page

PAGE = """# Theme A

The lead of the page.
{ .lead }

## First section

Text.

```md
## Not a heading inside code
```

## Second section { #second }

More text.

## Related themes, next steps and resources {#related}
"""


def registry():
    return load(FIXTURES / "registry/valid.yml", FIXTURES / "docs", schema=SCHEMA)


def test_the_context_notice_follows_the_lead_and_says_what_the_page_is():
    text = topic_page.annotate(PAGE, registry(), "themes/a.md", None)
    lead_end = text.index("{ .lead }")
    notice = text[lead_end : text.index("## First section")]
    assert '!!! abstract context-notice "Where this comes from"' in notice
    shown = markdown.markdown(notice, extensions=["admonition", "attr_list", "us_nordic_kb.render.sanitise"])  # data is escaped
    assert "key theme 1 of 1 of the report on a two-day workshop in Helsinki, Finland, on 27–28 April 2022." in shown
    assert "people from the fixtures" in shown
    assert "[Chatham House Rule](../glossary.md#chatham-house-rule). Apart from one photo caption" in notice
    assert "it ties no view to a named participant" in notice
    assert "not a study of what works" in notice
    assert "[About the workshop](../about.md)" in notice


def test_every_section_but_the_related_block_names_its_part_of_the_report():
    text = topic_page.annotate(PAGE, registry(), "themes/a.md", None)
    assert text.count("From the report: Key theme 1.\n{ .provenance }") == 2
    assert text.index("## Second section") < text.rindex("From the report") < text.index("## Related")


def test_sources_in_the_front_matter_override_a_sections_parts():
    sources = {"second": ["theme-a", "step-b", "resource-list", "registry"], "first-section": ["editors"]}
    text = topic_page.annotate(PAGE, registry(), "themes/a.md", sources)
    assert "Not from the report: links the editors drew.\n{ .provenance }" in text
    assert (
        "From the report: Key theme 1, [Next step 1](../next-steps/b.md) and Resources list. "
        "Also: facts from the resource index, checked against public sources."
    ) in text


def test_other_pages_are_left_as_they_are():
    assert topic_page.annotate(PAGE, registry(), "about.md", None) == PAGE


def test_section_ids_follow_the_toc_extension():
    assert pages.section_ids(PAGE) == [(6, "first-section"), (14, "second"), (18, "related")]
    assert pages.section_ids("## [Linked](x.md) heading, with “quotes”!\n") == [(1, "linked-heading-with-quotes")]
