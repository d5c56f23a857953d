"""Rendering registry data as Markdown (render/entries.py, render/markup.py)."""

from __future__ import annotations

import json

import markdown
from bs4 import BeautifulSoup

from tests.support import FIXTURES, ROOT, SCHEMA
from us_nordic_kb.model import labels
from us_nordic_kb.model.registry import Entry, Registry, Status, load
from us_nordic_kb.render import entries, markup

# The site's own sanitiser last, as in mkdocs.yml: the tests read what ships.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "us_nordic_kb.render.sanitise",
]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def small_registry() -> Registry:
    return load(FIXTURES / "registry/valid.yml", FIXTURES / "docs", schema=SCHEMA)


def test_escape_makes_markup_inert():
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) **bold** {#id} <img src=x onerror=alert(1)>"
    html = to_html(markup.escape(hostile))
    assert "<script>" not in html and "<img" not in html and "<strong>" not in html and "<a " not in html
    assert "&lt;script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # shown as text, not a link


def test_links_are_relative_to_the_page():
    assert markup.link("T", "themes/a.md", "next-steps/b.md") == "[T](../themes/a.md)"
    assert markup.link("T", "resources/index.md#x", "index.md") == "[T](resources/index.md#x)"
    assert markup.link("T", "themes/a.md", "themes/b.md") == "[T](a.md)"


def test_reference_links_entries_to_the_index_and_topics_to_their_page():
    registry = small_registry()
    assert entries.reference(registry, "model-x", "themes/a.md") == "[Model X](../resources/index.md#model-x)"
    assert entries.reference(registry, "step-b", "themes/a.md", "that step") == "[that step](../next-steps/b.md)"


def test_related_block_lists_both_directions():
    registry = small_registry()
    theme = to_html(entries.related_block(registry, registry.topics["theme-a"], "themes/a.md"))
    step = to_html(entries.related_block(registry, registry.topics["step-b"], "next-steps/b.md"))
    assert 'href="../next-steps/b.md"' in theme and "Model X" in theme and "Paper Y" not in theme
    assert 'href="../themes/a.md"' in step and "Paper Y" in step and "Model X" not in step


def with_entry(registry: Registry, **fields) -> Registry:
    """The registry with one more entry, `extra`, named under theme-a unless said otherwise."""
    entry = Entry(
        **{
            "id": "extra",
            "kind": "network",
            "name": "Extra",
            "description": "A network.",
            "owner": "o",
            "country": "c",
            "url": None,
            "named_in": ("theme-a",),
            **fields,
        }
    )
    return Registry(workshop=registry.workshop, topics=registry.topics, entries={**registry.entries, "extra": entry})


def test_related_block_keeps_the_reports_links_apart_from_the_editors():
    registry = with_entry(small_registry(), named_in=("resource-list",), editors_links=("theme-a",))
    text = entries.related_block(registry, registry.topics["theme-a"], "themes/a.md")
    named, editors = text.split("**Editors' links**")
    assert "Model X" in named and "Extra" not in named
    assert "Extra" in editors and "Step B" in editors and "ours, not the report's" in editors


def test_an_entry_that_ended_after_the_workshop_carries_a_dated_note_at_its_first_mention():
    ended = Status(event="succeeded", date="2024-06-17", note="handed its work to a successor")
    registry = with_entry(small_registry(), status=(ended,))
    first = entries.reference(registry, "extra", "themes/a.md", first_mention=True)
    assert (
        first == '[Extra](../resources/index.md#extra) <span class="since-workshop">'
        "(since the workshop: a successor launched on 17 June 2024)</span>"
    )
    assert entries.reference(registry, "extra", "themes/a.md") == "[Extra](../resources/index.md#extra)"
    index = to_html(entries.resource_index(registry))
    assert "Since the workshop (17 June 2024): handed its work to a successor." in index


def test_a_status_before_the_workshop_is_dated_but_not_a_note_on_pages():
    registry = with_entry(small_registry(), status=(Status(event="dissolved", date="2020-09", note="was dissolved"),))
    assert "since the workshop" not in entries.reference(registry, "extra", "themes/a.md", first_mention=True)
    assert "Before the workshop (September 2020): was dissolved." in to_html(entries.resource_index(registry))


def test_a_year_or_month_that_holds_the_workshop_is_neither_before_nor_after_it():
    registry = small_registry()  # the fixture workshop ends on 2022-04-28
    dated = {
        d: entries.after_workshop(registry, Status("ended", d, "x"))
        for d in ["2022", "2022-04", "2022-04-28", "2022-04-29", "2022-05", "2023", "2022-03", "2021"]
    }
    assert dated == {
        "2022": None,
        "2022-04": None,
        "2022-04-28": False,
        "2022-04-29": True,
        "2022-05": True,
        "2023": True,
        "2022-03": False,
        "2021": False,
    }


def test_a_fact_of_the_workshops_year_says_the_sources_cannot_place_it():
    status = (Status("disbanded", "2019", "was disbanded", "a paper"), Status("relaunched", "2022", "was relaunched", "a paper"))
    registry = with_entry(small_registry(), status=status)
    note = entries.reference(registry, "extra", "themes/a.md", first_mention=True)
    assert "(before or after the workshop: relaunched in 2022 (month unknown), source: a paper)" in note
    assert "since the workshop" not in note and "disbanded" not in note
    index = to_html(entries.resource_index(registry))
    assert "Before or after the workshop (2022, month unknown): was relaunched (source: a paper)." in index
    assert "Since the workshop (2022)" not in index


def test_unverified_fields_are_said_in_the_name_and_the_description():
    registry = with_entry(small_registry(), unverified=("name", "owner"))
    index = to_html(entries.resource_index(registry))
    assert "Extra (name not verified)" in index
    assert "A network. Not confirmed by an official source: its name and who runs or publishes it." in index
    assert ">Extra</a> (name not verified)" in to_html(entries.reference(registry, "extra", "themes/a.md"))
    assert ">the programme</a> (name not verified)" in to_html(
        entries.reference(registry, "extra", "themes/a.md", "the programme")
    )


def test_format_date_keeps_the_precision_of_the_source():
    assert [markup.format_date(d) for d in ["2023", "2024-06", "2024-06-07"]] == ["2023", "June 2024", "7 June 2024"]


def test_resource_index_groups_by_kind_and_gives_every_fact():
    registry = small_registry()
    html = to_html(entries.resource_index(registry))
    assert (
        html.index('id="kind-publication"')
        < html.index('id="paper-y"')
        < html.index('id="kind-programme"')
        < html.index('id="model-x"')
    )
    assert 'href="https://example.org/x"' in html
    assert "A ministry" in html and "2019" in html and "No copy could be found" in html
    assert 'href="../themes/a.md"' in html and 'href="../next-steps/b.md"' in html


def test_registry_text_cannot_inject_html():
    registry = small_registry()
    evil = Entry(
        id="evil",
        kind="programme",
        name="<b>Evil</b>",
        description="<script>x()</script>",
        owner="[o](http://x)",
        country="*c*",
        url='https://example.org/"onmouseover="x',
        named_in=("theme-a",),
        status=(Status("ended", "2024", "<i>gone</i>", "<b>src</b>"),),
    )
    registry = Registry(workshop=registry.workshop, topics=registry.topics, entries={"evil": evil})
    html = to_html(entries.resource_index(registry)) + to_html(
        entries.related_block(registry, registry.topics["theme-a"], "themes/a.md")
    )
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "<em>c</em>" not in html
    links = BeautifulSoup(html, "html.parser").select("a.url")
    assert [set(a.attrs) for a in links] == [{"class", "href"}]  # the quotes stayed inside the address
    assert links[0]["href"] == 'https://example.org/"onmouseover="x'


def test_every_schema_kind_has_a_label():
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text())
    kinds = schema["$defs"]["entry"]["properties"]["kind"]["enum"]
    assert list(labels.KIND_LABELS) == kinds
    assert set(labels.KIND_SINGULAR) == set(kinds)


def test_every_status_event_of_the_schema_has_a_phrase():
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text())
    events = schema["$defs"]["entry"]["properties"]["status"]["items"]["properties"]["event"]["enum"]
    assert list(labels.EVENT_PHRASES) == events
    unverified = schema["$defs"]["entry"]["properties"]["unverified"]["items"]["enum"]
    assert list(labels.UNVERIFIED_LABELS) == unverified
