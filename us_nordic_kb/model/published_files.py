"""Every published file is of a known type (SECURITY.md, "Threat model").

MkDocs and Zensical publish every file under docs/ that is not a page, as it is, at the site's
origin. So a file under docs/ is accepted only if it is:

- a page (`.md`), which the build turns into HTML through the sanitiser (sanitise.py);
- one of the data files the site is built from (DATA_FILES); of those, the registry and its
  JSON Schema are published (mkdocs.yml's `exclude_docs` leaves the others out), and the
  registry's loader holds it to its schema, so that neither can be anything but data;
- a raster image (`.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`) whose first bytes say it is one;
- code or markup (`.js`, `.mjs`, `.css`, `.html`, `.htm`, `.svg`, `.xml`, `.xsl`, `.xhtml`) that
  the reviewed list (REVIEWED, at the project's root; .github/CODEOWNERS gives it to the
  maintainers) names with the SHA-256 of its content.

Every name under docs/ is plain (SAFE_NAME): a name is printed in links, edit buttons and
listings. Anything else is refused with `file:line`, by `make check` and by the engines' builds.
After a build, every file of the output must be of a type in OUTPUT_TYPES: the theme's, the
search index's and the downloads' besides the above.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from us_nordic_kb.model.comparison import COMPARISON_PATH
from us_nordic_kb.model.data_files import DataFileError, Problem, parse, read
from us_nordic_kb.model.glossary import GLOSSARY_PATH
from us_nordic_kb.model.registry import REGISTRY_PATH, SCHEMA_NAME
from us_nordic_kb.model.roles import ROLES_PATH

REVIEWED = "reviewed-files.yml"  # code and markup: its path under docs/ -> SHA-256
SHA256 = re.compile(r"[0-9a-f]{64}")
PAGES = {".md"}
DATA = {".yml", ".json"}
DATA_FILES = {REGISTRY_PATH, REGISTRY_PATH.rsplit("/", 1)[0] + "/" + SCHEMA_NAME, GLOSSARY_PATH, COMPARISON_PATH, ROLES_PATH}
SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
# Each raster type and what its file starts with (RIFF....WEBP for WebP: its bytes 8 to 12).
IMAGES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
CODE = {".js", ".mjs", ".css", ".html", ".htm", ".svg", ".xml", ".xsl", ".xhtml"}
# What a built site holds besides: the theme's source maps and icon, the sitemap, the search
# index (Pagefind's own types), the web app manifest, the downloads (the Kiwix archive among them: .zim).
OUTPUT_TYPES = PAGES | DATA | set(IMAGES) | CODE | {".map", ".ico", ".gz", ".csv", ".pdf", ".zip", ".zim", ".pagefind"}
OUTPUT_TYPES |= {".webmanifest"}
OUTPUT_TYPES |= {".pf_meta", ".pf_fragment", ".pf_index", ".pf_filter"}
OUTPUT_NAMES = {"LICENSE"}  # plain text a theme ships beside its scripts (Zensical's)


def problems(docs: Path, root: Path) -> list[str]:
    """Each file under `docs` that may not be published, and each malformed line of the reviewed
    list, as `file:line: what is wrong — what to do`; paths are shown from `root`. (A listed file
    that is not there grants nothing.)"""
    try:
        reviewed, lines = _reviewed(root)
    except DataFileError as error:
        return [str(p) for p in error.problems]
    found = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file() or p.is_symlink()):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        relative = path.relative_to(docs)
        if not all(SAFE_NAME.fullmatch(part) for part in relative.parts):
            found.append(f"{shown}:1: a file name under docs/ uses letters, digits, '.', '-' and '_' only — rename it")
        elif problem := _problem(path, relative.as_posix(), reviewed, lines):
            found.append(f"{shown}:1: {problem}")
    return found


def _problem(path: Path, key: str, reviewed: dict[str, str], lines: dict[str, int]) -> str | None:
    suffix = path.suffix.lower()
    if path.is_symlink():
        return None  # refused elsewhere (source_tree.py), without reading what it points to
    if suffix in PAGES or key in DATA_FILES:
        return None
    if suffix in DATA:
        return f"a data file of the site is one of: {', '.join(sorted(DATA_FILES))} — put this data in one of them"
    if suffix in IMAGES:
        with path.open("rb") as file:
            head = file.read(12)
        webp = suffix != ".webp" or head[8:12] == b"WEBP"
        if head.startswith(IMAGES[suffix]) and webp:
            return None
        return f"its name says {suffix} but it is not such an image — export it again as a real {suffix[1:].upper()} file"
    if suffix in CODE:
        if key not in reviewed:
            return (
                f"{suffix} files run or render in the reader's browser: one is published only once a maintainer has "
                f"reviewed it and listed it with its SHA-256 in {REVIEWED} — ask for a review in your pull request"
            )
        if hashlib.sha256(path.read_bytes()).hexdigest() != reviewed[key]:
            return (
                f"differs from the copy reviewed in {REVIEWED}:{lines[key]} — a maintainer reviews the change and "
                "puts the new SHA-256 there"
            )
        return None
    kind = f"type {suffix}" if suffix else "a name without a type"
    return (
        f"files of {kind} are not published — pages are .md; images .png, .jpg, .gif or .webp; data .yml or .json "
        "(CONTRIBUTING.md)"
    )


def _reviewed(root: Path) -> tuple[dict[str, str], dict[str, int]]:
    """The reviewed list: path -> SHA-256, and path -> its line in the file (DataFileError names
    the line of anything in it that is not a path and a SHA-256)."""
    file = root / REVIEWED
    if not file.is_file():
        return {}, {}
    data, lines = parse(read(file, REVIEWED), REVIEWED)
    entries = data if isinstance(data, dict) else {}
    wrong = [
        Problem(REVIEWED, lines.get((key,), 1), str(key), "expected a path under docs/ (resources/finder.js) and a SHA-256")
        for key, value in entries.items()
        if not isinstance(key, str) or not isinstance(value, str) or not SHA256.fullmatch(value)
    ]
    if wrong or not isinstance(data, dict | None):
        raise DataFileError(wrong or [Problem(REVIEWED, 1, "file", "expected a mapping of paths to SHA-256 values")])
    return entries, {key: lines.get((key,), 1) for key in entries}


def output_problems(site: Path) -> list[str]:
    """Each file of a built site whose type is not one a site of ours publishes."""
    return [
        f"{path.relative_to(site)}: a file of type '{path.suffix or 'none'}' reached the built site — only the types of "
        "us_nordic_kb/model/published_files.py are published; find what wrote it"
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix.lower() not in OUTPUT_TYPES and path.name not in OUTPUT_NAMES
    ]
