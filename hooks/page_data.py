"""MkDocs hook: every page's front matter held to what the templates can print (pages.py), and
the data our templates need about a page, in `page.meta` (the Zensical adapter, macros/zensical.py,
does the same with the same functions):

- `slug`: the page's id (macros/pages.py), which names its citation key and RIS file, and
  `pdf_file`, where its own PDF is published (macros/artifacts.py), if it asks for one;
- `last_updated`: the date it last changed as readers see it (its source, or a file its macros
  show), from one `git log` call
  (macros/page_dates.py), an ISO string that overrides/partials/dates.html formats. Without git
  history, or for a file with no commit yet, a page shows no date rather than a wrong one, and
  the build says so once.
Replaces mkdocs-git-revision-date-localized-plugin, which runs git once per page and cost
this site a fifth of its build time.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import pages
from macros.artifacts import page_pdf
from macros.page_dates import commit_dates, last_updated

# Not under "mkdocs": a strict build stops at MkDocs warnings, and this one must not stop it.
log = logging.getLogger("us_nordic_kb.page_data")
_dates: dict[str, str] = {}


def display(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def on_config(config):
    global _dates
    _dates = commit_dates(Path(config.config_file_path).parent)
    if not _dates:
        log.warning("No git history here: pages show no 'last updated' date (build from a git clone to show them).")
    return config


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).resolve().parent
    source = Path(page.file.abs_src_path)
    if problems := pages.front_matter_problems(pages.split(source.read_text(encoding="utf-8")), display(source, root), root):
        raise PluginError("\n".join(problems))  # the templates print some of it as it is (pages.py)
    page.meta["slug"] = pages.slug(page.file.src_uri)
    page.meta["pdf_file"] = page_pdf(page.meta["slug"])
    # mkdocs-macros (a plugin, run before hooks) has put what the page's macros show in page.meta["uses"].
    if day := last_updated(_dates, Path(config.docs_dir).name, page.file.src_uri, page.meta):
        page.meta["last_updated"] = day
    return markdown
