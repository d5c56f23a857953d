"""Claims of completeness ("every", "all", "the five themes", "it lists three publications")
hold: where a page says how many things of a kind there are, or that it lists them all, the
data it is built from agrees. Fast: the page sources and the registry, no build."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT
from us_nordic_kb.model.registry import load
from us_nordic_kb.render import practices

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
DOCS = ROOT / "docs"
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "every ... the report mentions": a claim to list all of something the report names, which a
# data-built list can rarely keep (review 23, finding 14). Say what the list holds instead.
EVERYTHING_THE_REPORT_NAMES = re.compile(
    r"\b(every|all|everything)\b(?!-)[^.]{0,100}\b(the )?(workshop )?report (mentions|names|recommends|lists|describes)\b", re.I
)


def text_of(path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def section(page: str, heading: str) -> str:
    """The Markdown of one section of a page, from its heading to the next heading of the same level or higher."""
    text = (DOCS / page).read_text(encoding="utf-8")
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    after = re.search(rf"^#{{1,{len(level)}}} ", text[start + len(heading) :], re.M)
    return text[start : start + len(heading) + (after.start() if after else len(text))]


def test_no_page_or_data_file_claims_to_hold_everything_the_report_names():
    sources = [*DOCS.rglob("*.md"), *DOCS.rglob("*.yml"), DOCS / "resources/registry.schema.json"]
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sources
        for match in EVERYTHING_THE_REPORT_NAMES.finditer(text_of(path))
    ]
    assert found == [], "say what the list holds instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "This table lists every programme, model, platform and practice that the workshop report mentions.",
        "The entries: everything the report names.",
        "All the resources the report recommends are here.",
    ],
)
def test_the_guard_catches_such_a_claim(sentence):
    assert EVERYTHING_THE_REPORT_NAMES.search(sentence)


def test_the_practice_table_holds_what_its_page_says_and_points_elsewhere_for_the_rest():
    """The page says the table lists the programmes, models, platforms and practice examples
    that the resource index records, and that networks such as RAN are in the index instead."""
    table = practices.practice_table(REGISTRY, "practices/index.md")
    rows = re.findall(r"^\| \[.*?\]\(\.\./resources/index\.md#([a-z0-9-]+)\)", table, re.M)
    assert set(rows) == {e.id for e in REGISTRY.entries.values() if e.kind in practices.KINDS}
    page = text_of(DOCS / "practices/index.md")
    assert "programmes, models, platforms and practice examples" in page and "the resource index records" in page
    assert "Networks such as the Radicalisation Awareness Network are listed in the resource index instead" in page
    ran = REGISTRY.entries["radicalisation-awareness-network"]
    assert ran.kind == "network" and ran.kind not in practices.KINDS


def test_about_lists_exactly_what_the_reports_resource_list_recommends():
    listed = section("about.md", "### What the resources list recommends")
    refs = set(re.findall(r'ref\("([a-z0-9-]+)"', listed))
    recommended = {e.id for e in REGISTRY.entries.values() if e.recommended}
    assert refs == recommended
    publications = [e for e in REGISTRY.entries.values() if e.recommended and e.kind == "publication"]
    count = re.search(r"It lists (\w+)\s+publications", listed)
    assert count is not None and NUMBERS[count.group(1)] == len(publications)
    eu = re.search(r"(\w+) EU platforms: (.*?);", listed, re.S)
    assert eu is not None and NUMBERS[eu.group(1)] == len(re.findall(r"ref\(", eu.group(2)))


@pytest.mark.parametrize(
    ("page", "pattern", "kind"),
    [
        ("index.md", r"^## (\w+) key themes$", "theme"),
        ("index.md", r"^## (\w+) next steps$", "next-step"),
        ("themes/index.md", r"the (\w+) key themes", "theme"),
        ("next-steps/index.md", r"(\w+) areas where", "next-step"),
    ],
)
def test_the_number_of_themes_and_next_steps_a_page_gives_is_the_registrys(page, pattern, kind):
    text = (DOCS / page).read_text(encoding="utf-8")
    found = re.findall(pattern, text, re.M | re.I)
    assert found, f"{page} no longer says how many: {pattern}"
    assert {NUMBERS[n.lower()] for n in found} == {len(REGISTRY.topics_of(kind))}
