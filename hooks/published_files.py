"""MkDocs hook: the build publishes no file under docs/ of an unknown type, even when started
without `make check` (`mkdocs build`, `mkdocs serve`): macros/published_files.py says which."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import published_files


def on_files(files, config):
    if problems := published_files.problems(Path(config.docs_dir), Path(config.config_file_path).resolve().parent):
        raise PluginError("Files under docs/ that cannot be published:\n" + "\n".join(problems))
    return files
