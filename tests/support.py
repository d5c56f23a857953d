"""Paths and helpers shared by the tests: the one module the tests import helpers from."""

from __future__ import annotations

import contextlib
import io
import logging
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from us_nordic_kb.bench import projects
from us_nordic_kb.github import issue_form, suggestion
from us_nordic_kb.model import pages
from us_nordic_kb.model import project as project_model

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONFIG = project_model.CONFIG
PROJECT = project_model.load(ROOT / project_model.CONFIG)  # the real project, as the code reads it
SCHEMA = PROJECT.schema_file
REGISTRY = yaml.safe_load(PROJECT.registry_file.read_text(encoding="utf-8"))  # as data
PAGES = [pages.html_file(p, True).removesuffix("index.html") for p in PROJECT.nav]  # URL paths
FIXTURE_NAV = """nav:
  - Home: index.md
  - about.md
  - themes/a.md
  - next-steps/b.md
  - resources/index.md
  - glossary.md
"""


def copy_project(dest: Path) -> Path:
    """What a build of the project needs, copied into `dest` (the project factory, bench/projects.py)."""
    return projects.copy_project(ROOT, dest)


def small_project(dest: Path) -> Path:
    """The project's code with the small fixture site (tests/fixtures/docs) as its content:
    a build of it takes about a second, so each failure mode gets a project of its own."""
    return projects.with_content(ROOT, dest, FIXTURES / "docs", FIXTURE_NAV)


def build(project: Path, site_dir: Path | None = None, *options: str) -> subprocess.CompletedProcess:
    """Run the production build of `project`; return the finished process (output captured)."""
    site_dir = site_dir or project / "site"
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "us_nordic_kb.build", "--site-dir", str(site_dir), "--config", str(project / CONFIG), *options],
        cwd=project,
        capture_output=True,
        text=True,
    )


def build_here(project: Path, site_dir: Path | None = None, downloads: bool = True) -> subprocess.CompletedProcess:
    """The production build of `project` run in this process, as `make build` runs it but without
    starting Python again: what it printed (MkDocs's log included) and 1 where it stopped."""
    from us_nordic_kb.build import production

    out, err = io.StringIO(), io.StringIO()
    engine_log = logging.StreamHandler(err)
    engine_log.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(engine_log)
    returncode = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            production.build(project_model.load(project / CONFIG), (site_dir or project / "site").resolve(), downloads)
    except SystemExit as stop:
        err.write(f"{stop}\n")
        returncode = 1
    finally:
        logging.getLogger("mkdocs").removeHandler(engine_log)
    return subprocess.CompletedProcess(["build", str(project)], returncode, out.getvalue(), err.getvalue())


def build_with_zensical(project: Path, site: Path) -> subprocess.CompletedProcess:
    """The Zensical build (build/zensical.py) of `project`; the finished process, output captured."""
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [
            sys.executable,
            "-m",
            "us_nordic_kb.build",
            "--engine",
            "zensical",
            "--site-dir",
            str(site),
            "--config",
            str(project / CONFIG),
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )


def nav_pages() -> list[str]:
    """Every Markdown path in mkdocs.yml's nav, in order."""
    return list(PROJECT.nav)


def output_of(page: str) -> str:
    """The built file of a Markdown page under directory URLs."""
    return pages.html_file(page, directory_urls=True)


def soup(site, page: str) -> BeautifulSoup:
    """The built HTML of a Markdown page of `site`."""
    return BeautifulSoup((site / output_of(page)).read_text(encoding="utf-8"), "html.parser")


def one(tag: Tag, selector: str) -> Tag:
    """The first element of `tag` that matches the CSS `selector`; fails the test if there is none."""
    found = tag.select_one(selector)
    assert found is not None, f"no element matches {selector!r}"
    return found


def line_of(tag: Tag) -> int:
    """The source line of `tag` (html.parser records one for every tag)."""
    assert tag.sourceline is not None, f"no source line for <{tag.name}>"
    return tag.sourceline


def links_of(site, page: str) -> set[str]:
    """Every href of the page's main content, resolved to a site path without anchor."""
    article = one(soup(site, page), "article")
    base = output_of(page).rsplit("/", 1)[0] if "/" in output_of(page) else ""
    resolved = set()
    for a in article.select("a[href]"):
        href = str(a["href"]).split("#")[0]
        if not href or href.startswith(("http", "mailto")):
            continue
        parts = (base.split("/") if base else []) + href.split("/")
        stack: list[str] = []
        for part in parts:
            if part == "..":
                stack.pop()
            elif part not in ("", "."):
                stack.append(part)
        resolved.add("/".join(stack))
    return resolved


def git(project, *args, date=None):
    """Run git in `project` as a test author, at `date` (ISO) if given."""
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)  # noqa: S603, S607 - fixed argument list, no shell, no outside input; git, node or the like from PATH, as a contributor runs them


def embedded_files(pdf: Path) -> list[str]:
    """The files a PDF carries: in its catalogue's EmbeddedFiles, and as file-attachment
    annotations on its pages (WeasyPrint embeds what an `<a rel="attachment">` points to so)."""
    reader = PdfReader(pdf)
    found = [f"embedded: {name}" for name in reader.attachments]
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            note = annotation.get_object()
            if note.get("/Subtype") == "/FileAttachment":
                found.append(f"page {number}: {note.get('/FS', {}).get('/F', '?')}")
    return found


def guard(page, site_url):
    """Make `page` refuse and record foreign requests, and record console errors and failures."""
    page.foreign_requests, page.console_errors, page.failed_requests = [], [], []

    def only_our_site(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            page.foreign_requests.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_our_site)
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("requestfailed", lambda request: request.url.startswith(site_url) and page.failed_requests.append(request.url))
    page.on(
        "response", lambda response: response.status >= 400 and page.failed_requests.append(f"{response.status} {response.url}")
    )
    return page


# Comparing two engines' builds of the same site (tests/test_engines.py, tests/test_properdocs.py).
def page_view(html: str, url: str) -> dict[str, object]:
    """What the comparison looks at on one page: its title, its article's text, and the
    internal links of the article, resolved against the page's address (so that '', './',
    '././' and 'index.html' on the same page are the same link)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    links = set()
    for anchor in article.select("a[href]") if article else []:
        href = str(anchor["href"])
        if not href.startswith(("http:", "https:", "mailto:", "data:")):
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
            if path.endswith("/") or path == ".":
                target = posixpath.join(target, "index.html")
            links.add(target + ("#" + fragment if fragment else ""))
    return {
        "title": soup.title.get_text(strip=True) if soup.title else "",
        "text": " ".join(article.get_text(" ").split()) if article else "",
        "links": sorted(links),
    }


def views(site: Path) -> dict[str, dict[str, object]]:
    return {
        page.relative_to(site).as_posix(): page_view(page.read_text(encoding="utf-8"), "/" + page.relative_to(site).as_posix())
        for page in sorted(site.rglob("*.html"))
    }


def differences(mkdocs_site: Path, other_site: Path, other: str = "Zensical") -> list[str]:
    """One line per difference: a page only one engine built, or a title, text or links that differ."""
    ours, theirs = views(mkdocs_site), views(other_site)
    found = [f"{page}: only MkDocs builds it" for page in sorted(ours.keys() - theirs.keys())]
    found += [f"{page}: only {other} builds it" for page in sorted(theirs.keys() - ours.keys())]
    for page in sorted(ours.keys() & theirs.keys()):
        for part in ["title", "text", "links"]:
            if ours[page][part] != theirs[page][part]:
                found.append(f"{page}: {part}")
    return found


def articles(site: Path) -> dict[str, str]:
    """Every page's article, as HTML."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
        found[page.relative_to(site).as_posix()] = str(article)
    return found


# make check, in this process (the syllable dictionary loads once per session).
def run_check(
    docs: Path | None = None, registry: Path | None = None, config: Path = ROOT / CONFIG
) -> subprocess.CompletedProcess:
    """`make check` as its command line prints it, run in this process with the real project's
    code: of the project whose configuration is `config`, or of another `docs` folder (and registry)."""
    from us_nordic_kb.check import __main__ as check_command

    args = (
        ["--config", str(config)] + (["--docs", str(docs)] if docs else []) + (["--registry", str(registry)] if registry else [])
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        returncode = check_command.main(args)
    return subprocess.CompletedProcess(args, returncode, out.getvalue(), "")


def problem_lines(result) -> list[str]:
    """The problems make check printed (not its readability table)."""
    lines = result.stdout.split("\n\n", 1)[-1] if result.stdout.startswith("Readability") else result.stdout
    return [line for line in lines.splitlines() if line and not line.startswith("make check:")]


def fixture_docs(tmp_path: Path) -> Path:
    """A private copy of the small fixture site's docs folder (tests/fixtures/docs)."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs", docs)
    return docs


# The "Suggest a resource" form (github/suggestion.py): a good answer to every question.
SUGGESTION = {
    "name": "Nordic Safe Cities Guide to Local Prevention",
    "kind": "publication",
    "country": "Nordic region",
    "owner": "Nordic Safe Cities",
    "url": "https://nordicsafecities.org/guide",
    "year": "2021",
    "description": "A short guide for city staff on how to plan local prevention work with partners.",
    "named_in": ["Key theme 1: Trust through information sharing and visible leadership", "Resources list"],
    "editors_links": ["Next step 1: Local voices in national prevention plans"],
    "why": "The report's list of resources names it.",
    "unverified": ["I could not confirm the year"],
}


def form_body(answers: dict, crlf: bool = False) -> str:
    """The issue body GitHub writes for a submitted form with these answers."""
    parts = []
    for question in issue_form.fields(suggestion.FORM):
        answer = answers.get(question.id)
        if question.type == "checkboxes":
            value = "\n".join(f"- [{'X' if o in (answer or []) else ' '}] {o}" for o in question.options)
        else:
            value = answer or "_No response_"
        parts.append(f"### {question.label}\n\n{value}")
    body = "\n\n".join(parts)
    return body.replace("\n", "\r\n") if crlf else body
