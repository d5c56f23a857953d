"""The resource finder on the resource index, in Chromium: each filter and their combinations
against the registry, live counts, the address, reload, keyboard, JavaScript off, and the
unzipped offline bundle over file://."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT
from us_nordic_kb.model.registry import load
from us_nordic_kb.render import finder

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
FACETS = finder.facets(REGISTRY)
VALUES = {e.id: finder.entry_values(REGISTRY, e) for e in REGISTRY.entries.values()}


def expected(**picked: list[str]) -> set[str]:
    """Entry ids that have one of the picked values of every picked facet, from the registry."""
    return {i for i, values in VALUES.items() if all(set(values[f]) & set(v) for f, v in picked.items())}


def shown(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-entry]:not([hidden]) h3", "hs => hs.map(h => h.id)"))


def tick(page, facet: str, value: str):
    page.locator(f'form.finder input[name="{facet}"][value="{value}"]').check()


def count_of(page, facet: str, value: str) -> int:
    text = page.locator(f'form.finder input[name="{facet}"][value="{value}"] ~ .finder-count').inner_text()
    return int(text.strip("()"))


@pytest.fixture
def finder_page(guarded_page, site_url):
    guarded_page.goto(site_url + "resources/")
    guarded_page.locator("form.finder").wait_for(state="visible")
    return guarded_page


def test_each_option_of_each_filter_shows_exactly_its_entries_and_says_how_many(finder_page):
    """An option that would show no entry cannot be ticked."""
    page = finder_page
    assert page.locator(".finder-status").inner_text() == f"Showing all {len(VALUES)} entries."
    for facet in FACETS:
        for value, _ in facet.options:
            want = expected(**{facet.name: [value]})
            assert count_of(page, facet.name, value) == len(want), (facet.name, value)
            box = page.locator(f'form.finder input[name="{facet.name}"][value="{value}"]')
            assert box.is_disabled() == (not want), (facet.name, value)
            if not want:
                continue
            tick(page, facet.name, value)
            assert shown(page) == want, (facet.name, value)
            assert page.locator(".finder-status").inner_text() == f"Showing {len(want)} of {len(VALUES)} entries."
            box.uncheck()
    assert page.foreign_requests == [] and page.console_errors == []


def test_an_option_that_would_show_nothing_is_disabled_unless_it_is_ticked(finder_page, site_url):
    page = finder_page
    kinds = {value for value, _ in next(f for f in FACETS if f.name == "kind").options}
    kind, country = next(
        (k, c)
        for c in sorted({v for values in VALUES.values() for v in values["country"]})
        for k in sorted(kinds)
        if expected(country=[c]) and not expected(kind=[k], country=[c])
    )
    tick(page, "country", country)  # leaves no entry of this kind
    assert page.locator(f'form.finder input[name="kind"][value="{kind}"]').is_disabled()
    # A shared address may tick it anyway: it stays ticked, and can be cleared.
    page.goto(f"{site_url}resources/?country={country}&kind={kind}")
    box = page.locator(f'form.finder input[name="kind"][value="{kind}"]')
    assert box.is_checked() and box.is_enabled()
    assert shown(page) == set()
    assert page.locator(".finder-status").inner_text() == "No entry matches these filters. Clear one to see more."
    box.uncheck()
    assert shown(page) == expected(country=[country])


def test_the_table_of_contents_lists_and_marks_only_the_entries_shown(finder_page):
    page = finder_page
    tick(page, "country", "finland")
    want = expected(country=["finland"])
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc]")
    listed = toc.locator("a.md-nav__link:visible").evaluate_all("links => links.map((a) => a.hash.slice(1))")
    assert want <= set(listed) and not (set(VALUES) - want) & set(listed)
    for position in ["document.body.scrollHeight / 2", "document.body.scrollHeight"]:
        page.evaluate(f"window.scrollTo(0, {position})")
        page.wait_for_timeout(500)  # the theme moves its mark after the scroll
        marked = toc.locator("a.md-nav__link--active")
        assert marked.count() == 1 and marked.is_visible(), position
        assert marked.evaluate("a => a.hash.slice(1)") in listed


def test_filters_combine_and_counts_follow_the_other_filters(finder_page):
    page = finder_page
    tick(page, "kind", "programme")
    tick(page, "kind", "practice")
    tick(page, "country", "united-states")
    want = expected(kind=["programme", "practice"], country=["united-states"])
    assert want and shown(page) == want
    # A country's count is what ticking it would show alongside the kinds already ticked.
    assert count_of(page, "country", "finland") == len(expected(kind=["programme", "practice"], country=["finland"]))
    assert count_of(page, "kind", "publication") == len(expected(kind=["publication"], country=["united-states"]))
    # Groups with no entry left are hidden too.
    assert page.locator("[data-group]:has(#kind-publication)").is_hidden()
    tick(page, "recommended", "yes")
    assert shown(page) == expected(kind=["programme", "practice"], country=["united-states"], recommended=["yes"])


def test_a_filtered_view_is_in_the_address_survives_reload_and_can_be_shared(finder_page, browser, site_url):
    page = finder_page
    tick(page, "theme", "inclusive-communities")
    tick(page, "kind", "practice")
    assert re.search(r"\?theme=inclusive-communities&kind=practice$|\?kind=practice&theme=inclusive-communities$", page.url), (
        page.url
    )
    want = expected(theme=["inclusive-communities"], kind=["practice"])
    page.reload()
    assert shown(page) == want and page.locator('input[name="kind"][value="practice"]').is_checked()
    other = browser.new_context().new_page()  # someone who got the link
    other.goto(page.url)
    assert shown(other) == want
    other.context.close()


def test_clear_all_shows_everything_and_keeps_the_focus(finder_page):
    page = finder_page
    tick(page, "step", "support-existing-models")
    page.locator(".finder-clear").focus()
    page.keyboard.press("Enter")
    assert shown(page) == set(VALUES)
    assert page.evaluate("document.activeElement.classList.contains('finder-clear')")
    assert page.url.endswith("/resources/")


def test_the_finder_works_from_the_keyboard_alone_and_speaks_its_count(finder_page):
    page = finder_page
    box = page.locator('input[name="kind"][value="publication"]')
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked() and page.evaluate("document.activeElement.value") == "publication"
    status = page.locator(".finder-status")
    assert status.get_attribute("role") == "status"  # announced politely by screen readers
    assert status.inner_text() == f"Showing {len(expected(kind=['publication']))} of {len(VALUES)} entries."
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "kind"  # focus moves on, not lost
    for legend in page.locator("form.finder fieldset legend").all_inner_texts():
        assert legend  # every group of controls is named


def test_without_javascript_the_page_lists_every_entry(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "resources/")
    assert page.locator("form.finder").is_hidden()
    assert page.locator("[data-entry] h3").count() == len(VALUES)
    assert all(page.locator(f"#{i}").is_visible() for i in VALUES)
    context.close()


def test_the_finder_works_in_the_offline_bundle_over_file(browser, unzipped):
    context = browser.new_context()
    requests = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith("file://") else (requests.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto((unzipped / "resources/index.html").as_uri())
    tick(page, "country", "finland")
    assert shown(page) == expected(country=["finland"])
    assert page.url.endswith("?country=finland")
    page.reload()
    assert shown(page) == expected(country=["finland"])
    assert requests == []
    context.close()
