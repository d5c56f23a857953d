"""MkDocs hook: what both searches need beyond Material's own settings (the number of pages
searched, each glossary equivalent with its English term: scripts/search_index.add_settings),
added to Material's search index once Material has written it, and before Material's offline
plugin copies it into the offline copy's script (that plugin runs last)."""

from __future__ import annotations

from pathlib import Path

from scripts import search_index


def on_post_build(config):
    search_index.add_settings(Path(config.site_dir), Path(config.docs_dir))
