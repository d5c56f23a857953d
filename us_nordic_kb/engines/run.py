"""Run an engine's build: a configuration built strictly with MkDocs (in this process) or
ProperDocs (in a process of its own), given the folder of this build's downloads. The one place
that hands that folder to the engine, as the setting the project model reads (model/project.py)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import subprocess
import sys
from pathlib import Path

# The MkDocs 1.x engines that build this site from mkdocs.yml, the first the default
# (maintainers/engines.md): MkDocs 1.6.1, and ProperDocs, its maintained drop-in continuation.
ENGINES = ("mkdocs", "properdocs")
# The environment for running MkDocs: without its banner about MkDocs 2 (we pin MkDocs 1.x).
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def load(config_file: Path, **overrides):
    """The configuration as MkDocs validates it (with `overrides` of its settings)."""
    from mkdocs.config import load_config  # here, so that ProperDocs can take over the name first (see main)

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return load_config(config_file=str(config_file), **overrides)


def strict_build(config: Path, site_dir: Path, engine: str = ENGINES[0], downloads: Path | None = None) -> None:
    """A strict build of `config` into `site_dir`, in this process, with MkDocs's own build function
    and `downloads` as the folder whose files the downloads page lists; stops with a message if it
    fails. ProperDocs builds in a process of its own (this module's command line), because it takes
    over MkDocs's module names when it starts."""
    if engine != "mkdocs" and f"{engine}.replacement" not in sys.modules:
        command = [sys.executable, "-m", __name__, str(config), str(site_dir), "--engine", engine]
        command += ["--downloads", str(downloads)] if downloads else []
        if subprocess.run(command, env=MKDOCS_ENV).returncode != 0:  # noqa: S603 - fixed argument list, no shell
            raise SystemExit(f"The {engine} build of {config.name} failed.")
        return
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # strict mode counts the warnings that reach the logger
    try:
        loaded = load(config, site_dir=str(site_dir.resolve()), strict=True)
        loaded["extra"]["downloads_dir"] = str(downloads.resolve()) if downloads else ""
        loaded.plugins.on_startup(command="build", dirty=False)
        try:
            build(loaded)
        finally:
            loaded.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        raise SystemExit(f"The {engine} build of {config.name} failed: {error}") from None


def main() -> None:
    """Build with an engine that must start in a process of its own (see strict_build)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--engine", choices=ENGINES, required=True)
    parser.add_argument("--downloads", type=Path)
    args = parser.parse_args()
    importlib.import_module(f"{args.engine}.replacement")  # MkDocs's module names now lead to the engine's own
    strict_build(args.config, args.site_dir, args.engine, args.downloads)


if __name__ == "__main__":
    main()
