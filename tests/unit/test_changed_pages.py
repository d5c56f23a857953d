"""The preview of a pull request lists the pages whose text it changes (github/changed_pages.py):
two built sites compared page by page, dates and page tools left out, titles escaped."""

from __future__ import annotations

from pathlib import Path

from us_nordic_kb.github import changed_pages

PAGE = """<!doctype html><html><head><title>{title} - KB</title></head><body>
<article class="md-content__inner md-typeset">
<a class="md-content__button md-icon" href="https://example.org/edit/{name}">Edit</a>
<h1>{title}<a class="headerlink" href="#">¶</a></h1>
<p>{text}</p>
<aside class="md-source-file page-dates">Last updated: <time>{date}</time></aside>
<aside class="page-tools">Cite this page ({date})</aside>
</article></body></html>"""


def site(root: Path, pages: dict[str, tuple[str, str]], date: str = "1 May 2026") -> Path:
    """A hand-made built site: path -> (title, text)."""
    for path, (title, text) in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(PAGE.format(title=title, text=text, date=date, name=path), encoding="utf-8")
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets/search.html").write_text("<html><body>No article here</body></html>", encoding="utf-8")
    return root


BASE = {
    "index.html": ("Home", "Welcome."),
    "themes/a/index.html": ("Theme A", "Old text."),
    "themes/b/index.html": ("Theme B", "Same text."),
    "gone/index.html": ("Gone page", "Bye."),
}


def test_changed_added_and_removed_pages_are_listed_and_dates_are_left_out(tmp_path):
    head = dict(BASE)
    head["themes/a/index.html"] = ("Theme A", "New text.")
    head["themes/c/index.html"] = ("Theme C", "Hello.")
    del head["gone/index.html"]
    changes = changed_pages.compare(site(tmp_path / "base", BASE), site(tmp_path / "head", head, date="2 June 2026"))
    assert [p.address for p in changes.changed] == ["themes/a/"]  # the dates of every page changed: not text
    assert [p.address for p in changes.added] == ["themes/c/"] and [p.title for p in changes.removed] == ["Gone page"]
    assert changed_pages.summary(changes) == (
        "## Pages whose text this pull request changes\n\n"
        "**Changed** (1)\n\n- Theme A: /themes/a/\n\n"
        "**Added** (1)\n\n- Theme C: /themes/c/\n\n"
        "**Removed** (1)\n\n- Gone page: /gone/\n"
    )


def test_a_pull_request_that_changes_no_text_says_so(tmp_path):
    changes = changed_pages.compare(site(tmp_path / "base", BASE), site(tmp_path / "head", BASE, date="3 July 2026"))
    assert changed_pages.summary(changes).endswith("No page's text changed (dates, citations and page tools are left out).\n")


def test_titles_are_escaped_for_the_summary(tmp_path):
    hostile = "&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) **b** `c`"  # as the HTML holds it
    head = {**BASE, "themes/b/index.html": (hostile, "Changed.")}
    summary = changed_pages.summary(changed_pages.compare(site(tmp_path / "base", BASE), site(tmp_path / "head", head)))
    escaped = "&lt;img src=x onerror=alert\\(1\\)&gt; \\[x\\]\\(javascript:alert\\(1\\)\\) \\*\\*b\\*\\* \\`c\\`"
    assert f"- {escaped}: /themes/b/" in summary
    assert "<img" not in summary


def test_the_command_prints_the_summary(tmp_path, capsys):
    head = {**BASE, "index.html": ("Home", "Welcome back.")}
    assert changed_pages.main([str(site(tmp_path / "base", BASE)), str(site(tmp_path / "head", head))]) == 0
    assert "**Changed** (1)\n\n- Home: /\n" in capsys.readouterr().out
