"""Contributed text is untrusted input (SECURITY.md, "Threat model"): each way a page, a data file
or a commit message could run code at build time, read what lies outside the repository or run
script in a reader's browser is refused by `make check` with file:line, or comes out inert.

The numbered cases are those of issue 22; each test names the case it holds."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support import PROJECT, build_here, git, small_project
from us_nordic_kb.build import csp

# The hostile strings every output is fed: markup that would run, a formula, template syntax
# that a second pass would run, and the characters each format treats specially.
HOSTILE = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> " \' & =HYPERLINK("x") } { \\ % #'
CHECKED = "<img src=x onerror=alert(1)>"  # what a page's raw HTML may not hold


def append(page: Path, text: str, macros: bool = False) -> None:
    source = page.read_text(encoding="utf-8")
    if macros and "render_macros: true" not in source:
        source = source.replace("\n---\n", "\nrender_macros: true\n---\n", 1)
    page.write_text(source + "\n" + text + "\n", encoding="utf-8")


def plain_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `out`, as a contributor may run it (no make check first)."""
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project, capture_output=True, text=True
    )


def test_case_1_and_2_a_plain_mkdocs_build_refuses_them_too(tmp_path):
    """Not only `make build` (which runs make check first): MkDocs run directly stops, naming the file."""
    project = small_project(tmp_path / "small")
    append(project / "docs/about.md", "{{ ref.__globals__ }}", macros=True)
    result = plain_build(project, tmp_path / "out")
    assert result.returncode != 0 and "docs/about.md:" in result.stdout + result.stderr
    project = small_project(tmp_path / "small2")
    (project / "docs/env.txt").symlink_to("/proc/self/environ")
    result = plain_build(project, tmp_path / "out2")
    assert result.returncode != 0 and "docs/env.txt:1: symbolic link" in result.stdout + result.stderr
    assert not (tmp_path / "out2/env.txt").exists()


def test_case_5_a_title_is_escaped_in_every_place_the_templates_put_it(tmp_path):
    """Behind the check: a plain MkDocs build of a page whose title (its heading, which the nav
    names it by) holds encoded markup and BibTeX braces keeps it text in <title>, Open Graph,
    JSON-LD and the four citations. (A title in the front matter stops the build:
    tests/test_what_ships.py.)"""
    project = small_project(tmp_path / "small")
    theme = project / "docs/themes/a.md"
    hostile = "Theme A &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; }{"
    theme.write_text(theme.read_text(encoding="utf-8").replace("# Theme A", f"# {hostile}"), encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    result = plain_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-2000:]
    html = (tmp_path / "out/themes/a/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert "<script>alert(3)" not in html
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert "</" not in script.get_text() and "alert(3)" in json.loads(script.get_text())["headline"]
        else:
            assert "alert(3)" not in script.get_text()
    shown = "Theme A </title><script>alert(3)</script> }{"
    assert soup.title is not None and soup.title.get_text().startswith(shown)
    assert soup.select_one('meta[property="og:title"]')["content"] == shown
    citations = [code.get_text() for code in soup.select(".cite-text code")]
    assert f"title = {{{shown.replace('}', chr(92) + '}').replace('{', chr(92) + '{')}}}" in citations[2]
    assert f"TI  - {shown}\n" in citations[3]


# Every output, built: hostile registry text, an encoded script in a title, a hostile commit message.
def test_hostile_strings_come_out_inert_in_every_output(tmp_path):
    project = small_project(tmp_path / "small")
    registry = project / "docs/resources/registry.yml"
    text = registry.read_text(encoding="utf-8")
    for plain in ["A model.", "A ministry", "Model X", "The first theme."]:
        text = text.replace(plain, json.dumps(plain + " " + HOSTILE), 1)
    for plain in ["Helsinki, Finland", "people from the fixtures"]:  # in a sentence of the notice: short, to keep it readable
        text = text.replace(plain, json.dumps(CHECKED), 1)
    registry.write_text(text, encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Fix </title><script>alert(4)</script> & ]]> =SUM(1)")
    site = tmp_path / "site"
    result = build_here(project, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    allowed = csp.theme_scripts(csp.template_folders(PROJECT))
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert csp.unknown_scripts(html, allowed) == [], page
        soup = BeautifulSoup(html, "html.parser")
        assert not [t for t in soup.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)], page
        assert not soup.select('img[src="x"]'), page
        for data in soup.select('script[type="application/ld+json"]'):
            assert "</script" not in data.get_text().lower()
            json.loads(data.get_text())
    ET.fromstring((site / "changes/feed.xml").read_text(encoding="utf-8"))  # noqa: S314 - our own feed; well-formed only if the message is escaped
    rows = list(csv.DictReader(io.StringIO((site / "downloads/registry.csv").read_text(encoding="utf-8"))))
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert json.loads((site / "downloads/registry.json").read_text(encoding="utf-8"))["workshop"]["place"].endswith(CHECKED)
