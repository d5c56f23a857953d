"""The differential corpus (tests/data/hostile-html.yml): parser-differential and mutation-XSS
payloads, each in a page of its own, through `make check`, the build and Chromium, and into the
whole-site PDF. What ships is what the sanitiser produced, so for every payload: make check
names its line, and the built page runs no script, goes nowhere, asks nothing of another host,
and the PDF embeds no file and fetches nothing.

The build here is `mkdocs build` itself, without `make check` before it and without the
Content-Security-Policy after it: the sanitiser stands alone."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.support import ROOT, embedded_files, guard, problem_lines, run_check, small_project
from us_nordic_kb.build import pdf as build_pdf
from us_nordic_kb.check.serve import serve
from us_nordic_kb.model import project as project_model

CORPUS = yaml.safe_load((ROOT / "tests/data/hostile-html.yml").read_text(encoding="utf-8"))
# The smallest PNG there is: one transparent pixel. The payloads' own pages use it as their image.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


class _Log(http.server.BaseHTTPRequestHandler):
    """Records every request it gets: none may come."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the base class's name
        self.seen.append(self.path)
        self.send_response(204)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="module")
def log_server():
    """A server on 127.0.0.1 that the payloads aim at; the list of what reached it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Log)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Log.seen
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, log_server):
    """The small fixture project with one page per payload, and its site and offline copy built
    by MkDocs alone."""
    log, _ = log_server
    project = small_project(tmp_path_factory.mktemp("corpus") / "project")
    (project / "docs/corpus").mkdir()
    (project / "docs/corpus/pic.png").write_bytes(PIXEL)
    for item in CORPUS:
        body = item["html"].replace("{LOG}", log)
        front = "---\ndescription: A page that holds one payload of the differential corpus, to test the build.\n---\n"
        text = f"{front}\n# {item['name']}\n\nThe text before it.\n\n{body}\n\nThe text after it.\n"
        (project / f"docs/corpus/{item['name']}.md").write_text(text, encoding="utf-8")
    built = {}
    for config, name in [("mkdocs.yml", "site"), ("mkdocs.offline.yml", "offline")]:
        built[name] = project / name
        subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--no-strict", "-f", config, "-d", str(built[name])],
            cwd=project,
            check=True,
            capture_output=True,
        )
    return project, built


def test_make_check_names_the_line_of_every_payload(corpus):
    project, _ = corpus
    problems = problem_lines(run_check(project / "docs"))
    for item in CORPUS:
        page = f"docs/corpus/{item['name']}.md"
        found = [p for p in problems if page in p]
        if item.get("refused", True):
            lines = range(9, 9 + item["html"].count("\n") + 1)  # the payload starts on line 9 of its page
            assert any(f"{item['name']}.md:{n}: " in p for p in found for n in lines), (item["name"], found)
        else:
            assert found == [], (item["name"], found)


def test_no_payload_runs_navigates_or_fetches_in_chromium(corpus, browser, log_server):
    _, built = corpus
    _, reached = log_server
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(built["site"]) as base:
        guard(page, base)
        for item in CORPUS:
            address = f"{base}corpus/{item['name']}/"
            page.goto(address, wait_until="load")
            page.wait_for_timeout(150)
            assert page.url == address, (item["name"], page.url)
            assert item["name"] in page.locator("article h1").inner_text(), item["name"]
            assert page.foreign_requests == [], (item["name"], page.foreign_requests)
    context.close()
    assert dialogs == [] and reached == []


def test_the_pdf_of_every_payload_page_embeds_nothing_and_fetches_nothing(corpus, log_server, tmp_path):
    """A PDF of each page on its own: a payload that swallows what follows it (an unclosed
    `<textarea>`) must not hide the next one."""
    project, built = corpus
    _, reached = log_server
    config = project_model.load(project / project_model.CONFIG)
    for item in CORPUS:
        out = build_pdf.render(built["offline"], config, tmp_path / f"{item['name']}.pdf", [f"corpus/{item['name']}.md"])
        assert embedded_files(out) == [], item["name"]
        assert "The text before it." in "".join(page.extract_text() for page in PdfReader(out).pages), item["name"]
    assert reached == []


# What no built page of the corpus may hold in its article, in the site or in the offline copy.
FORBIDDEN_ELEMENTS = "script, meta, link, base, style, iframe, object, embed, form, input, template, noscript, math"
FORBIDDEN_ELEMENTS += ", video, audio, picture, source, textarea, select"


@pytest.mark.parametrize("copy", ["site", "offline"])
def test_every_payload_page_ships_as_the_sanitiser_wrote_it(corpus, log_server, copy):
    _, built = corpus
    log, _ = log_server
    for item in CORPUS:
        file = built[copy] / (f"corpus/{item['name']}/index.html" if copy == "site" else f"corpus/{item['name']}.html")
        article = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one("article")
        for chrome in article.select(".md-content__button, aside") if article else []:
            chrome.decompose()  # the theme's edit link and our page tools: the template's, not the page's
        assert article is not None and "The text before it." in article.text, item["name"]  # (broken markup may eat the rest)
        assert article.select(FORBIDDEN_ELEMENTS) == [], (item["name"], article.select(FORBIDDEN_ELEMENTS))
        for element in article.find_all(True):
            handlers = [name for name in element.attrs if name.startswith("on") or name in ("style", "srcset", "ping", "rel")]
            assert handlers == [], (item["name"], element.name, handlers)
            for name in ("href", "src"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:", "file:", "vbscript:")), (item["name"], value)
            assert not str(element.get("src", "")).startswith(log), (item["name"], element)
