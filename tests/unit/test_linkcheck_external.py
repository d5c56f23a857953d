"""The external link checker against a local server that misbehaves in every usual way."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

from tests.support import FIXTURES, ROOT, SCHEMA
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


def serving():
    """The misbehaving server on 127.0.0.1, while the generator runs: its address and its port."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server():
    yield from serving()


def test_a_flaky_host_without_a_reason_is_refused(tmp_path):
    flaky = tmp_path / "flaky.yml"
    flaky.write_text("hosts:\n  - host: example.org\n")
    with pytest.raises(SystemExit, match="expected 'host:' and 'reason:'"):
        external_links.load_flaky(flaky)


def test_the_reviewed_flaky_list_is_valid():
    assert isinstance(external_links.load_flaky(), dict)


def test_registry_urls_maps_each_address_to_its_entries():
    urls = external_links.registry_urls(FIXTURES / "registry/valid.yml", FIXTURES / "docs", SCHEMA)
    assert urls == {"https://example.org/x": ["model-x"]}
    real = external_links.registry_urls(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    assert real["https://ankkuritoiminta.fi/en"] == ["anchor-model"]


def test_a_redirect_warning_inherited_from_the_cache_is_not_a_redirect():
    row = {
        "urlname": "https://example.org/ok",
        "result": "200 OK",
        "valid": "True",
        "warningstring": "Redirected to `https://example.org/ok' status: 301 Moved Permanently.",
    }
    assert external_links.classify(row).status == "ok"
    row["urlname"] = "https://example.org/old"
    assert external_links.classify(row).status == "moved"
