"""What "Save for offline" stores (overrides/assets/javascripts/save-offline.js): the build's id,
its date and every file of the published site with its size, in LIST; and the web app manifest
that lets a reader add the site to a phone's home screen (the way to keep it on iOS).

The id names the site's content: the hash of every file but Pagefind's index (which follows from
the pages, in an order that varies between runs), Material's search settings (which carry the
id, as the tag that pins Pagefind's files for the saved copy) and LIST (which carries it too).
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
# Not saved (patterns of paths, `*` crossing folders): the downloads but the page PDFs (offered
# apart), source maps, what only crawlers read, and what the published site never loads:
# Material's own search (lunr and its worker, which the offline bundle uses) and Pagefind's
# ready-made interfaces (its script serves ours).
LEFT_OUT = (
    "*.map",
    "sitemap.xml",
    "sitemap.xml.gz",
    LIST,
    "assets/javascripts/lunr/*",
    "assets/javascripts/workers/search.*",
    f"{PAGEFIND}/pagefind-*ui.*",
    f"{PAGEFIND}/pagefind-highlight.js",
)


def build_id(site: Path) -> str:
    """The id of the site's content (see the module's docstring)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name.startswith(f"{PAGEFIND}/") or name in (MATERIAL_INDEX, LIST):
            continue
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _address(name: str) -> str:
    """The address a page is asked for by (a folder's index page by its folder), else the file's."""
    return name.removesuffix("index.html") if name == "index.html" or name.endswith("/index.html") else name


def write_list(site: Path, build: str, built: dt.date | None = None) -> None:
    """LIST: the id, the date (today's, in UTC, unless given) and every file a saved copy holds,
    each with its size."""
    built = built or dt.datetime.now(dt.timezone.utc).date()
    pdfs = f"{DOWNLOADS}/{posixpath.dirname(artifact('page-pdfs').file)}/"  # the page PDFs' folder
    files = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in LEFT_OUT):
            continue
        if name.startswith(f"{DOWNLOADS}/") and not name.startswith(pdfs) and not name.endswith(".html"):
            continue  # a download, not the Downloads page
        entry = {"path": _address(name), "bytes": path.stat().st_size}
        files.append({**entry, "pdf": True} if name.startswith(pdfs) else entry)
    (site / LIST).write_text(
        json.dumps({"build": build, "built": built.isoformat(), "files": files}, separators=(",", ":")), encoding="utf-8"
    )


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
