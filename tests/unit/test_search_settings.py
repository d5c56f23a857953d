"""What both searches need beyond Material's own settings (engines/search_settings.add_settings, run
by engines/mkdocs_hooks.py and engines/zensical.py): the number of pages searched, and each glossary equivalent with the
English term it stands for, added to the settings of Material's search index."""

from __future__ import annotations

import json

from tests.support import ROOT
from us_nordic_kb.engines import search_settings
from us_nordic_kb.model import glossary

DOCS = [
    {"location": "", "title": "Home", "text": ""},
    {"location": "a/", "title": "A", "text": ""},
    {"location": "a/#part", "title": "Part", "text": ""},
]


def test_the_settings_gain_the_pages_searched_and_the_glossarys_equivalents(tmp_path):
    index = tmp_path / search_settings.MATERIAL_INDEX
    index.parent.mkdir()
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": DOCS}), encoding="utf-8")
    search_settings.add_settings(tmp_path, ROOT / "docs")
    settings = json.loads(index.read_text(encoding="utf-8"))
    assert settings["docs"] == DOCS
    assert settings["config"]["lang"] == ["en"] and settings["config"]["pages"] == 2
    terms = glossary.load(ROOT / "docs/glossary.yml", ROOT / "docs", "docs/glossary.yml")
    assert settings["config"]["equivalents"] == glossary.search_equivalents(terms)
    assert settings["config"]["equivalents"]["radikalisering"] == "Radicalisation"


def test_a_site_without_materials_index_is_left_as_it_is(tmp_path):
    search_settings.add_settings(tmp_path, ROOT / "docs")
    assert list(tmp_path.iterdir()) == []
