"""The published site's search index, built with Pagefind after the site: split by word, so a
reader's browser loads only the parts a query needs, whatever the size of the site (Material's
own index is one file that the browser must load and index whole before the first result).

- What is searched is what Material's search plugin extracted: each section of each page (its
  title, its text as HTML, its page's `search: boost`; pages with `search: exclude` are absent).
  Each becomes one small record for Pagefind, written to a folder of its own, never into the
  site, so a long page (the resource index) costs a query no more than its sections that match;
- a record's weight comes from its page's boost (its title counts as an h1, 7 times, at most 10),
  and it names its address and its page's title for the search box;
- Pagefind writes its index into the site's `pagefind/`, and Material's index file keeps only its
  settings, which name Pagefind's script and list the site's words with letters beyond ASCII, so
  that the worker can take a query word typed without them for the site's spelling by
  search-letters.js's rule (Pagefind itself finds "ä" for "a", not "ø" for "o" or "æ" for "ae").
  search-on-demand.js then starts search-pagefind-worker.js instead of Material's worker.

Only the published site gets it: Pagefind's script does not run from file://, so the offline copy
keeps Material's search, as does `mkdocs serve`.
Usage: python -m scripts.search_index SITE
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

from pagefind_bin import get_executable

FOLDER = "pagefind"  # under the site: Pagefind's script, its WebAssembly and the index
SCRIPT = f"{FOLDER}/pagefind.js"
MATERIAL_INDEX = "search/search_index.json"
BEYOND_ASCII = re.compile(r"\w*[^\W\d_A-Za-z]\w*")  # a word with a letter beyond ASCII
TAG = re.compile(r"<[^>]*>")
H1 = 7.0  # Pagefind's weight of an h1; a weight is at most 10


def build(site: Path) -> None:
    """Index the sections Material's index lists; leave Material's index file its settings only."""
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
    settings = dict(material["config"], pagefind={"script": SCRIPT, "words": words_beyond_ascii(material["docs"])})
    index.write_text(json.dumps({"config": settings, "docs": []}, ensure_ascii=False), encoding="utf-8")


def write_records(folder: Path, docs: list[dict], lang: str) -> None:
    """One HTML file per section for Pagefind: its title as h1 and its text, weighted by the square
    of its page's boost, with its address and its page's title as metadata. (Pagefind counts a
    weight about squared, and ranks by weighted counts here (search-pagefind-worker.js): a topic
    page's words (boost 2) then count 16 times a repeating page's (0.5); with the boost alone,
    reading paths came first for some topics' subjects (tests/browser/test_search.py).) Material's titles and texts
    are HTML already (its search box shows them as such); addresses are escaped here."""
    titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
    for number, doc in enumerate(docs):
        weight = float(doc.get("boost", 1)) ** 2
        page = titles.get(doc["location"].split("#")[0], doc["title"])
        (folder / f"{number}.html").write_text(
            f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8"><title></title></head><body>'
            f'<main data-pagefind-body data-pagefind-weight="{weight:.2f}">'
            f'<meta data-pagefind-meta="url[content]" content="{html.escape(doc["location"])}">'
            f'<meta data-pagefind-meta="page[content]" content="{html.escape(html.unescape(TAG.sub("", page)))}">'
            f'<h1 data-pagefind-weight="{min(10.0, H1 * weight):.2f}">{doc["title"]}</h1>{doc["text"]}</main></body></html>',
            encoding="utf-8",
        )


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
