"""The external link checker run whole, against a local server that misbehaves in every usual way
(the server and the classification: tests/unit/test_linkcheck_external.py)."""

from __future__ import annotations

import pytest

from tests.unit.test_linkcheck_external import serving
from us_nordic_kb.check.linkcheck import external as external_links


@pytest.fixture(scope="module")
def server():
    yield from serving()


@pytest.fixture(scope="module")
def results(server, tmp_path_factory):
    base, port = server
    tmp = tmp_path_factory.mktemp("external")
    site = tmp / "site"
    (site / "themes").mkdir(parents=True)
    paths = ["ok", "ok#section", "ok#no-such-anchor", "moved", "temporary", "missing", "gone", "error", "slow"]
    links = "".join(f'<a href="{base}/{p}">{p}</a>' for p in paths) + f'<a href="http://localhost:{port}/error">flaky</a>'
    (site / "index.html").write_text(f"<html><body>{links}</body></html>")
    (site / "themes/page.html").write_text(f'<html><body><a href="{base}/missing">again</a></body></html>')
    entries = {f"{base}/missing": ["model-x"]}
    config = tmp / "external.ini"
    config.write_text(
        external_links.CONFIG.read_text()
        .replace("timeout=20", "timeout=1")
        .replace("maxrequestspersecond=1", "maxrequestspersecond=20")
    )
    flaky = tmp / "flaky.yml"
    flaky.write_text("hosts:\n  - host: localhost\n    reason: Test host that always fails.\n")
    checked = external_links.check_site(site, entries, config=config, flaky_file=flaky, attempts=2)
    return {r.url.removeprefix(base + "/"): r for r in checked}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("ok", "ok"),
        ("ok#section", "ok"),
        ("ok#no-such-anchor", "anchor"),
        ("moved", "moved"),
        ("temporary", "redirected"),
        ("missing", "broken"),
        ("gone", "broken"),
        ("error", "broken"),
        ("slow", "unreachable"),
    ],
)
def test_each_answer_is_classified(results, path, status):
    assert results[path].status == status, results[path]


def test_a_permanent_redirect_gives_the_new_address(results, server):
    assert results["moved"].new_url == f"{server[0]}/ok"
    assert "301" in results["moved"].detail


def test_the_status_code_and_timeout_are_named(results):
    assert results["gone"].detail.startswith("410")
    assert results["error"].detail.startswith("500")
    assert "timed out" in results["slow"].detail.lower()


def test_a_broken_address_names_its_pages_and_registry_entry(results):
    missing = results["missing"]
    assert missing.pages == ["index.html", "themes/page.html"]
    assert missing.entries == ["model-x"]


def test_a_known_flaky_host_is_reported_but_does_not_fail(results, server):
    flaky = next(r for url, r in results.items() if url.startswith("http://localhost"))
    assert flaky.status == "flaky" and "Test host that always fails" in flaky.detail
    assert "flaky" not in external_links.FAILING


def test_the_report_is_readable(results):
    text = external_links.report(list(results.values()))
    assert "## Broken (the server answered with an error)" in text
    assert "registry entry: model-x" in text
    assert "on pages: index.html, themes/page.html" in text
    assert "## Moved permanently" in text
    assert "## Failed on a host listed in us_nordic_kb/check/linkcheck/known-flaky.yml" in text
