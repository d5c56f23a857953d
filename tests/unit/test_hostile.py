"""Contributed text is untrusted input (SECURITY.md, "Threat model"): each way a page, a data file
or a commit message could run code at build time, read what lies outside the repository or run
script in a reader's browser is refused by `make check` with file:line, or comes out inert.

The numbered cases are those of issue 22; each test names the case it holds."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from bs4 import BeautifulSoup
from mkdocs_macros.plugin import MacrosPlugin

import us_nordic_kb.engines.mkdocs_macros as macros
from tests.support import CONFIG, FIXTURES, PROJECT, ROOT, SCHEMA, problem_lines, run_check, small_project
from us_nordic_kb.check import rendered as page_text
from us_nordic_kb.engines import page_work
from us_nordic_kb.model.data_files import DataFileError
from us_nordic_kb.model.registry import load
from us_nordic_kb.model.sources import load_sources
from us_nordic_kb.render import exports, sandbox

# The hostile strings every output is fed: markup that would run, a formula, template syntax
# that a second pass would run, and the characters each format treats specially.
HOSTILE = '<img src=x onerror=alert(1)> </script><script>alert(2)</script> " \' & =HYPERLINK("x") } { \\ % #'
CHECKED = "<img src=x onerror=alert(1)>"  # what a page's raw HTML may not hold


@pytest.fixture
def docs(tmp_path) -> Path:
    """A private copy of the fixture site's docs folder."""
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", copy)
    return copy


def append(page: Path, text: str, macros: bool = False) -> None:
    source = page.read_text(encoding="utf-8")
    if macros and "render_macros: true" not in source:
        source = source.replace("\n---\n", "\nrender_macros: true\n---\n", 1)
    page.write_text(source + "\n" + text + "\n", encoding="utf-8")


def line_of(page: Path, text: str) -> int:
    return next(n for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def problems_of(docs: Path) -> list[str]:
    result = run_check(docs)
    assert result.returncode == 1
    return problem_lines(result)


# Case 1: a page reaching Python, the environment or files through its template.
@pytest.mark.parametrize(
    "template",
    [
        "{% if config is defined %}{{ config.__class__.__init__.__globals__.os.environ }}{% endif %}",
        "{{ ref.__globals__ }}",
        "{{ related.__class__ }}",
        "{% include 'registry.yml' %}",
        "{% import 'x' as y %}",
        "{{ site_url | attr('__class__') }}",
        "{% for x in range(3) %}x{% endfor %}",
        "{% raw %}{{ 7 * 7 }}{% endraw %}",
        "{{ ref(site_url) }}",
        "{{ lipsum() }}",
    ],
)
def test_case_1_a_template_can_only_call_the_site_macros_with_plain_values(docs, template):
    page = docs / "about.md"
    append(page, f"Text {template} end.", macros=True)
    found = problems_of(docs)
    assert found and all(f"about.md:{line_of(page, template)}: " in p for p in found), found


def test_case_1_the_sandbox_itself_refuses_python_and_files_behind_the_check():
    macros = {"ref": lambda item, text=None: "R"}
    conf = dataclasses.replace(PROJECT, site_url="https://example.org/")
    assert sandbox.render("{{ site_url }} {{ ref('a') }}", macros, conf) == "https://example.org/ R"
    for template in ["{{ ref.__globals__ }}", "{{ ''.__class__.__mro__ }}"]:
        with pytest.raises(jinja2.exceptions.SecurityError):
            sandbox.render(template, macros, conf)
    with pytest.raises(TypeError, match="no loader"):
        sandbox.render("{% include 'mkdocs.yml' %}", macros, conf)
    with pytest.raises(jinja2.exceptions.UndefinedError):
        sandbox.render("{{ config }}", macros, conf)
    with pytest.raises(sandbox.TemplateLeft, match="line 1"):
        sandbox.render("{% raw %}{{ config }}{% endraw %}", macros, conf)


def test_case_1_mkdocs_macros_leaves_a_page_our_sandbox_has_rendered(monkeypatch, tmp_path):
    """The hook renders a page (with the line its text starts on, for messages), then marks it so
    that mkdocs-macros, which reads the mark next, passes the page through without compiling it."""
    source = tmp_path / "p.md"
    source.write_text("---\nrender_macros: true\n---\n\n# P\n", encoding="utf-8")
    page = SimpleNamespace(
        meta={"render_macros": True}, file=SimpleNamespace(abs_src_path=str(source), src_uri="p.md", src_path="p.md")
    )
    env = SimpleNamespace(page=page, markdown="# P\n", variables={"kb": dict.fromkeys(["project", "macros", "sources"])}, conf={})
    monkeypatch.setattr(page_work, "check_front_matter", lambda *_: None)
    monkeypatch.setattr(page_work, "rendered", lambda body, first_line, *_: f"line {first_line}: {body}")
    macros.on_pre_page_macros(env)
    assert env.markdown == "line 5: # P\n" and page.meta["render_macros"] is False
    plugin = MacrosPlugin()
    plugin._variables, plugin._page = {"page": page}, page
    assert plugin.render("{{ 1 / 0 }}", force_rendering=True) == "{{ 1 / 0 }}"


# Case 2: symbolic links and snippets reaching outside.
def test_case_2_a_symbolic_link_under_docs_is_refused_and_nothing_of_its_target_is_shown(docs):
    (docs / "assets").mkdir()
    (docs / "assets/env.txt").symlink_to("/proc/self/environ")
    (docs / "linked").symlink_to(ROOT / "macros")
    result = run_check(docs)
    assert result.returncode == 1
    assert "docs/assets/env.txt:1: symbolic link: not allowed under docs/" in result.stdout
    assert "docs/linked:1: symbolic link" in result.stdout
    assert "PATH=" not in result.stdout


@pytest.mark.parametrize("snippet", ["../mkdocs.yml", "/etc/passwd", "../../.git/config"])
def test_case_2_snippets_come_only_from_the_includes_folder(docs, snippet):
    page = docs / "about.md"
    append(page, f'--8<-- "{snippet}"')
    found = problems_of(docs)
    assert any("about.md:" in p and "could not be found" in p for p in found), found


# Case 3 and the raw-HTML policy: what a page's own HTML may hold.
@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        CHECKED,
        "<iframe src='https://example.org/'></iframe>",
        "<object data='x'></object>",
        "<svg onload=alert(1)></svg>",
        "<a href='javascript:alert(1)'>x</a>",
        "<a href='java&#x09;script:alert(1)'>x</a>",
        "[x](javascript:alert(1))",
        "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
        "![x](https://tracker.example.org/pixel.png)",
        'A paragraph.\n{ onclick="alert(1)" }',
        "<p style='background:url(https://example.org/)'>x</p>",
        "<form action='https://example.org/'><input name=q></form>",
        "<style>body{display:none}</style>",
    ],
)
def test_case_3_raw_html_outside_the_allow_list_is_refused_with_its_line(docs, html):
    page = docs / "about.md"
    append(page, html)
    found = problems_of(docs)
    assert any(f"about.md:{line_of(page, html.splitlines()[-1])}: " in p for p in found), found


def test_case_3_plain_markdown_links_and_images_pass(docs):
    (docs / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    append(docs / "about.md", "See [the site](https://example.org/), <abbr title='x'>X</abbr> and ![a picture](pic.png).")
    assert run_check(docs).returncode == 0


# Cases 4 and 5: registry text and page titles in every output.
def test_case_4_every_registry_text_is_inert_where_the_pages_show_it(docs):
    registry = docs / "resources/registry.yml"
    text = registry.read_text(encoding="utf-8")
    for plain in ["Helsinki, Finland", "people from the fixtures", "A model.", "A ministry", "Theme A", "The first theme."]:
        text = text.replace(plain, json.dumps(plain + " " + HOSTILE), 1)
    registry.write_text(text, encoding="utf-8")
    sources = load_sources(docs, schema=SCHEMA)
    renderer = page_text.Renderer(sources, PROJECT)
    for page in ["themes/a.md", "resources/index.md", "next-steps/b.md", "index.md"]:
        html = renderer.render(page, (docs / page).read_text(encoding="utf-8")).html
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all("img"), page
        assert all(tag.get("src") or tag.get("type") == "application/ld+json" for tag in soup.find_all("script")), page
        assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)], page
        if page == "themes/a.md":
            assert "Helsinki, Finland &lt;img src=x onerror=alert(1)&gt;" in html


def test_case_5_the_citation_escapes_keep_a_title_inside_its_field():
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=False)  # noqa: S701 - renders BibTeX and RIS, not HTML
    template = templates.from_string('{% from "partials/escape.html" import bibtex, ris %}[{{ bibtex(t) }}]|[{{ ris(t) }}]')
    bib, ris = template.render(t="A}, note={x} \\input{/etc/passwd} 50% & #1 $\nTY  - JOUR").split("|")
    assert bib == "[A\\}, note=\\{x\\} \\textbackslash input\\{/etc/passwd\\} 50\\% \\& \\#1 \\$\nTY  - JOUR]"
    assert "\n" not in ris and ris.startswith("[A}, note={x}")


# Case 6: formulas in the CSV.
def test_case_6_csv_cells_never_start_a_formula_and_read_back_unchanged():
    registry = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    entry = next(iter(registry.entries.values()))
    hostile = [
        entry.__class__(**{**vars(entry), "name": name})
        for name in ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tx", "'quoted", "Plain"]
    ]
    text = exports.to_csv(registry.__class__(registry.workshop, registry.topics, {f"e{i}": e for i, e in enumerate(hostile)}))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"][0] for r in rows] == ["'"] * 6 + ["P"]
    for cells in rows:
        assert not any(str(value).startswith(("=", "+", "-", "@", "\t", "\r")) for value in cells.values())
    assert [exports.from_row(r).name for r in rows] == [e.name for e in hostile]


# Cases 7 and 8: data files that would exhaust the build or leak another file.
def test_case_7_a_billion_laughs_registry_is_refused_at_once(docs):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (docs / "resources/registry.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = run_check(docs)
    assert time.monotonic() - started < 30
    assert (
        "docs/resources/registry.yml:1: YAML anchor or alias: anchors (&name) and aliases (*name) are not allowed"
        in result.stdout
    )


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"workshop:\n  title: A \xff\n", 2, "byte 0xff is not UTF-8"),
        (b"workshop:\n  title: A \x1b[31m\n", 2, "holds the control character U+001B"),
        (b"x: 1\nworkshop:\n  title: '{{ 7 * 7 }}'\n", 3, "holds '{{', template syntax"),
        (b"x: 1\nworkshop:\n  title: '{% raw %}'\n", 3, "holds '{%', template syntax"),
    ],
)
def test_case_8_bad_bytes_and_template_syntax_in_data_name_the_line(docs, content, line, message):
    (docs / "resources/registry.yml").write_bytes(content)
    result = run_check(docs)
    assert result.returncode == 1 and f"docs/resources/registry.yml:{line}: " in result.stdout and message in result.stdout


def test_case_8_a_registry_that_links_elsewhere_is_refused_without_echoing_it(docs, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text("token: ghp_do_not_print_me\n", encoding="utf-8")
    (docs / "resources/registry.yml").unlink()
    (docs / "resources/registry.yml").symlink_to(secret)
    result = run_check(docs)
    assert result.returncode == 1 and "symbolic link" in result.stdout and "ghp_do_not_print_me" not in result.stdout
    with pytest.raises(DataFileError, match="symbolic link"):
        load(docs / "resources/registry.yml", docs)


# Case 9: make check says first what the build would refuse.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[gone](gone.md)", "the page or file 'gone.md' does not exist (docs/gone.md)"),
        ("[theme](themes/a.md#no-such-section)", "the anchor '#no-such-section' is not on docs/themes/a.md"),
        ("[here](#nowhere)", "the anchor '#nowhere' is not on docs/about.md"),
        ("![a picture](missing.png)", "the image 'missing.png' does not exist"),
        ("[root](/about/)", "is absolute"),
    ],
)
def test_case_9_links_anchors_and_images_are_followed_before_any_build(docs, text, expected):
    page = docs / "about.md"
    append(page, text)
    found = problems_of(docs)
    assert any(f"about.md:{line_of(page, text)}: " in p and expected in p for p in found), found


def test_case_9_a_page_missing_from_the_navigation_is_found(tmp_path):
    project = small_project(tmp_path / "small")
    (project / "docs/extra.md").write_text(
        "---\ndescription: A page that nobody added to the navigation of the fixture site, for this test.\n---\n\n"
        "# Extra\n\nA page.\n",
        encoding="utf-8",
    )
    result = run_check(config=project / CONFIG)
    assert result.returncode == 1 and "docs/extra.md:1: the page is not in the navigation" in result.stdout


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        (
            "# Theme A &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
            "# Theme A",
            "a page title holds markup or an HTML entity",
        ),
        ("# Theme {{ ref('model-x') }}", "# Theme", "a page title holds a macro"),
        ("title: <b>A</b>", "title:", "unknown front matter key 'title'"),  # the title is the heading alone
    ],
)
def test_case_5_a_title_with_markup_an_entity_or_a_macro_is_refused(docs, text, needle, message):
    page = docs / "themes/a.md"
    source = page.read_text(encoding="utf-8")
    page.write_text(source.replace("# Theme A", text) if text.startswith("#") else source.replace("---\n", f"---\n{text}\n", 1))
    found = problems_of(docs)
    assert any(f"a.md:{line_of(page, needle)}: {message}" in p for p in found), found


def test_edit_source_must_stay_inside_the_repository(docs):
    page = docs / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\nedit_source: ../../../../etc/passwd\n", 1))
    assert any("edit_source '../../../../etc/passwd' is not a file of the repository" in p for p in problems_of(docs))


def test_a_page_file_name_must_be_plain(docs):
    (docs / 'x"onmouseover=alert(1).md').write_text((docs / "about.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert any("page file names use a-z, 0-9 and hyphens only" in p for p in problems_of(docs))
