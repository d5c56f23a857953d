"""The external link checker against a local server that misbehaves in every usual way."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from us_nordic_kb.check.linkcheck import external as external_links


class Misbehaving(http.server.BaseHTTPRequestHandler):
    """200, 301, 302, 404, 410, 500, a response slower than the timeout, and an anchored page."""

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body=True):
        routes = {
            "/ok": (200, b"<html><body><h1 id='section'>Good page</h1></body></html>", {}),
            "/moved": (301, b"", {"Location": "/ok"}),
            "/temporary": (302, b"", {"Location": "/ok"}),
            "/missing": (404, b"not found", {}),
            "/gone": (410, b"gone", {}),
            "/error": (500, b"error", {}),
        }
        if self.path == "/slow":
            time.sleep(3)
        code, text, headers = routes.get(self.path, (200, b"<html>late</html>", {}))
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(text)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(text)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


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
