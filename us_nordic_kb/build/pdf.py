"""Render the site as PDFs with WeasyPrint, from the pages of the offline build: the whole site
in one PDF, and one PDF for each page whose front matter says `pdf: true`.

Each page's article is taken from the built HTML, its ids are made unique, internal links
become links inside the PDF (or to the live site, for pages not in it), and pdf/template.html
with pdf/print.css lays it out on A4: the whole site with a cover, a table of contents with
page numbers, bookmarks and running headers; a single page with a cover block instead.

What WeasyPrint reads is the sanitiser's output (each article re-serialised by
render/sanitise.py after it is rewritten here), and it fetches nothing but files of the built
site (`SiteFiles`): no other file of the machine, no address on a network; no page can ask for
an attachment (the sanitiser keeps no `rel`).

Usage: python -m us_nordic_kb.build.pdf [--out .build/downloads] [--config mkdocs.yml]
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
from bs4 import BeautifulSoup
from bs4.element import AttributeValueList
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from us_nordic_kb.build.bundle import offline_from_command_line
from us_nordic_kb.model import pages
from us_nordic_kb.model.artifacts import artifact
from us_nordic_kb.model.project import Project
from us_nordic_kb.render import sanitise
from us_nordic_kb.render.markup import format_date

PDF_NAME = artifact("site-pdf").file
TEMPLATES = "pdf"  # the PDF's template and stylesheet, under the project's root
# Web chrome inside the article that has no place on paper.
DROP = ["a.headerlink", ".md-content__button", "script", "form", ".md-source-file", ".page-tools"]


class Refused(FatalURLFetchingError):
    """A PDF asked for something outside the built site: the rendering stops."""


class SiteFiles(URLFetcher):
    """WeasyPrint's fetcher for our PDFs: the files of the built site under `root`, and nothing
    else. Any other file of the machine, any address on a network and any other scheme stops the
    rendering (Refused); a file of the site that is not there is left out with WeasyPrint's warning
    (make check reports a missing image before any build)."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root.resolve()

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" and parts.netloc in ("", "localhost") else None
        if path is None or not path.is_relative_to(self.root):
            raise Refused(url[:120])
        if not path.is_file():
            raise FileNotFoundError(f"{path.relative_to(self.root)} is not in the built site")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": kind})


@dataclass
class Page:
    """One nav page, ready for the PDF."""

    pid: str
    title: str
    body: str


def prepare(offline: Path, page: str, targets: dict[str, str], site_url: str) -> Page:
    """The article of one built page with unique ids and links rewritten for the PDF."""
    file = pages.html_file(page, directory_urls=False)
    pid = targets[file]
    soup = BeautifulSoup((offline / file).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise SystemExit(
            f"{file}: no <article class='md-content__inner'> — the theme's page layout changed; "
            "update DROP/prepare() in us_nordic_kb/build/pdf.py"
        )
    for selector in DROP:
        for element in article.select(selector):
            element.decompose()
    for element in article.select("[id]"):
        element["id"] = f"{pid}--{element['id']}"
    for link in article.select("a[href]"):
        href = pdf_href(str(link["href"]), file, targets, site_url)
        link["href"] = href
        if href.startswith(("http://", "https://")) and link.get_text(strip=True) != href:
            link["class"] = AttributeValueList([*link.get_attribute_list("class"), "external"])
    heading = article.select_one("h1")
    if heading is None:
        raise SystemExit(f"{file}: no <h1> in the article — the page lost its title; give it a '# ' heading")
    title = heading.get_text(" ", strip=True)
    heading["id"] = pid
    return Page(pid, title, sanitise.reserialise(article.decode_contents()))


def pdf_href(href: str, file: str, targets: dict[str, str], site_url: str) -> str:
    """Where a link of `file` points in the PDF: an internal #id, or an absolute address."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(file), path)) if path else file
    if target in targets:
        return f"#{targets[target]}--{anchor}" if anchor else f"#{targets[target]}"
    # not in this PDF: link the live site ('themes/a.html' of the offline build is 'themes/a/' there)
    live = pages.address(target.removesuffix(".html") + ".md") if target.endswith(".html") else target
    return site_url + live + (f"#{anchor}" if anchor else "")


def version(root: Path) -> str:
    """The git commit the build of the project in `root` comes from, or 'unversioned' outside a repository."""
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=root)  # noqa: S607 - git, node or the like from PATH, as a contributor runs them
    return result.stdout.strip() if result.returncode == 0 else "unversioned"


def render(offline: Path, project: Project, out: Path, chosen: list[str] | None = None) -> Path:
    """Write the PDF of the `chosen` pages (default: every nav page) of the offline build to
    `out`; return `out`. A single page gets a cover block instead of a cover and a table of contents."""
    chosen = chosen or list(project.nav)
    targets = {pages.html_file(p, directory_urls=False): pages.slug(p) for p in chosen}
    prepared = [prepare(offline, p, targets, project.site_url) for p in chosen]
    templates = project.root / TEMPLATES
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True).get_template("template.html")
    html = template.render(
        config=project.settings,
        pages=prepared,
        built=format_date(dt.datetime.now(dt.timezone.utc).date().isoformat()),
        version=version(project.root),
        css=(templates / "print.css").read_text(encoding="utf-8"),
        single=len(chosen) == 1,
        address=project.site_url + pages.address(chosen[0]),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    # PDF/UA-1: a tagged PDF that screen readers can follow (headings, lists, links, language).
    try:
        pdf = HTML(string=html, base_url=str(offline), url_fetcher=SiteFiles(offline)).write_pdf(pdf_variant="pdf/ua-1")
    except Refused as refused:
        raise SystemExit(
            f"{out.name}: a page asks for {refused}, which is not a file of the built site — a PDF shows only what the "
            "site holds (put an image under docs/ and link it by its path); nothing else is fetched"
        ) from None
    out.write_bytes(pdf)
    return out


def pdf_pages(project: Project) -> list[str]:
    """The nav pages whose front matter asks for a PDF of their own (`pdf: true`)."""
    docs = project.docs_dir
    return [p for p in project.nav if pages.split((docs / p).read_text(encoding="utf-8")).meta.get("pdf") is True]


def page_pdf_name(page: str) -> str:
    """The file of a page's own PDF under downloads/, e.g. 'pages/themes-digital-literacy.pdf'."""
    return artifact("page-pdfs").path(pages.slug(page))


def render_pages(offline: Path, project: Project, downloads: Path) -> list[Path]:
    """Write one PDF for each page that asks for it, into `downloads`/pages/."""
    return [render(offline, project, downloads / page_pdf_name(p), [p]) for p in pdf_pages(project)]


def main() -> None:
    args, loaded, offline = offline_from_command_line(__doc__.splitlines()[0])
    print(f"Built {render(offline, loaded, args.out / PDF_NAME)}")


if __name__ == "__main__":
    main()
