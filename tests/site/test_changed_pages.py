"""The preview of a pull request on two real builds (github/changed_pages.py; the comparison
itself: tests/unit/test_changed_pages.py)."""

from __future__ import annotations

import shutil

from tests.support import build_here, small_project
from us_nordic_kb.github import changed_pages


def test_two_real_builds_differ_by_the_pages_whose_text_changed(tmp_path):
    """Two builds of the fixture project: one page edited, one added to the nav, at different times."""
    base, head = small_project(tmp_path / "base"), small_project(tmp_path / "head")
    page = head / "docs/themes/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("A page.", "A page, now longer."), encoding="utf-8")
    shutil.copy2(head / "docs/about.md", head / "docs/more.md")
    text = (head / "docs/more.md").read_text(encoding="utf-8")
    (head / "docs/more.md").write_text(text.replace("\n# ", "\n# More about it\n\nSee also\n\n## ", 1), encoding="utf-8")
    config = head / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - More: more.md\n", encoding="utf-8")
    for project in (base, head):
        result = build_here(project, downloads=False)
        assert result.returncode == 0, result.stderr[-3000:]
    changes = changed_pages.compare(base / "site", head / "site")
    assert [p.address for p in changes.changed] == ["themes/a/"]
    assert [(p.address, p.title) for p in changes.added] == [("more/", "More about it")] and changes.removed == []
