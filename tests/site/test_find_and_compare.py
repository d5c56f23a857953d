"""The ways into the knowledge base, checked on the built site against the data they come from:
the finder's markup, the practice table, the US–Nordic comparison, the reading paths, the
relationship map, names in other languages and the search dialog's name."""

from __future__ import annotations

import gzip
import re

import pytest
from bs4 import BeautifulSoup, Tag

from tests.support import ROOT, build_here, one, run_check, soup
from us_nordic_kb.model import comparison
from us_nordic_kb.model import roles as reading_paths
from us_nordic_kb.model.registry import load
from us_nordic_kb.render import finder, practices
from us_nordic_kb.render.relation_map import connected_entries

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")


def article(site, page: str) -> Tag:
    return one(soup(site, page), "article")


def test_every_entry_carries_its_facets_for_the_finder(built_site):
    page = article(built_site, "resources/index.md")
    for entry in REGISTRY.entries.values():
        block = page.find(id=entry.id).find_parent(attrs={"data-entry": True})
        for facet, values in finder.entry_values(REGISTRY, entry).items():
            assert block[f"data-{facet}"].split() == values, (entry.id, facet)
    options = {(box["name"], box["value"]) for box in page.select("form.finder input[type=checkbox]")}
    assert options == {(f.name, v) for f in finder.facets(REGISTRY) for v, _ in f.options}
    assert all(box.find_parent("label") for box in page.select("form.finder input"))


def test_the_finder_adds_less_than_10_kb_gzip_to_the_page(built_site):
    """Its script, form and data attributes, compressed, against the same page without them."""
    html = (built_site / "resources/index.html").read_text(encoding="utf-8")
    bare = re.sub(r'<form class="finder".*?</form>|<script src="finder.js"[^>]*></script>', "", html, flags=re.S)
    bare = re.sub(r' data-(?:entry|kind|country|theme|step|recommended)="[^"]*"', "", bare)
    assert bare != html
    added = len(gzip.compress(html.encode())) - len(gzip.compress(bare.encode()))
    added += len(gzip.compress((built_site / "resources/finder.js").read_bytes()))
    assert added < 10_000, added


def test_the_practice_table_has_a_row_for_every_programme_platform_and_practice(built_site):
    table = article(built_site, "practices/index.md").select_one(".sortable table")
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headings == practices.HEADINGS
    rows = {tr.find("a")["href"].split("#")[1]: tr for tr in table.select("tbody tr")}
    assert set(rows) == {e.id for e in REGISTRY.entries.values() if e.kind in practices.KINDS}
    for entry_id, row in rows.items():
        entry = REGISTRY.entries[entry_id]
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        # each cell after the first starts with its heading, which a phone shows in place of the headings row
        place = "place not named in the report" if entry.country == "Not named" else entry.country
        assert cells[1] == f"Place: {place}" and cells[2] == f"Who runs it: {entry.owner}", entry_id
        where = [a.get_text() for a in row.find_all("td")[4].find_all("a")]
        assert where == [REGISTRY.part_label(p) for p in entry.named_in if p in REGISTRY.topics], entry_id


def test_every_comparison_cell_names_its_source_or_says_it_is_not_covered(built_site):
    rows = comparison.load(ROOT / "docs/comparison.yml", REGISTRY, "comparison.yml")
    table = article(built_site, "compare/index.md").select_one(".comparison table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Question", *comparison.SIDES.values()]
    body = table.select("tbody tr")
    assert [tr.find("td").get_text(strip=True) for tr in body] == [r.question for r in rows]
    for row, tr in zip(rows, body, strict=True):
        for side, td in zip(comparison.SIDES, tr.find_all("td")[1:], strict=True):
            label, _, text = td.get_text(" ", strip=True).partition(": ")
            assert label == comparison.SIDES[side], (row.id, side)  # shown on a phone, where no heading is above
            if side in row.cells:
                assert "From:" in text and "Not covered" not in text, (row.id, side)
            else:
                assert text == "Not covered by the report.", (row.id, side)


def test_each_reading_path_lists_exactly_the_sections_tagged_for_its_role(built_site):
    docs = ROOT / "docs"
    found = reading_paths.stops(docs, REGISTRY)
    roles = reading_paths.load_roles(docs / "roles.yml", docs, "roles.yml")
    assert {r.id for r in roles} == set(found), "every role needs tagged sections"
    for role in roles:
        page = article(built_site, role.page)
        links = [a["href"] for a in page.select("li > a")]
        assert len(links) == len(found[role.id]) >= 3, role.id
        for stop, href in zip(found[role.id], links, strict=True):
            topic = REGISTRY.topics[stop.topic]
            assert href.endswith(topic.page.removesuffix(".md") + f"/#{stop.section}"), (role.id, href)
            target = soup(built_site, topic.page).find(id=stop.section)
            assert target is not None and target.name == "h2", (role.id, stop.section)
        assert f"It picks out {len(found[role.id])} sections" in page.select_one("p.lead").get_text()


def test_the_map_links_every_node_and_draws_every_relation(built_site):
    page = article(built_site, "map/index.md")
    svg = page.select_one("svg.relation-map")
    nodes = svg.select("a.map-node")
    entries = connected_entries(REGISTRY)
    assert len(nodes) == len(REGISTRY.topics) + len(entries)
    for node in nodes:
        href = node["href"]
        path, _, anchor = href.partition("#")
        target = (built_site / "map" / path / "index.html").resolve()
        assert target.is_file(), href
        if anchor:
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href
    named = sum(1 for e in entries for t in e.named_in if t in REGISTRY.topics)
    editors = sum(len(e.editors_links) for e in entries)
    topics = sum(len(t.related) for t in REGISTRY.topics.values())
    assert len(svg.select(".map-edge--report")) == named and len(svg.select(".map-edge--editors")) == editors
    assert len(svg.select(".map-edge--topics")) == topics
    listed = page.find(id="the-same-relations-as-a-list").find_next("ul")
    assert len(listed.find_all("a", href=re.compile("resources/#"))) == named + editors


def test_names_in_other_languages_are_marked_with_their_language(built_site):
    page = article(built_site, "resources/index.md")
    marked = {(span.get_text(), span["lang"]) for span in page.select("span[lang]")}
    for entry in REGISTRY.entries.values():
        for native in entry.native_names:
            assert (native.name, native.lang) in marked, native.name
    assert page.find(id="anchor-model").select_one('span[lang="fi"]').get_text() == "Ankkuri"


def test_the_search_dialog_has_an_accessible_name_on_every_page(built_site):
    for html in built_site.rglob("*.html"):
        dialog = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one('.md-search[role="dialog"]')
        if dialog is not None:
            assert dialog.get("aria-label") == "Search", html


def test_a_new_entry_appears_everywhere_without_editing_a_page(project):
    registry = project / "docs/resources/registry.yml"
    registry.write_text(
        registry.read_text()
        + """
  - id: test-practice
    kind: practice
    name: A practice added for the test
    description: A practice that no page mentions.
    owner: Nobody
    country: Finland
    url: null
    url_note: A test.
    named_in: [frontline-training]
"""
    )
    result = build_here(project, downloads=False)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    assert article(site, "resources/index.md").find(id="test-practice").find_parent(attrs={"data-kind": "practice"})
    assert "test-practice" in str(article(site, "practices/index.md").select_one("table"))
    assert "#test-practice" in str(article(site, "themes/frontline-training.md").find(id="related").find_next("ul"))
    assert "#test-practice" in str(article(site, "map/index.md").select_one("svg.relation-map"))


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (
            "kind: practice\n    name: Police who",
            "kind: practise\n    name: Police who",
            "field 'kind': got 'practise' — expected one of: publication, programme",
        ),
        ("    country: Denmark\n", "    country: Danmark\n", "field 'country': got 'Danmark' — expected one of: Denmark"),
    ],
)
def test_make_check_names_an_unknown_kind_or_country_with_its_line(project, old, new, words):
    registry = project / "docs/resources/registry.yml"
    text = registry.read_text().replace(old, new, 1)
    registry.write_text(text)
    line = text[: text.index(new.strip().split("\n")[0])].count("\n") + 1
    result = run_check(project / "docs")
    assert result.returncode == 1
    found = [p for p in result.stdout.splitlines() if words in p]
    assert found and all(p.startswith(f"docs/resources/registry.yml:{line}: entry '") for p in found), (line, result.stdout)


def test_make_check_names_an_unknown_role_tag_with_its_line(project):
    page = project / "docs/themes/frontline-training.md"
    text = re.sub(r"\n    educators: ", "\n    teachers: ", page.read_text(), count=1)
    page.write_text(text)
    line = text[: text.index("    teachers:")].count("\n") + 1
    result = run_check(project / "docs")
    assert result.returncode == 1
    assert (
        f"docs/themes/frontline-training.md:{line}: unknown role 'teachers' — expected one of: mayors, police, services, "
        "educators, national (see docs/roles.yml)" in result.stdout
    ), result.stdout
