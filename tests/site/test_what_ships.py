"""Safe by construction, the cases that need a built site or a copy of the project (the rest, and
the threat model's cases: tests/unit/test_what_ships.py)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FIXTURES, problem_lines, run_check
from us_nordic_kb.build import pdf as build_pdf
from us_nordic_kb.model import project as project_model


@pytest.fixture
def docs(tmp_path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", copy)
    return copy


def test_case_2_a_page_that_asks_the_pdf_for_a_file_elsewhere_stops_it_with_a_message(small, tmp_path):
    """The build never gets here: make check refuses an image that is not under docs/. Built
    without it, the sanitiser keeps a relative address, and the PDF's fetcher is the wall."""
    page = small / "docs/about.md"
    climb = "../" * 40 + "etc/passwd"
    page.write_text(page.read_text(encoding="utf-8") + f"\n![x]({climb})\n", encoding="utf-8")
    offline = tmp_path / "offline"
    subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "-q", "--no-strict", "-f", "mkdocs.offline.yml", "-d", str(offline)],
        cwd=small,
        check=True,
        capture_output=True,
    )
    assert climb in (offline / "about.html").read_text(encoding="utf-8")
    config = project_model.load(small / project_model.CONFIG)
    with pytest.raises(SystemExit, match=r"about\.pdf: a page asks for file:///etc/passwd, which is not a file of the built"):
        build_pdf.render(offline, config, tmp_path / "about.pdf", ["about.md"])
    assert not (tmp_path / "about.pdf").exists()


def test_case_3_a_reviewed_file_that_changed_is_refused_until_its_hash_is_reviewed(small):
    docs = small / "docs"
    (docs / "tool.js").write_text("console.log(1)\n", encoding="utf-8")
    digest = hashlib.sha256(b"console.log(1)\n").hexdigest()
    (small / "reviewed-files.yml").write_text(f"tool.js: {digest}\n", encoding="utf-8")
    assert run_mkdocs(small).returncode == 0
    (docs / "tool.js").write_text("fetch('https://elsewhere.example/')\n", encoding="utf-8")
    result = run_mkdocs(small)
    assert result.returncode != 0
    assert "docs/tool.js:1: differs from the copy reviewed in reviewed-files.yml:1" in result.stderr


def test_case_3_mkdocs_itself_refuses_an_unknown_file(small):
    (small / "docs/evil.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    result = run_mkdocs(small)
    assert result.returncode != 0 and "docs/evil.svg:1: .svg files run or render" in result.stderr


def run_mkdocs(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")], cwd=project, capture_output=True, text=True
    )


# Found by the fresh hostile review: channels the templates print as they are, and what the
# sanitiser kept that could still pass for the site's own interface.
@pytest.mark.parametrize(
    ("front_matter", "says"),
    [
        ('title: ["<meta http-equiv=refresh content=0>"]', "unknown front matter key 'title'"),
        ("title: 5", "unknown front matter key 'title'"),
        ('description: ["<script src=x.json></script> and enough words to pass the length rule here"]', "front matter has no"),
        ("hide: 5", "hide must be a list of"),
        ("search: x", "search may hold only"),
        ("search: {boost: abc}", "search boost is 'abc'"),
        ("edit_source: [a]", "edit_source ['a'] is not a file of the repository"),
        ("edit_source: 'docs/x\"><script src=gadget.json></script>.yml'", "is not a file of the repository"),
        ("template: redirect.html", "unknown front matter key 'template'"),
    ],
)
def test_front_matter_the_templates_print_is_held_to_its_form(docs, small, front_matter, says):
    page = docs / "about.md"  # the key goes last, where it wins over one of the same name
    page.write_text(page.read_text(encoding="utf-8").replace("\n---\n", f"\n{front_matter}\n---\n", 1), encoding="utf-8")
    assert any(re.search(rf"about\.md:\d+: .*{re.escape(says)}", p) for p in problem_lines(run_check(docs)))
    built = small / "docs/about.md"
    built.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_mkdocs(small)  # a plain mkdocs build, without make check, refuses it too
    assert result.returncode != 0 and says in result.stderr


def test_only_the_registry_and_its_schema_are_published_as_data(built_site):
    data = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.yml")) + sorted(
        p.relative_to(built_site).as_posix() for p in built_site.rglob("*.json") if "pagefind" not in p.parts
    )
    assert [d for d in data if not d.startswith(("search/", "downloads/"))] == [
        "resources/registry.yml",
        "offline.json",  # the build's own list of what Save for offline stores, from no contributed file
        "resources/registry.schema.json",
    ]
