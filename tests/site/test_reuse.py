"""Reuse, cite, follow, respond: the data files, structured metadata, the changes page and feed,
citations, single-page PDFs and feedback links, checked in the built site and the bundle."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

import pypdf
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from tests.support import PROJECT, ROOT, build_here, nav_pages, output_of, soup
from us_nordic_kb.build.bundle import BUNDLE_NAME, FOLDER
from us_nordic_kb.build.pdf import page_pdf_name, pdf_pages
from us_nordic_kb.model.registry import load
from us_nordic_kb.render import exports

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_registry_is_published_as_json_valid_against_its_schema(built_site):
    data = json.loads((built_site / "downloads/registry.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs/resources/registry.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    source = yaml.load((ROOT / "docs/resources/registry.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - a loader that builds no objects (SafeLoader subclass or BaseLoader)
    assert [e["id"] for e in data["entries"]] == [e["id"] for e in source["entries"]]


def test_the_csv_has_one_row_per_entry_and_round_trips_every_field(built_site):
    text = (built_site / "downloads/registry.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == exports.COLUMNS
    assert [exports.from_row(r) for r in rows] == list(REGISTRY.entries.values())
    for entry in REGISTRY.entries.values():  # the list separator never occurs inside a value
        for value in entry.named_in + entry.editors_links + entry.also_known_as + entry.unverified:
            assert exports.SEPARATOR not in value, (entry.id, value)


def test_the_downloads_page_lists_every_file_with_size_and_date(built_site):
    page = soup(built_site, "downloads.md").select_one("article")
    rows = {a["href"]: a.find_parent("tr") for a in page.select("table a[download]")}
    expected = ["registry.json", "registry.csv", "us-nordic-prevention-kb.pdf", BUNDLE_NAME, "us-nordic-prevention-kb.zim"] + [
        page_pdf_name(p) for p in pdf_pages(PROJECT)
    ]
    assert sorted(rows) == sorted(expected)
    for href, row in rows.items():
        (size_label, size), (built_label, built) = (td.get_text(" ", strip=True).split(": ", 1) for td in row.find_all("td")[1:3])
        assert (size_label, built_label) == ("Size", "Built"), href  # what a phone shows before each, as no heading is above
        assert re.fullmatch(r"\d+(\.\d)? (kB|MB)", size) and re.fullmatch(r"[1-9]\d? [A-Z][a-z]+ \d{4}", built), (
            href,
            size,
            built,
        )
        assert dt.datetime.strptime(built, "%d %B %Y"), (href, built)
        assert (built_site / "downloads" / href).is_file(), href


def test_the_offline_bundle_carries_the_data_files_page_pdfs_and_feed(built_site):
    with zipfile.ZipFile(built_site / "downloads" / BUNDLE_NAME) as bundle:
        names = set(bundle.namelist())
    wanted = ["downloads/registry.json", "downloads/registry.csv", "changes/feed.xml"] + [
        f"downloads/{page_pdf_name(p)}" for p in pdf_pages(PROJECT)
    ]
    assert {f"{FOLDER}/{w}" for w in wanted} <= names


def json_ld(html: BeautifulSoup) -> list[dict]:
    return [json.loads(s.get_text()) for s in html.select('script[type="application/ld+json"]')]


def test_every_page_describes_itself_in_json_ld_and_open_graph(built_site):
    for page in nav_pages():
        html = soup(built_site, page)
        [article] = [d for d in json_ld(html) if d["@type"] == "Article"]
        canonical = html.find("link", rel="canonical")["href"]
        assert article["@context"] == "https://schema.org" and article["url"] == canonical, page
        assert article["description"] == html.find("meta", attrs={"name": "description"})["content"], page
        assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert article["isBasedOn"]["@type"] == "Report" and article["isBasedOn"]["publisher"]["name"] == "Strong Cities Network"
        updated = html.select_one("aside.page-dates time")["datetime"]
        assert article["dateModified"] == updated, page
        og = {m["property"]: m["content"] for m in html.find_all("meta", property=re.compile("^og:"))}
        assert og["og:url"] == canonical and og["og:description"] == article["description"] and og["og:type"] == "article", page
        assert "og:image" not in og


def test_the_resource_index_lists_every_entry_as_structured_data(built_site):
    [items] = [d for d in json_ld(soup(built_site, "resources/index.md")) if d["@type"] == "ItemList"]
    listed = {i["item"]["@id"].split("#")[1]: i["item"] for i in items["itemListElement"]}
    assert list(listed) == list(REGISTRY.entries) and items["numberOfItems"] == len(REGISTRY.entries)
    for entry_id, item in listed.items():
        assert item.get("url") == REGISTRY.entries[entry_id].url and item["name"] == REGISTRY.entries[entry_id].name


def test_the_feed_is_atom_and_every_page_links_it(built_site):
    feed = ET.parse(built_site / "changes/feed.xml").getroot()  # noqa: S314 - parses the feed this project just built
    assert feed.tag == f"{ATOM}feed"
    for required in ["id", "title", "updated", "author"]:
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    stamps = [dt.datetime.fromisoformat(e.find(f"{ATOM}updated").text) for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    changes = soup(built_site, "changes/index.md")
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("tag:") and entry.find(f"{ATOM}title").text
        anchor = entry.find(f"{ATOM}link").get("href").split("#")[1]
        assert changes.find(id=anchor), anchor
    for page in nav_pages():
        link = soup(built_site, page).find("link", type="application/atom+xml")
        assert link["rel"] == ["alternate", "feed"]
        assert (
            link is not None
            and (built_site / output_of(page)).parent.joinpath(link["href"]).resolve()
            == (built_site / "changes/feed.xml").resolve()
        )


def test_the_changes_page_groups_the_history_by_month_from_git(project):
    from tests.support import git

    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "First version of every page", date="2025-01-15T12:00:00+00:00")
    page = project / "docs/glossary.yml"
    page.write_text(page.read_text() + "\n")
    git(project, "commit", "-qam", "Glossary: a blank line", date="2025-03-02T12:00:00+00:00")
    result = build_here(project, downloads=False)
    assert result.returncode == 0, result.stderr[-2000:]
    changes = BeautifulSoup((project / "site/changes/index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        ".changelog"
    )
    assert [h.get_text(strip=True).rstrip("¶") for h in changes.find_all("h2")] == ["March 2025", "January 2025"]
    first = changes.find("li").get_text(" ", strip=True)
    assert first == "2 March 2025 : Glossary: a blank line. Pages: Glossary ."  # a summary ends before its pages
    feed = ET.parse(project / "site/changes/feed.xml").getroot()  # noqa: S314 - parses the feed this project just built
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [
        "Glossary: a blank line",
        "First version of every page",
    ]


def test_every_page_offers_its_citation_in_four_styles_and_as_ris(built_site):
    for page in nav_pages():
        html = soup(built_site, page)
        cite = html.select_one("details.cite")
        title = html.select_one("article h1").get_text(strip=True).rstrip("¶")
        url = html.find("link", rel="canonical")["href"]
        day = dt.date.fromisoformat(html.select_one("aside.page-dates time")["datetime"])
        styles = [p.get_text() for p in cite.select("p.cite-style")]
        texts = [c.get_text() for c in cite.select("pre.cite-text code")]
        assert styles == ["APA", "Chicago (author–date)", "BibTeX", "RIS"], page
        apa, chicago, bibtex, ris = texts
        author = PROJECT.extra.citation["author"]
        assert apa == f"{author}. ({day.year}, {day:%B} {day.day}). {title}. {PROJECT.site_name}. {url}", page
        assert chicago.endswith(f"Last modified {day:%B} {day.day}, {day.year}. {url}.") and f"“{title}.”" in chicago, page
        assert (
            bibtex.count("{") == bibtex.count("}") and f"url = {{{url}}}" in bibtex and f"date = {{{day.isoformat()}}}" in bibtex
        )
        assert f"TI  - {title}" in ris and f"UR  - {url}" in ris and ris.startswith("TY  - ELEC") and "ER  - " in ris
        download = cite.select_one('a[href^="data:application/x-research-info-systems"]')
        assert urllib.parse.unquote(download["href"].split(",", 1)[1]) == ris and download["download"].endswith(".ris")


def test_each_theme_next_step_and_the_index_has_its_own_pdf(built_site):
    pages = pdf_pages(PROJECT)
    topics = {t.page for t in REGISTRY.topics.values()}
    assert set(pages) == topics | {"resources/index.md"}
    for page in pages:
        html = soup(built_site, page)
        link = html.select_one(".page-pdf a")
        target = ((built_site / output_of(page)).parent / link["href"]).resolve()
        assert target == (built_site / "downloads" / page_pdf_name(page)).resolve() and target.is_file(), page
        pdf = pypdf.PdfReader(target)
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
        title = html.select_one("article h1").get_text(strip=True).rstrip("¶")
        assert (
            re.sub(r"\s+", "", title) in text
            and "Page1of" in text
            and "USNORDICPREVENTIONKNOWLEDGEBASE" in text.upper().replace("–", "")
        ), page
        assert [o.title for o in pdf.outline if not isinstance(o, list)][0] == title
        uris = [
            a["/A"]["/URI"]
            for p in pdf.pages
            for a in (p.get("/Annots") or [])
            if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
        ]
        assert uris and all(
            u.startswith(("https://", "http://", "mailto:")) and ".html" not in u for u in uris if PROJECT.site_url in u
        ), page


def test_pages_without_their_own_pdf_do_not_offer_one(built_site):
    for page in set(nav_pages()) - set(pdf_pages(PROJECT)):
        assert soup(built_site, page).select_one(".page-pdf") is None, page


def test_every_page_asks_for_feedback_with_plain_prefilled_links(built_site):
    forms = {p.name for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")}
    for page in nav_pages():
        html = soup(built_site, page)
        box = html.select_one(".page-feedback")
        url = html.find("link", rel="canonical")["href"]
        links = box.select("a")
        assert [a.get_text(" ", strip=True) for a in links] == [
            "Yes , this page was useful",
            "No , this page was not useful",
            "Report a problem with this page",
        ]
        for link, useful in zip(links, ["Yes", "No", None], strict=True):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(link["href"]).query)
            assert link["href"].startswith(PROJECT.settings["repo_url"] + "/issues/new?") and query["template"][0] in forms
            assert query["page"] == [url] and query.get("useful", [None])[0] == useful, page
        assert "public" in box.get_text() and "stores nothing" in box.get_text()
        assert box.find("script") is None and box.find("form") is None
