"""How pages are laid out on a phone and on a desktop, in Chromium: what the reader's review of the
built site found (headings, wide tables, code blocks, the header, the 404 page, abbreviations)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support import PROJECT

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])

# The headings of a page whose ¶ link stands at the start of a line of its own.
LONELY_PERMALINKS = """() => [...document.querySelectorAll('.md-typeset :is(h1, h2, h3, h4) > .headerlink')]
  .filter((link) => {
    const text = document.createRange();
    text.selectNodeContents(link.parentNode);
    text.setEndBefore(link);
    const lines = [...text.getClientRects()].filter((r) => r.width > 0);
    return lines.length && link.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 2;
  })
  .map((link) => link.parentNode.textContent.trim())"""


@pytest.fixture
def viewed(browser, site_url):
    """A function that opens a page of the site at a viewport size."""
    contexts = []

    def view(path: str, viewport: dict, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path)
        return page

    yield view
    for context in contexts:
        context.close()


@VIEWPORTS
def test_no_headings_permalink_wraps_onto_a_line_of_its_own(viewed, viewport):
    """The pages where the review saw an empty line under a heading, at its two widths."""
    for path in ["compare/", "paths/mayors/", "practices/", "themes/community-welfare/", "resources/"]:
        page = viewed(path, viewport)
        assert page.evaluate(LONELY_PERMALINKS) == [], path


def test_the_practice_table_takes_the_width_of_the_empty_table_of_contents_on_a_desktop(viewed):
    page = viewed("practices/", DESKTOP)
    assert page.locator(".md-sidebar--secondary").is_hidden()
    assert page.locator(".sortable table").evaluate("t => t.getBoundingClientRect().width") > 900


def test_on_a_phone_the_practice_tables_sort_buttons_are_labelled_and_look_like_buttons(viewed):
    page = viewed("practices/", PHONE)
    row = page.locator(".sortable thead tr")
    assert "Sort by:" in row.evaluate("tr => getComputedStyle(tr, '::before').content")
    assert row.locator("button.sort-button").first.evaluate("b => parseFloat(getComputedStyle(b).borderTopWidth)") > 0


@VIEWPORTS
def test_the_downloads_tables_break_no_name_or_date_mid_word(viewed, viewport):
    page = viewed("downloads/", viewport)
    columns = page.locator("#the-registrys-columns ~ .md-typeset__scrollwrap table td:first-child code")
    assert columns.count() > 10
    broken = columns.evaluate_all("codes => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent)")
    assert broken == []
    if viewport is DESKTOP:  # on a phone each row is a block of its own, dates included
        lines = page.locator(".stacked-table td:nth-child(3)").evaluate_all(
            """cells => cells.map((cell) => {
                const text = document.createRange();
                text.selectNodeContents(cell.lastChild);
                return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
            })"""
        )
        assert lines and set(lines) == {1}


def test_an_abbreviation_is_explained_when_tapped_on_a_phone_and_when_the_tab_key_reaches_it(viewed):
    """As the glossary and the accessibility statement promise."""
    page = viewed("", PHONE, is_mobile=True, has_touch=True)
    page.locator(".md-typeset abbr", has_text="ISIS").first.tap()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5_000)
    assert tip.inner_text().strip() == "The so-called Islamic State of Iraq and Syria"
    page = viewed("about/", DESKTOP)
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("document.activeElement.textContent") == "SCN"
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5_000)
    assert tip.inner_text().strip() == "Strong Cities Network"


def test_the_404_page_has_a_title_a_heading_and_links_home_and_to_search(page, site_url):
    """Hosts serve it at any depth, so its links start from the site's root (its address's path)."""
    page.goto(site_url + "404.html")
    assert page.title() == f"Page not found - {PROJECT.site_name}"
    assert page.locator("article h1").inner_text() == "Page not found"
    links = page.locator("article a").evaluate_all("links => links.map((a) => [a.textContent, a.pathname + a.search])")
    home = urlsplit(PROJECT.site_url).path + "index.html"
    assert links == [["Go to the home page", home], ["Search the site", home + "?q="]]


def test_on_a_phone_the_header_the_menu_and_the_foot_show_their_titles_in_full(viewed):
    page = viewed("paths/", PHONE)
    cut = "e => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight"
    assert not page.locator(".md-header__topic:first-child .md-ellipsis").evaluate(cut)
    assert not page.locator(".md-footer__link--next .md-ellipsis").evaluate(cut)
    page.locator('label.md-header__button[for="__drawer"]').click()
    title = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__title")
    title.wait_for(state="visible")
    assert not title.evaluate(cut)


@VIEWPORTS
def test_the_contributing_guides_code_blocks_wrap_their_long_lines(viewed, viewport):
    page = viewed("contributing/", viewport)
    blocks = page.locator(".md-typeset pre > code")
    assert blocks.count() >= 4
    assert blocks.evaluate_all("codes => codes.filter((c) => c.scrollWidth > c.clientWidth).length") == 0
    # The tables there fit the page too, messages in code included.
    wider = "ws => ws.filter((w) => w.scrollWidth > w.clientWidth).length"
    assert page.locator(".md-typeset__scrollwrap").evaluate_all(wider) == 0


def test_the_cite_box_an_editors_pointer_and_a_photo_caption_each_have_their_own_icon(viewed):
    """None of them the pencil of a plain note, which reads as "edit"."""
    icon = "e => getComputedStyle(e, '::before').maskImage"
    page = viewed("themes/resilience-and-trust/", DESKTOP)
    pencil = page.evaluate(
        """() => {
            const note = document.createElement("div");
            note.className = "admonition note";
            note.append(Object.assign(document.createElement("p"), { className: "admonition-title" }));
            document.querySelector("article").append(note);
            return getComputedStyle(note.firstChild, "::before").maskImage;
        }"""
    )
    icons = [
        page.locator("details.cite > summary").evaluate(icon),
        page.locator(".admonition", has_text="This site's pointer").locator(".admonition-title").evaluate(icon),
        viewed("themes/inclusive-communities/", DESKTOP)
        .locator(".admonition", has_text="photo caption says")
        .locator(".admonition-title")
        .evaluate(icon),
    ]
    assert pencil.startswith("url(") and all(i.startswith("url(") for i in icons)
    assert len({pencil, *icons}) == 4
