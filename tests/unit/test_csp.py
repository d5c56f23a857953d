"""The Content-Security-Policy step of the build (build/csp.py)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from tests.support import PROJECT
from us_nordic_kb.build import csp

THEME = csp.theme_scripts(csp.template_folders(PROJECT))
# Material's first inline script as a page carries it, with the page's base URL filled in.
MATERIAL_BASE = (csp.template_folders(PROJECT)[0] / "partials/javascripts/base.html").read_text(encoding="utf-8")
SCOPE = re.sub(r"\{\{.*?\}\}", "../..", MATERIAL_BASE.split("<script>")[1].split("</script>")[0])


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_hashed():
    html = (
        '<script>a()</script><script src="x.js"></script><script type="application/ld+json">{"a": 1}</script>'
        '<script id="__config" type="application/json">{}</script><script>b()</script><script>a()</script>'
    )
    allowed = [re.compile(re.escape("a()")), re.compile(re.escape("b()"))]
    assert csp.inline_hashes(html, allowed) == [sha("a()"), sha("b()")]


def test_the_theme_scripts_are_known_from_the_theme_templates_before_any_page_is_read():
    assert csp.template_folders(PROJECT)[0].parent.name == "material" and len(THEME) >= 6
    assert csp.unknown_scripts(f"<script>{SCOPE}</script>", THEME) == []
    assert csp.unknown_scripts(f"<script>{SCOPE.replace('../..', '/other/')}</script>", THEME) == []  # any base URL
    for planted in ["alert(1)", SCOPE.replace("../..", '",alert(1),"'), SCOPE + ";alert(1)", "__md_scope=1"]:
        assert csp.unknown_scripts(f"<script>{planted}</script>", THEME) == [planted], planted
        assert csp.inline_hashes(f"<script>{planted}</script>", THEME) == []  # no hash: blocked


def test_a_page_with_a_script_no_theme_ships_stops_the_build_or_gets_no_hash(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(f"<html><head></head><body><script>{SCOPE}</script><article><script>steal()</script></article></body></html>")
    with pytest.raises(SystemExit, match="index.html: an inline script that no theme ships"):
        csp.add_policy(tmp_path, PROJECT)
    csp.add_policy(tmp_path, PROJECT, refuse_unknown=False)
    content = page.read_text().split('content="')[1].split('"')[0]
    assert sha(SCOPE) in content and sha("steal()") not in content


def test_the_policy_allows_the_site_itself_and_the_hashed_scripts_only(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(f"<html><head><title>t</title><script>{SCOPE}</script></head><body></body></html>")
    assert csp.add_policy(tmp_path, PROJECT) == 1
    html = (tmp_path / "a/index.html").read_text()
    content = html.split('content="')[1].split('"')[0]
    directives = dict(d.split(" ", 1) for d in content.split("; "))
    assert directives["default-src"] == "'self'" and directives["script-src"] == f"'self' {sha(SCOPE)}"
    assert directives["style-src"] == "'self'" and directives["object-src"] == "'none'"
    # Save for offline adds nothing but its own service worker and web app manifest.
    assert directives["worker-src"] == "'self'" and directives["manifest-src"] == "'self'"
    assert set(directives) == {
        "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
        "manifest-src", "frame-src", "object-src", "base-uri", "form-action",
    }  # fmt: skip
    assert all("http" not in sources for sources in directives.values())  # no other host
    assert html.index("Content-Security-Policy") < html.index("<script>")  # before anything it governs


def test_the_offline_policy_allows_file_and_the_search_worker(tmp_path):
    (tmp_path / "index.html").write_text("<html><head></head><body></body></html>")
    csp.add_policy(tmp_path, PROJECT, offline=True)
    content = (tmp_path / "index.html").read_text().split('content="')[1].split('"')[0]
    assert "script-src file:" in content and "worker-src file: blob:" in content and "'self'" not in content.split("base-uri")[0]


def test_inline_styles_are_allowed_only_when_asked_and_never_inline_scripts():
    strict, lenient = csp.policy([], offline=False), csp.policy([], offline=False, inline_styles=True)
    assert "style-src 'self';" in strict + ";" and "unsafe-inline" not in strict
    styles = dict(d.split(" ", 1) for d in lenient.split("; "))
    assert styles["style-src"] == "'self' 'unsafe-inline'" and "unsafe-inline" not in styles["script-src"]
