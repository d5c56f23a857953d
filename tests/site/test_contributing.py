"""What contributors rely on: edit links, the contributing guide, templates and hooks."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.support import PROJECT, ROOT, build_here, git
from us_nordic_kb.model import pages

EDIT_PREFIX = PROJECT.settings["repo_url"].rstrip("/") + "/edit/main/"


def built(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / pages.html_file(page, True)).read_text(encoding="utf-8"), "html.parser")


def test_every_content_page_has_edit_and_view_links_to_an_existing_file(built_site):
    for page in list(PROJECT.nav):
        html = built(built_site, page)
        edit = html.select_one('a[rel="edit"]')
        assert edit is not None, page
        assert edit["href"].startswith(EDIT_PREFIX), edit["href"]
        source = edit["href"].removeprefix(EDIT_PREFIX)
        assert (ROOT / source).is_file(), (page, source)
        view = html.select_one('a[title="View source of this page"]')
        assert view is not None and view["href"] == edit["href"].replace("/edit/", "/raw/"), page


def test_generated_pages_link_to_what_they_are_generated_from(built_site):
    assert (
        built(built_site, "resources/index.md").select_one('a[rel="edit"]')["href"] == EDIT_PREFIX + "docs/resources/registry.yml"
    )
    assert built(built_site, "contributing.md").select_one('a[rel="edit"]')["href"] == EDIT_PREFIX + "CONTRIBUTING.md"


def test_every_page_says_when_it_was_last_updated(built_site):
    for page in list(PROJECT.nav):
        dates = built(built_site, page).select_one("aside.page-dates")
        assert dates is not None, page
        assert re.search(r"Last updated: \d{1,2} \w+ \d{4}", dates.get_text(" ", strip=True)), page


def test_the_contributing_guide_is_a_page_of_the_site(built_site):
    text = built(built_site, "contributing.md").select_one("article").get_text(" ", strip=True)
    for heading in [
        "Add a resource, a programme or an organisation",
        "Writing guide",
        "Reading the checks",
        "Code of conduct",
        "Licence",
    ]:
        assert heading in text
    assert "make serve" in text and "url_note" in text


def test_last_updated_comes_from_git_history_and_generated_pages_use_their_source(project):
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "all", date="2024-03-05T12:00:00+00:00")
    registry = project / "docs/resources/registry.yml"
    registry.write_text(registry.read_text() + "\n")
    git(project, "commit", "-qam", "registry", date="2025-01-02T12:00:00+00:00")
    result = build_here(project, downloads=False)
    assert result.returncode == 0, result.stderr
    theme = (project / "site/themes/digital-literacy/index.html").read_text()
    index = (project / "site/resources/index.html").read_text()
    plain = (project / "site/accessibility/index.html").read_text()  # shows nothing from the registry
    assert 'Last updated: <time datetime="2024-03-05">5 March 2024</time>' in plain
    # Both show the registry's entries, so its change dates them (the theme its Related block).
    assert 'Last updated: <time datetime="2025-01-02">2 January 2025</time>' in theme
    assert 'Last updated: <time datetime="2025-01-02">2 January 2025</time>' in index


def test_without_git_history_pages_show_no_date_and_the_build_says_so_once(project):
    result = build_here(project, downloads=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("No git history here: pages show no 'last updated' date") == 1
    about = (project / "site/about/index.html").read_text()
    assert "Last updated:" not in about and '"dateModified"' not in about
    assert "Contributors to the US–Nordic Prevention Knowledge Base. (n.d.). About the workshop." in about
