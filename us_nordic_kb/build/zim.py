"""Write the Kiwix archive (ZIM) of the offline copy with libzim: every file at its own path, so
that its links work in Kiwix; pages as front articles with their titles, in a title and a full-text
index, each with the policy of a served page (Kiwix serves them; the copy's own allows file:);
and openZIM's metadata, plain strings from the project within openZIM's limits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from libzim.writer import Creator, FileProvider, Hint, IndexData, Item, StringProvider
from PIL import Image

from us_nordic_kb.build import csp
from us_nordic_kb.build.bundle import files
from us_nordic_kb.model import pages
from us_nordic_kb.model.artifacts import artifact
from us_nordic_kb.model.project import SHORT_NAME_MAX, Project

ZIM_NAME = artifact("zim").file
# The type of each file an offline copy may hold (model/published_files.py's OUTPUT_TYPES, less the
# published site's search index and the downloads that only the site carries).
MIME_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".css": "text/css",
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".map": "application/json",
    ".json": "application/json",
    ".yml": "application/yaml",
    ".md": "text/markdown",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/vnd.microsoft.icon",
    ".csv": "text/csv",
    ".pdf": "application/pdf",
}
# Pages only a server shows (at any address, so that their links start from the site's root).
SERVER_ONLY = {"404.html"}
# openZIM's limits on metadata, in characters.
LIMITS = {"Title": SHORT_NAME_MAX, "Description": 80, "LongDescription": 4000}
# ISO 639-1 (the theme's language) to ISO 639-3 (openZIM's), for the languages the site may be in.
LANGUAGES = {"en": "eng"}
ILLUSTRATION = 48  # pixels: the Illustration_48x48@1 that Kiwix shows for the archive
# What is no text of an article: a heading's link to itself, scripts and styles.
NOT_TEXT = ["a.headerlink", "script", "style", "noscript"]


class _Text(IndexData):
    """What the full-text index reads of a page: its title and its article's text, without the
    navigation and the footer every page repeats."""

    def __init__(self, title: str, text: str):
        super().__init__()
        self.title, self.text = title, text

    def has_indexdata(self) -> bool:
        return True

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.text

    def get_keywords(self) -> str:
        return ""

    def get_wordcount(self) -> int:
        return len(self.text.split())

    def get_geoposition(self) -> tuple[float, float] | None:
        return None


class _Entry(Item):
    """One file of the offline copy at its path: a page (a front article, with its title, its
    HTML as served and its text for the index) or another file, as it is."""

    def __init__(self, path: str, file: Path, mimetype: str, title: str = "", text: _Text | None = None, html: str = ""):
        super().__init__()
        self.path, self.file, self.mimetype, self.title, self.text, self.html = path, file, mimetype, title, text, html

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> FileProvider | StringProvider:
        return StringProvider(self.html) if self.html else FileProvider(str(self.file))

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.text is not None}

    def get_indexdata(self) -> _Text | None:
        return self.text


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_text(html: str, path: str) -> tuple[str, str]:
    """A built page's title (its H1, else its <title>) and its article's text."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(", ".join(NOT_TEXT)):
        element.decompose()
    article = soup.select_one("article") or soup.body
    if article is None:
        raise SystemExit(f"{path}: no <article> and no <body> — the theme's page layout changed; update {__name__}")
    heading = article.select_one("h1") or soup.title
    title = _plain(heading.get_text(" ")) if heading else ""
    return title or path, _plain(article.get_text(" "))


def entry(offline: Path, file: Path) -> _Entry:
    """The entry of one file of the offline copy."""
    path = file.relative_to(offline).as_posix()
    mimetype = MIME_TYPES.get(file.suffix.lower())
    if mimetype is None:
        raise SystemExit(f"{path}: the Kiwix archive has no type for '{file.suffix}' files — add one to MIME_TYPES in {__name__}")
    if mimetype != "text/html":
        return _Entry(path, file, mimetype)
    html = csp.served(file.read_text(encoding="utf-8"), path)  # Kiwix serves its pages: 'self', not file:
    title, text = page_text(html, path)
    return _Entry(path, file, mimetype, title, _Text(title, text), html)


def illustration(offline: Path, main: str) -> bytes:
    """The site's own icon, as the main page names it (<link rel="icon">), as a 48×48 PNG."""
    soup = BeautifulSoup((offline / main).read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one('link[rel~="icon"][href]')
    icon = (offline / main).parent / str(link["href"]) if link else None
    if icon is None or not icon.resolve().is_relative_to(offline.resolve()) or not icon.is_file():
        raise SystemExit(f'{main}: names no icon of the offline copy (<link rel="icon">) — the Kiwix archive needs one')
    try:
        with Image.open(icon) as image:
            square = image.convert("RGBA").resize((ILLUSTRATION, ILLUSTRATION), Image.Resampling.LANCZOS)
    except OSError as error:
        raise SystemExit(f"{icon.relative_to(offline)}: not an image Pillow reads ({error}) — give the site a PNG icon") from None
    png = io.BytesIO()
    square.save(png, format="PNG")
    return png.getvalue()


def metadata(project: Project, main_title: str, language: str) -> dict[str, str]:
    """The archive's metadata (openZIM's), each a plain string from the project, within its limit."""
    citation = project.extra.citation
    cff = yaml.safe_load((project.root / "CITATION.cff").read_text(encoding="utf-8"))
    keywords = [str(k).replace(";", ",") for k in cff.get("keywords") or []]
    values = {
        "Name": f"{Path(ZIM_NAME).stem}_{project.settings['theme']['language']}_all",
        "Title": project.extra.short_name,
        "Creator": citation["author"],
        "Publisher": citation["publisher"],
        "Date": dt.datetime.now(dt.timezone.utc).date().isoformat(),
        "Description": main_title,
        "LongDescription": project.settings.get("site_description", ""),
        "Language": language,
        "License": citation["licence"],
        "Tags": ";".join([*keywords, "_ftindex:yes"]),
        "Source": project.site_url,
    }
    values = {name: _plain(str(value)) for name, value in values.items()}
    for name, value in values.items():
        if not value:
            raise SystemExit(f"the Kiwix archive's {name} is empty — {project.config_file.name} or CITATION.cff should give it")
        if len(value) > LIMITS.get(name, len(value)):
            raise SystemExit(
                f"the Kiwix archive's {name} has {len(value)} characters, openZIM allows {LIMITS[name]}: {value!r} — shorten it "
                "(Title: extra.short_name in mkdocs.yml; Description: the home page's heading)"
            )
    return values


def write(offline: Path, project: Project, out: Path) -> Path:
    """Write the Kiwix archive of the offline copy in `offline` to `out`; return `out`."""
    main = pages.html_file(project.nav[0], directory_urls=False)
    theme_language = project.settings["theme"]["language"]
    if theme_language not in LANGUAGES:
        raise SystemExit(f"the site's language is '{theme_language}' — add its ISO 639-3 code to LANGUAGES in {__name__}")
    entries = [entry(offline, file) for file in files(offline) if file.relative_to(offline).as_posix() not in SERVER_ONLY]
    main_entry = next((e for e in entries if e.path == main), None)
    if main_entry is None:
        raise SystemExit(f"{main}: the home page is not in the offline copy — the Kiwix archive needs it as its main page")
    values = metadata(project, main_entry.title, LANGUAGES[theme_language])
    icon = illustration(offline, main)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    with _quiet(), Creator(out).config_indexing(True, values["Language"]) as creator:
        creator.set_mainpath(main)
        for item in entries:
            creator.add_item(item)
        for name, value in values.items():
            creator.add_metadata(name, value)
        creator.add_illustration(ILLUSTRATION, icon)
    return out


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """libzim reports each step of its work on the process's standard output; the build prints
    only what went wrong (libzim's errors are exceptions and its standard error)."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
