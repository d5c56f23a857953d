"""The steps around an engine's build that do not depend on the engine: MkDocs
(build/production.py) and Zensical (build/zensical.py) both run them, and neither needs the
other installed.

- before: `make check`, so that a page it rejects never ships;
- after: the Content-Security-Policy of every page and the guard against page source in the
  output; the Atom feed of changes; the registry as JSON and CSV; the swap that replaces the
  last good site only when everything succeeded.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import cast

from bs4 import BeautifulSoup

from us_nordic_kb.build import csp, save_offline
from us_nordic_kb.check.checks import check
from us_nordic_kb.model import history, published_files
from us_nordic_kb.model.artifacts import artifact
from us_nordic_kb.model.data_files import parse, read
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import load
from us_nordic_kb.model.sources import pages_of
from us_nordic_kb.render import exports, feed, markup
from us_nordic_kb.render.sandbox import MACRO_SYNTAX

FEED = history.FEED
CHANGELOG = markup.CHANGELOG
# What must never reach a built page's text: macro syntax, and the front matter's keys.
LEFTOVER_MACRO = MACRO_SYNTAX
LEFTOVER_FRONT_MATTER = re.compile(r"^(description|render_macros|sources|roles|edit_source|pdf): ", re.M)


def refuse_what_check_rejects(project: Project) -> None:
    """Stop before building if `make check` finds a problem: a page it rejects never ships."""
    if problems := check(project).problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"make check found {len(problems)} problem(s): nothing was built, and the last good site stays.")


def finish(site: Path, project: Project, inline_styles: bool = False) -> None:
    """The web app manifest, every page's Content-Security-Policy, then the guards: every file of
    a known type, and no page may still hold page source."""
    save_offline.write_manifest(site, project)
    refuse_unknown_types(site)
    csp.add_policy(site, project, inline_styles=inline_styles)
    if leftovers := source_left_in(site):
        raise SystemExit("Page source reached the built site (unrendered macros, front matter):\n" + "\n".join(leftovers))


def refuse_unknown_types(site: Path) -> None:
    """Stop if a built site (or the offline copy about to be zipped) holds a file of a type we do not publish."""
    if unknown := published_files.output_problems(site):
        raise SystemExit("Files of unknown types reached the built site:\n" + "\n".join(unknown))


def source_left_in(site: Path) -> list[str]:
    """Built pages whose text still holds macro syntax or front matter outside code and outside
    the log of changes (a commit's summary is shown as written, `{{` and all: it is escaped text)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select(f"code, pre, script, style, .{CHANGELOG}"):
            element.decompose()
        text = soup.get_text("\n")
        for pattern, what in [(LEFTOVER_MACRO, "macro syntax"), (LEFTOVER_FRONT_MATTER, "front matter")]:
            if match := pattern.search(text):
                found.append(f"{page.relative_to(site)}: {what} in the page text: {match.group(0).strip()[:60]!r}")
    return found


def write_json(project: Project, out: Path) -> None:
    """The registry's data as JSON, into `out`."""
    name = project.display(project.registry_file)
    load(project.registry_file, project.docs_dir, name=name)  # stops with every problem if the file is wrong
    data, _ = parse(read(project.registry_file, name), name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(exports.to_json(cast(dict, data)), encoding="utf-8")  # a mapping: load() checked it


def write_csv(project: Project, out: Path) -> None:
    """The registry, one row per entry, as CSV, into `out`."""
    registry = load(project.registry_file, project.docs_dir, name=project.display(project.registry_file))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(exports.to_csv(registry), encoding="utf-8")


def write_data(project: Project, downloads: Path) -> None:
    """The registry as JSON and CSV into `downloads` (the Zensical build, which makes no other artifact)."""
    write_json(project, downloads / artifact("registry-json").file)
    write_csv(project, downloads / artifact("registry-csv").file)


def write_feed(project: Project, out: Path) -> None:
    """The Atom feed of the site's changes, from one git call over the history of docs/, naming the
    pages each touched by their titles."""
    out.parent.mkdir(parents=True, exist_ok=True)
    changes = feed.atom_feed(history.commits(project.root), project.site_name, project.site_url, FEED, pages_of(project.docs_dir))
    out.write_text(changes, encoding="utf-8")


def swap(new: Path, site_dir: Path) -> None:
    """Put `new` in place of `site_dir`, removing the old copy only after the move."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
