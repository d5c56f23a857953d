"""The published site's search index, built with Pagefind after the site: split by word, so a
reader's browser loads only the parts a query needs, whatever the size of the site (Material's
own index is one file that the browser must load and index whole before the first result).

- What is searched is what Material's search plugin extracted: each section of each page (its
  title, its text as HTML, its page's `search: boost`; pages with `search: exclude` are absent).
  A page's sections become records for Pagefind, SECTIONS_PER_RECORD at most to a record, in a folder of
  their own, never into the site: a long page (the resource index) costs a query no more than
  the records of it that match;
- a record's weight comes from its page's boost, and it names its page's address and title for
  the search box, and the boost itself (as a filter, which nothing searches) for the ranking that
  both searches share (search-ranking.js);
- Pagefind writes its index into the site's `pagefind/`, and Material's index file keeps only its
  settings (with what engines/search_settings.py put there for both searches), which name Pagefind's script
  and list the site's words with letters beyond ASCII, so that the worker can take a query word
  typed without them for the site's spelling by search-letters.js's rule (Pagefind itself finds
  "ä" for "a", not "ø" for "o" or "æ" for "ae"). search-on-demand.js then starts
  search-pagefind-worker.js instead of Material's worker.

Only the published site gets it: Pagefind's script does not run from file://, so the offline copy
keeps Material's search, as does `mkdocs serve`.
Usage: python -m us_nordic_kb.build.search_index SITE
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

from pagefind_bin import get_executable

from us_nordic_kb.engines.search_settings import MATERIAL_INDEX

FOLDER = "pagefind"  # under the site: Pagefind's script, its WebAssembly and the index
SCRIPT = f"{FOLDER}/pagefind.js"
ENTRY = f"{FOLDER}/pagefind-entry.json"  # names the index's other files, by their hashes
BEYOND_ASCII = re.compile(r"\w*[^\W\d_A-Za-z]\w*")  # a word with a letter beyond ASCII
TAG = re.compile(r"<[^>]*>")
H1, H2 = 7.0, 6.0  # Pagefind's weights of an h1 and an h2; a weight is at most 10
SECTIONS_PER_RECORD = 20  # a record's size bounds the work of a query that finds it


def build(site: Path) -> None:
    """Index the sections Material's index lists; leave Material's index file its settings only,
    with the tag that pins Pagefind's entry file (Pagefind's metaCacheTag: the hash of that file,
    so that it is asked for anew whenever it changes, and a saved copy asks for its own)."""
    index = site / MATERIAL_INDEX
    if not index.is_file():
        raise SystemExit(f"{index}: no search index of Material's to build on; is the search plugin on in mkdocs.yml?")
    material = json.loads(index.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="search-records-") as folder:
        write_records(Path(folder), material["docs"], material["config"]["lang"][0])
        result = subprocess.run(  # noqa: S603 - the pinned Pagefind binary, fixed arguments, no shell
            [str(get_executable()), "--site", folder, "--output-path", str(site / FOLDER), "--quiet"],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0 or not (site / SCRIPT).is_file():
        raise SystemExit(f"Pagefind could not index {site}:\n{result.stdout}{result.stderr}")
    entry = hashlib.sha256((site / ENTRY).read_bytes()).hexdigest()[:16]
    pagefind = {"script": SCRIPT, "words": words_beyond_ascii(material["docs"]), "cacheTag": entry}
    settings = dict(material["config"], pagefind=pagefind)
    index.write_text(json.dumps({"config": settings, "docs": []}, ensure_ascii=False), encoding="utf-8")


def write_records(folder: Path, docs: list[dict], lang: str) -> None:
    """Pagefind's records, one HTML file each: a page's sections in their order, at most
    SECTIONS_PER_RECORD to a record (the page's title and text open its first), each section a
    heading with its anchor as id, all weighted by the page's boost (Pagefind counts a weight
    about squared: a topic page's words, boost 2, count 16 times a repeating page's, 0.5); each
    record names its page's address and title as metadata, and its boost as a filter. Material's titles and texts are HTML
    already (its search box shows them as such); addresses and anchors are escaped here."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    number = 0
    for location, sections in pages.items():
        title = next((doc["title"] for doc in sections if doc["location"] == location), sections[0]["title"])
        weight = float(sections[0].get("boost", 1))
        for start in range(0, len(sections), SECTIONS_PER_RECORD):
            body = "".join(section_html(doc, weight) for doc in sections[start : start + SECTIONS_PER_RECORD])
            (folder / f"{number}.html").write_text(
                f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8"><title></title></head><body>'
                "<main data-pagefind-body>"
                f'<meta data-pagefind-meta="url[content]" content="{html.escape(location)}">'
                f'<meta data-pagefind-meta="page[content]" content="{html.escape(html.unescape(TAG.sub("", title)))}">'
                f'<meta data-pagefind-filter="boost[content]" content="{weight:g}">'
                f'<div data-pagefind-weight="{weight:.2f}">{body}</div></main></body></html>',
                encoding="utf-8",
            )
            number += 1


def section_html(doc: dict, weight: float) -> str:
    """One section of a record: the page's own as its h1 and text, any other under an h2 whose id
    is its anchor (Pagefind then names the anchor in its result)."""
    if "#" not in doc["location"]:
        return f'<h1 data-pagefind-weight="{min(10.0, H1 * weight):.2f}">{doc["title"]}</h1>{doc["text"]}'
    anchor = html.escape(doc["location"].split("#", 1)[1])
    return f'<h2 id="{anchor}" data-pagefind-weight="{min(10.0, H2 * weight):.2f}">{doc["title"]}</h2>{doc["text"]}'


def words_beyond_ascii(docs: list[dict]) -> list[str]:
    """The sections' words with a letter beyond ASCII (København, Sisäministeriö), lower-cased, once each."""
    words = {word.lower() for doc in docs for word in BEYOND_ASCII.findall(TAG.sub(" ", f"{doc['title']} {doc['text']}"))}
    return sorted(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    build(parser.parse_args().site)


if __name__ == "__main__":
    main()
