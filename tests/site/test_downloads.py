"""The PDF and the offline bundle that `make build` puts in site/downloads/."""

from __future__ import annotations

import posixpath
import re
import zipfile

import pypdf
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import PROJECT, ROOT
from us_nordic_kb.build.bundle import BUNDLE_NAME, FOLDER
from us_nordic_kb.build.pdf import PDF_NAME
from us_nordic_kb.model import pages

PAGES = list(PROJECT.nav)
REGISTRY = yaml.safe_load((ROOT / "docs/resources/registry.yml").read_text())


def squash(text: str) -> str:
    """Text with all whitespace removed, so that line breaks in the PDF do not matter."""
    return re.sub(r"\s+", "", text)


def page_titles() -> list[str]:
    titles = {page: pages.title((ROOT / "docs" / page).read_text(encoding="utf-8")) for page in PAGES}
    return [title for page, title in titles.items() if title or pytest.fail(f"{page} has no title")]


@pytest.fixture(scope="module")
def pdf(built_site):
    return pypdf.PdfReader(built_site / "downloads" / PDF_NAME)


@pytest.fixture(scope="module")
def pdf_text(pdf):
    return squash("".join(page.extract_text() for page in pdf.pages))


def test_the_pdf_is_under_five_megabytes(built_site):
    size = (built_site / "downloads" / PDF_NAME).stat().st_size
    assert 50_000 < size < 5_000_000


def test_the_outline_holds_every_nav_page_title_in_order(pdf):
    top_level = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert top_level[0] == "Contents"
    assert top_level[1:] == page_titles()


def test_the_outline_holds_the_main_sections(pdf):
    nested = [item.title for sub in pdf.outline if isinstance(sub, list) for item in sub if not isinstance(item, list)]
    for page in ["themes/resilience-and-trust.md", "next-steps/online-harm-offline.md"]:
        sections = re.findall(r"^## (.+?)(?: \{.*\})?$", (ROOT / "docs" / page).read_text(encoding="utf-8"), re.M)
        assert sections and all(section in nested for section in sections), (page, sections)


def test_the_text_holds_every_page_title_and_every_resource_name(pdf_text):
    for title in page_titles():
        assert squash(title) in pdf_text, title
    for entry in REGISTRY["entries"]:
        assert squash(entry["name"]) in pdf_text, entry["name"]


def test_the_pdf_holds_the_relationship_map_and_the_generated_tables(pdf_text):
    for words in [
        "Programmes, resources and practices",
        "Key theme 1",
        "Where the report discusses it",
        "Not covered by the report",
    ]:
        assert squash(words) in pdf_text, words


def test_the_table_of_contents_gives_page_numbers(pdf):
    contents = squash(pdf.pages[1].extract_text())
    assert re.search(r"Aboutthe workshop\.*\d+".replace(" ", ""), contents), contents[:300]


def test_internal_and_external_links_are_live(pdf):
    internal = external = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/S") == "/URI":
                external += 1
            elif action.get("/S") == "/GoTo" or annotation.get_object().get("/Dest"):
                internal += 1
    assert internal > 50 and external > 10, (internal, external)


def test_external_addresses_are_visible_in_print(pdf, pdf_text):
    addresses = {
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annotation in page.get("/Annots") or []
        if (annotation.get_object().get("/A") or {}).get("/S") == "/URI"
    }
    assert "https://ankkuritoiminta.fi/en" in addresses
    hidden = [a for a in addresses if squash(a) not in pdf_text]
    assert hidden == []


def test_the_pdf_has_a4_pages_cover_metadata_and_embedded_fonts(pdf, pdf_text):
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    meta = pdf.metadata
    assert meta.title == PROJECT.site_name
    assert meta.author and meta.subject and "Helsinki" in meta.subject
    cover = squash(pdf.pages[0].extract_text())
    assert squash("27–28 April 2022") in cover and "Helsinki" in cover and "StrongCitiesNetwork" in cover
    assert "Built" in cover
    for page in pdf.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor


def test_no_web_chrome_in_the_pdf(pdf_text):
    for chrome in ["Backtotop", "Initializingsearch", "Typetostartsearching", "Linktothissection"]:
        assert chrome not in pdf_text


def test_the_bundle_holds_every_page_and_the_search_index_as_a_script(built_site):
    with zipfile.ZipFile(built_site / "downloads" / BUNDLE_NAME) as bundle:
        names = set(bundle.namelist())
        assert f"{FOLDER}/index.html" in names
        for page in PAGES:
            assert f"{FOLDER}/{pages.html_file(page, directory_urls=False)}" in names, page
        assert f"{FOLDER}/search/search_index.js" in names
        index = bundle.read(f"{FOLDER}/index.html").decode()
    assert "This is an offline copy, built on" in index
    assert PROJECT.site_url in index
    assert 'src="assets/javascripts/iframe-worker-shim.js"' in index
    assert not re.search(r'<script[^>]+src="https?://', index)


def test_every_link_of_the_bundle_leads_to_a_file_in_it(built_site):
    """From disk a folder address opens no page: every internal link of every page of the offline
    copy, the map's links in its SVG included, names a file the bundle holds. (Not the 404 page:
    only a server shows it, at any address, so its links start from the site's root.)"""
    with zipfile.ZipFile(built_site / "downloads" / BUNDLE_NAME) as bundle:
        files = set(bundle.namelist())
        broken = []
        for name in sorted(n for n in files if n.endswith(".html") and not n.endswith("/404.html")):
            for anchor in BeautifulSoup(bundle.read(name).decode("utf-8"), "html.parser").find_all("a", href=True):
                href = str(anchor["href"]).split("#")[0]
                if not href or re.match(r"^[a-z]+:", href):
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href))
                if href.endswith("/") or target not in files:
                    broken.append(f"{name}: {anchor['href']}")
    assert len(files) > 50 and broken == []


def test_every_page_links_to_the_downloads(built_site):
    for page in PAGES:
        html = (built_site / pages.html_file(page, directory_urls=True)).read_text(encoding="utf-8")
        assert re.search(r'<a href="((\.\./)*downloads/|\./)">Downloads', html), page


def test_the_pdf_is_tagged_for_screen_readers(pdf):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
