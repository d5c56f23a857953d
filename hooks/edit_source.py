"""MkDocs hook: a page whose front matter names `edit_source` gets its edit link pointed there.

Used where a page is generated from another file: the resource index is built from
docs/resources/registry.yml, and the contributing page includes CONTRIBUTING.md.
The path is relative to the repository root.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def on_page_markdown(markdown, page, config, files):
    source = page.meta.get("edit_source")
    if not source:
        return markdown
    root = Path(config.config_file_path).parent
    if not (root / source).is_file():
        raise PluginError(
            f"docs/{page.file.src_uri}: edit_source '{source}' does not exist — give a path from the repository root"
        )
    docs_folder = Path(config.docs_dir).name + "/"
    page.edit_url = config.repo_url.rstrip("/") + "/" + config.edit_uri.removesuffix(docs_folder) + source
    return markdown
