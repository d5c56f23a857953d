"""Every title the site gives for a page is that page's H1, as the page itself shows it: the
downloads, the Changes page and its feed, the reading paths, the related blocks, the topic cards,
the map, the citations, and the PDFs' covers, contents and bookmarks. Checked on the built site,
against the <h1> of each built page (the H1 as MkDocs rendered it)."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
import xml.etree.ElementTree as ET

import pypdf
import pytest
from bs4 import BeautifulSoup, Tag

from tests.support import PROJECT, ROOT, nav_pages, output_of
from us_nordic_kb.build.pdf import PDF_NAME, page_pdf_name, pdf_pages
from us_nordic_kb.model import pages
from us_nordic_kb.model.artifacts import artifact
from us_nordic_kb.model.history import FEED
from us_nordic_kb.model.registry import load

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
LABELS = {"theme": "Key theme", "next-step": "Next step"}  # as the report numbers its parts
ATOM = "{http://www.w3.org/2005/Atom}"


def text_of(heading: Tag) -> str:
    """A heading's text as a reader sees it, without its permalink (¶)."""
    copy = BeautifulSoup(str(heading), "html.parser")
    for permalink in copy.select("a.headerlink"):
        permalink.decompose()
    return " ".join(copy.get_text().split())


@pytest.fixture(scope="module")
def site(built_site):
    """(page -> its article, page -> the text of its H1, page -> section id -> heading text)."""
    articles, titles, sections = {}, {}, {}
    for page in nav_pages():
        html = BeautifulSoup((built_site / output_of(page)).read_text(encoding="utf-8"), "html.parser")
        articles[page] = html.select_one("article")
        h1s = articles[page].select("h1")
        assert len(h1s) == 1, f"{page}: {len(h1s)} <h1> in the article"
        titles[page] = text_of(h1s[0])
        sections[page] = {h["id"]: text_of(h) for h in articles[page].select("h2[id], h3[id]")}
    return articles, titles, sections


def squash(text: str) -> str:
    """Text without whitespace, so that the PDF's line breaks do not matter."""
    return re.sub(r"\s+", "", text)


def target(page: str, href: str) -> tuple[str, str] | None:
    """(the nav page a link of `page` leads to, its anchor), or None for anything else."""
    if href.startswith(("http:", "https:", "mailto:", "data:")):
        return None
    path, _, anchor = href.partition("#")
    built = posixpath.normpath(posixpath.join(posixpath.dirname(output_of(page)), path)) if path else output_of(page)
    found = pages.page_of(built if built != "." else "", frozenset(nav_pages()))
    return (found, anchor) if found else None


def forms(page: str, title: str) -> set[str]:
    """What a link may say for `page` whose H1 is `title`: the title, and for a theme or next
    step the title after its number ('Key theme 2: …', '2. …')."""
    topic = REGISTRY.topic_for_page(page)
    if topic is None:
        return {title}
    return {title, f"{LABELS[topic.kind]} {topic.number}: {title}", f"{topic.number}. {title}"}


def check_links(site, page: str, links: list[Tag], name=lambda link: link.get_text()) -> list[str]:
    """Each link of `links` whose `name` is not its target's title (or, with an anchor, its section's heading)."""
    _, titles, sections = site
    wrong = []
    for link in links:
        found = target(page, str(link["href"]))
        assert found, f"{page}: {link} leads to no page"
        there, anchor = found
        text = " ".join(name(link).split())
        expected = {sections[there].get(anchor, f"no section #{anchor}")} if anchor else forms(there, titles[there])
        if text not in expected:
            wrong.append(f"{page}: {text!r} names {there}{'#' + anchor if anchor else ''}, whose title is {sorted(expected)}")
    return wrong


def test_the_downloads_page_names_each_pages_pdf_by_the_pages_title(site):
    articles, titles, _ = site
    per_page = artifact("page-pdfs")
    pdfs = {per_page.path(pages.slug(p)): p for p in pdf_pages(PROJECT)}
    listed = {a["href"]: a.get_text() for a in articles["downloads.md"].select("a[download]") if a["href"] in pdfs}
    assert set(listed) == set(pdfs)
    wrong = [
        f"{text!r} for {pdfs[href]}, whose title is {titles[pdfs[href]]!r}"
        for href, text in listed.items()
        if text != per_page.title.format(title=titles[pdfs[href]])
    ]
    assert wrong == []


def test_the_changes_page_names_each_page_by_its_title(site):
    articles, _, _ = site
    links = articles["changes/index.md"].select(".changelog li a[href]")
    assert len(links) > 20
    assert check_links(site, "changes/index.md", links) == []


def test_the_feed_names_the_pages_of_each_change_as_the_changes_page_does(site, built_site):
    articles, titles, _ = site
    feed = ET.parse(built_site / FEED).getroot()  # noqa: S314 - parses the feed this build just wrote
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        anchor = entry.find(f"{ATOM}link").get("href").rpartition("#")[2]
        item = articles["changes/index.md"].find(id=anchor).find_parent("li")
        shown = [" ".join(a.get_text().split()) for a in item.select("a[href]")]  # pages
        files = [" ".join(c.get_text().split()) for c in item.select("code")]  # files no page shows
        assert set(shown) <= set(titles.values()), shown
        said = ([f"Pages: {', '.join(shown)}."] if shown else []) + ([f"Other files: {', '.join(files)}."] if files else [])
        assert entry.find(f"{ATOM}summary").text == " ".join(said), anchor


def test_reading_paths_name_their_pages_topics_and_sections_by_their_titles(site):
    articles, titles, _ = site
    paths = [p for p in nav_pages() if p.startswith("paths/")]
    wrong = check_links(site, "paths/index.md", articles["paths/index.md"].select("ul a[href]"))
    assert {target("paths/index.md", a["href"])[0] for a in articles["paths/index.md"].select("ul a[href]")} == set(paths) - {
        "paths/index.md"
    }
    for page in paths:
        for group in articles[page].select("h2"):
            stops = group.find_next_sibling("ul").select("a[href]")
            wrong += check_links(site, page, stops)
            topic = {target(page, a["href"])[0] for a in stops}
            assert len(topic) == 1, (page, text_of(group))
            (topic_page,) = topic
            if text_of(group) not in forms(topic_page, titles[topic_page]) - {titles[topic_page]}:
                wrong.append(f"{page}: group {text_of(group)!r} for {topic_page}, whose title is {titles[topic_page]!r}")
    assert wrong == []


def test_every_link_that_gives_a_title_gives_its_targets(site):
    """Related blocks, reading-path stops, the map's list and the index's parts of the report
    (`title-link`), the topic cards, and the map's boxes (each named by its SVG <title>)."""
    articles, titles, _ = site
    wrong, seen = [], 0
    for page, article in articles.items():
        links = article.select("a.title-link, .grid.cards a[href]")
        for link in links:
            number = re.fullmatch(r"(Key theme|Next step) (\d+)", link.get_text(strip=True))
            if number:  # a part of the report by its number alone: that part's page
                topic = REGISTRY.topic_for_page(target(page, link["href"])[0])
                assert topic and (LABELS[topic.kind], int(number[2])) == (number[1], topic.number), (page, link)
            else:
                wrong += check_links(site, page, [link])
        nodes = article.select("a.map-node")
        wrong += check_links(site, page, nodes, name=lambda node: node.find("title").get_text())
        seen += len(links) + len(nodes)
    assert seen > 100 and wrong == []


def test_every_page_is_cited_by_its_title(site):
    articles, titles, _ = site
    for page, article in articles.items():
        cite = article.select_one("details.cite")
        apa, chicago, bibtex, ris = [c.get_text() for c in cite.select("pre.cite-text code")]
        download = cite.select_one('a[href^="data:application/x-research-info-systems"]')
        cited = [
            re.search(r"\)\. (.*)\. " + re.escape(PROJECT.site_name) + r"\. http", apa),
            re.search(r"“(.*)\.”", chicago),
            re.search(r"^  title = \{(.*)\},$", bibtex, re.M),
            re.search(r"^TI  - (.*)$", ris, re.M),
            re.search(r"^TI  - (.*)$", urllib.parse.unquote(download["href"].split(",", 1)[1]), re.M),
        ]
        assert [c[1] if c else None for c in cited] == [titles[page]] * 5, page


def test_the_pdfs_covers_contents_and_bookmarks_give_each_pages_title(site, built_site):
    _, titles, _ = site
    whole = pypdf.PdfReader(built_site / "downloads" / PDF_NAME)
    in_order = [titles[p] for p in nav_pages()]
    assert [o.title for o in whole.outline if not isinstance(o, list)] == ["Contents", *in_order]
    assert squash(titles["index.md"]) in squash(whole.pages[0].extract_text())  # the cover
    contents = squash("".join(whole.pages[n].extract_text() for n in range(1, 4)))
    assert [t for t in in_order if squash(t) not in contents] == []
    for page in pdf_pages(PROJECT):
        single = pypdf.PdfReader(built_site / "downloads" / page_pdf_name(page))
        assert [o.title for o in single.outline if not isinstance(o, list)][0] == titles[page], page
        assert single.metadata.title == f"{titles[page]} – {PROJECT.site_name}", page
        assert squash(titles[page]) in squash(single.pages[0].extract_text()), page
