"""What both engines do for each page, with the same functions: MkDocs through mkdocs-macros'
page hooks (mkdocs_macros.py), Zensical through a Markdown extension (zensical.py).

1. the page's front matter held to what the templates can print (model/pages.py);
2. its macro calls checked, each problem with the line of the page file, then rendered in the
   sandbox (render/macro_calls.py, render/sandbox.py);
3. a topic page framed: its context notice and the sources of each section (render/topic_page.py);
4. its metadata for the templates (`meta`): its slug and the address of its own PDF, the report it
   is based on, what its macros need (scripts, structured data, the files it shows), and the date
   it last changed as readers see it.

Problems stop the build with the message a reader of `make check` would get, without a traceback.
"""

from __future__ import annotations

import sys

from us_nordic_kb.model import pages, published_files
from us_nordic_kb.model.artifacts import page_pdf
from us_nordic_kb.model.data_files import DataFileError
from us_nordic_kb.model.page_dates import commit_dates, last_updated
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import cache_folder
from us_nordic_kb.model.sources import Sources, load_sources
from us_nordic_kb.render import exports, macro_calls, sandbox, topic_page
from us_nordic_kb.render.page_macros import PageMacros

# The data files' state -> their sources: Zensical asks for them page by page.
_sources: dict[tuple, Sources] = {}


class BuildError(Exception):
    """A problem in the site's sources that stops the build; the message says where and what."""


def stop(message: str) -> Exception:
    """The error that stops the build with `message`: MkDocs prints a PluginError without a
    traceback; under Zensical (no MkDocs installed) a BuildError."""
    try:
        from mkdocs.exceptions import PluginError  # here, so that Zensical's build needs no MkDocs
    except ImportError:
        return BuildError(message)
    return PluginError(message)


def sources_of(project: Project) -> Sources:
    """The data files of the project, loaded again only when one of them changes; the first time,
    the files under docs/ are held to the published types. Stops naming every problem."""
    docs = project.docs_dir
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*.yml")) + sorted(docs.rglob("*.json")))
    if stamp not in _sources:
        if not _sources and (unpublishable := published_files.problems(docs, project.root)):
            raise stop("Files under docs/ that cannot be published:\n" + "\n".join(unpublishable))
        try:
            loaded = load_sources(docs, cache_folder(), project.schema_file)
        except DataFileError as error:
            raise stop(f"The resource registry or another data file is invalid:\n{error}") from None
        _sources.clear()
        _sources[stamp] = loaded
    return _sources[stamp]


def dates(project: Project) -> dict[str, str]:
    """When each file last changed, from one `git log` call; says once if there is no history."""
    found = commit_dates(project.root)
    if not found:
        print("WARNING: No git history here: pages show no 'last updated' date (build from a git clone).", file=sys.stderr)
    return found


def check_front_matter(page: str, project: Project) -> None:
    """Stop if the front matter of `page` (a path under docs/) is not what the templates can print."""
    file = project.docs_dir / page
    if problems := pages.front_matter_problems(
        pages.split(file.read_text(encoding="utf-8")), project.display(file), project.root
    ):
        raise stop("\n".join(problems))


def rendered(body: str, first_line: int, page: str, macros: PageMacros, sources: Sources, project: Project) -> str:
    """The page's Markdown `body` (which starts on `first_line` of its file) with its macros
    expanded in the sandbox, or the error naming the page file and line."""
    by_name = macros.by_name()
    roles = {role.id for role in sources.roles}
    if found := macro_calls.problems(body, first_line, page, by_name, sources.registry, roles):
        raise stop("\n".join(found))
    try:
        return sandbox.render(body, by_name, project)
    except sandbox.TemplateLeft as error:
        raise stop(f"docs/{page}: {error}") from None


def framed(markdown: str, page: str, meta: dict, sources: Sources) -> str:
    """A topic page with its context notice and the sources of its sections; any other as it is."""
    return topic_page.annotate(markdown, sources.registry, page, meta.get("sources"))


def page_meta(page: str, meta: dict, macros: PageMacros, sources: Sources, project: Project, changed: dict[str, str]) -> dict:
    """What the templates need about `page` beside its text, once its macros have run: every key
    is set for every page, so that no front matter can set one. `changed`: `dates`."""
    data = {
        "slug": pages.slug(page),
        "pdf_file": page_pdf(pages.slug(page)),
        "based_on": exports.based_on(sources.registry.workshop),
        **macros.page_data(page),
    }
    day = last_updated(changed, project.docs_dir.name, page, {**meta, **data})
    return {**data, "last_updated": day} if day else data
