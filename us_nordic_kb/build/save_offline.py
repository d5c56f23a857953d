"""What "Save for offline" stores (overrides/assets/javascripts/save-offline.js): the build's id,
its date and every file of the published site a reader needs, with its size, in LIST; and the web
app manifest that lets a reader add the site to a phone's home screen (the way to keep it on iOS).

The id names what a saved copy holds: the hash of every listed file, written last, when the site
is complete. Pagefind's index and Material's search settings are left out of the hash: they follow
from the pages, and Pagefind writes its files in an order that varies between runs (its entry file
is pinned apart, by a tag of its own: build/search_index.py).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import posixpath
from pathlib import Path

from us_nordic_kb.build.search_index import FOLDER as PAGEFIND
from us_nordic_kb.engines.search_settings import MATERIAL_INDEX
from us_nordic_kb.model.artifacts import DOWNLOADS, artifact
from us_nordic_kb.model.project import Project

LIST = "offline.json"
MANIFEST = "manifest.webmanifest"
PAGE_PDFS = f"{DOWNLOADS}/{posixpath.dirname(artifact('page-pdfs').file)}/"  # saved if the reader ticks them
# Not saved (patterns of paths, `*` crossing folders): source maps, what only crawlers read, and
# Pagefind's ready-made interfaces (its script serves ours).
LEFT_OUT = (
    "*.map",
    "sitemap.xml",
    "sitemap.xml.gz",
    LIST,
    f"{PAGEFIND}/pagefind-*ui.*",
    f"{PAGEFIND}/pagefind-highlight.js",
)
# Material's own search (lunr and its worker), which a site with a Pagefind index never loads
# (the offline bundle and a Zensical build search with it).
MATERIAL_SEARCH = ("assets/javascripts/lunr/*", "assets/javascripts/workers/search.*")


def _address(name: str) -> str:
    """The address a page is asked for by (a folder's index page by its folder), else the file's."""
    return name.removesuffix("index.html") if name == "index.html" or name.endswith("/index.html") else name


def _saved_files(site: Path) -> list[Path]:
    """The files of `site` a saved copy holds, in order: all but LEFT_OUT and the downloads, the
    page PDFs excepted (the Downloads page is a page: it is saved)."""
    left_out = [*LEFT_OUT, *(MATERIAL_SEARCH if (site / PAGEFIND).is_dir() else ())]
    files = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in left_out):
            continue
        if name.startswith(f"{DOWNLOADS}/") and not name.startswith(PAGE_PDFS) and not name.endswith(".html"):
            continue
        files.append(path)
    return files


def write_list(site: Path, built: dt.date | None = None) -> str:
    """LIST: the build's id, its date (today's, in UTC, unless given) and every saved file with its
    size, a page PDF marked; return the id."""
    digest, files = hashlib.sha256(), []
    for path in _saved_files(site):
        name = path.relative_to(site).as_posix()
        if not name.startswith(f"{PAGEFIND}/") and name != MATERIAL_INDEX:
            digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        entry = {"path": _address(name), "bytes": path.stat().st_size}
        files.append({**entry, "pdf": True} if name.startswith(PAGE_PDFS) else entry)
    build = digest.hexdigest()[:16]
    built = built or dt.datetime.now(dt.timezone.utc).date()
    listing = {"build": build, "built": built.isoformat(), "files": files}
    (site / LIST).write_text(json.dumps(listing, separators=(",", ":")), encoding="utf-8")
    return build


def write_manifest(site: Path, project: Project) -> None:
    """The web app manifest: the site's name, its start and scope (the site's own folder, as
    addresses relative to the manifest), its colours and icons."""
    manifest = {
        "name": project.site_name,
        "short_name": project.extra.short_name,
        "description": project.settings.get("site_description", ""),
        "lang": project.settings["theme"]["language"],
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#3f51b5",  # Material's indigo, the palette's primary colour (mkdocs.yml)
        "icons": [
            {"src": f"assets/images/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"} for size in (192, 512)
        ],
    }
    (site / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
