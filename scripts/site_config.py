"""Read mkdocs.yml the way MkDocs does (INHERIT, !ENV), for the scripts and the tests."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

from macros import pages, topic_page

ROOT = Path(__file__).resolve().parent.parent
# The MkDocs 1.x engines that build this site from mkdocs.yml, the first the default (README,
# "Engines"): MkDocs 1.6.1, and ProperDocs, its maintained drop-in continuation.
ENGINES = ("mkdocs", "properdocs")
# The environment for running MkDocs: without its banner about MkDocs 2 (we pin MkDocs 1.x).
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def load(config_file: Path = ROOT / "mkdocs.yml"):
    """The validated MkDocs configuration."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return load_config(config_file=str(config_file))


def strict_build(config: Path, site_dir: Path, env: dict[str, str] | None = None, engine: str = ENGINES[0]) -> None:
    """`<engine> build --strict` of `config` into `site_dir`; stops with a message if it fails."""
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [
            sys.executable,
            "-m",
            engine,
            "build",
            "--strict",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir.resolve()),
        ],
        cwd=config.parent,
        env=env or MKDOCS_ENV,
    )
    if result.returncode != 0:
        raise SystemExit(f"The {engine} build of {config.name} failed.")


def front_matter(page: Path) -> dict:
    """The YAML front matter of a Markdown page ({} if it has none)."""
    return topic_page.front_matter(page.read_text(encoding="utf-8"))


def nav_pages(nav) -> list[str]:
    """Every Markdown path of a MkDocs nav, in reading order."""
    return pages.nav_pages(nav)


def html_path(page: str, directory_urls: bool) -> str:
    """The built file of a Markdown page, e.g. 'themes/a.md' -> 'themes/a/index.html' or 'themes/a.html'."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index") or not directory_urls:
        return stem + ".html"
    return stem + "/index.html"
