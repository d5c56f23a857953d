"""The Changes page: every change to the site's files, month by month, from the git history."""

from __future__ import annotations

from us_nordic_kb.model import history
from us_nordic_kb.render.markup import CHANGELOG, escape, link


def changes(groups, page_for: dict[str, tuple[str, str]], from_page: str) -> str:
    """The Changes page's log: month by month, each change with its date, summary, the pages it
    touched and the other files. `page_for` maps a file under docs/ to (the page showing it, its
    title); files no page shows (a stylesheet, a script) are named as they are."""
    if not groups:
        return "No history is available: this copy was built outside its git repository.\n"
    lines = [f'<div class="{CHANGELOG}" markdown>', ""]
    for month, commits in groups:
        lines += [f"## {month}", ""]
        for commit in commits:
            touched = history.touched(commit, page_for)
            shown = [link(name, page, from_page) for page, name in touched if page]
            files = [f"<code>{escape(name)}</code>" for page, name in touched if not page]
            lines.append(
                f'- <span id="change-{commit.sha[:10]}"></span>**{commit.when.day} {commit.when:%B %Y}**: '
                f"{escape(_sentence(commit.summary))} {history.described(shown, files)}".rstrip()
            )
        lines.append("")
    return "\n".join(lines + ["</div>", ""])


def _sentence(text: str) -> str:
    """`text` ending as a sentence does, so that what follows it does not run on from it."""
    return text if text.endswith((".", "!", "?")) else text + "."
