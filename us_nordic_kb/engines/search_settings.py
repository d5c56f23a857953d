"""What both searches (the published site's Pagefind worker and the offline copy's lunr) need
beyond Material's own settings, added to Material's index file once Material has written it
(mkdocs_hooks.on_post_build), before Material's offline plugin copies it into the offline copy's
script (that plugin runs last)."""

from __future__ import annotations

import json
from pathlib import Path

from us_nordic_kb.model import glossary

MATERIAL_INDEX = "search/search_index.json"  # where Material's search plugin writes its index, under the site


def add_settings(site: Path, docs_dir: Path) -> None:
    """What both searches need beyond Material's own settings, added to those in Material's index
    file (for the published site, the offline copy and `mkdocs serve`):
    `pages`, the number of pages searched, for the rarity of a word (search-ranking.js), and
    `equivalents`, each glossary term's Danish, Finnish, Norwegian and Swedish equivalents with
    the English term each stands for (search-words.js). Nothing to do without Material's index."""
    index = site / MATERIAL_INDEX
    if not index.is_file():
        return
    material = json.loads(index.read_text(encoding="utf-8"))
    terms = glossary.load(docs_dir / glossary.GLOSSARY_PATH, docs_dir=docs_dir, name=f"docs/{glossary.GLOSSARY_PATH}")
    material["config"]["pages"] = len({doc["location"].split("#")[0] for doc in material["docs"]})
    material["config"]["equivalents"] = glossary.search_equivalents(terms)
    index.write_text(json.dumps(material, ensure_ascii=False), encoding="utf-8")
