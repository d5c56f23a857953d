"""MkDocs hooks (mkdocs.yml, `hooks:`): what the build does beside the pages, on MkDocs' events.
The pages themselves are handled through mkdocs-macros' page hooks (mkdocs_macros.py).

- on_files: no file under docs/ of a type the site does not publish, even when MkDocs is started
  without `make check` (model/published_files.py);
- on_post_build: what both searches need beyond Material's settings (search_settings.py), added
  to Material's index before Material's offline plugin copies it into the offline copy's script.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from us_nordic_kb.engines import search_settings
from us_nordic_kb.model import published_files


def on_files(files, config):
    if problems := published_files.problems(Path(config.docs_dir), Path(config.config_file_path).resolve().parent):
        raise PluginError("Files under docs/ that cannot be published:\n" + "\n".join(problems))
    return files


def on_post_build(config):
    search_settings.add_settings(Path(config.site_dir), Path(config.docs_dir))
