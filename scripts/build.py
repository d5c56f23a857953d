"""The production build, in one process: the site with its downloads, swapped in only when all
succeeded.

1. `make check`: a page it rejects never ships;
2. the offline profile (mkdocs.offline.yml) is built, with its feed and Content-Security-Policy;
3. every artifact of macros/artifacts.py is made, in its order, by its renderer in RENDERERS
   (the offline bundle carries those made before it);
4. the published site is built, its downloads page listing every file, which are copied into
   site/downloads/, with the Atom feed of changes beside the Changes page;
5. its search index is built with Pagefind (scripts/search_index.py);
6. every page gets its Content-Security-Policy, and no page may still hold page source.
A failed step leaves the last good site untouched.
Usage: python -m scripts.build [--site-dir site] [--config mkdocs.yml] [--skip-downloads] [--engine properdocs]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.artifacts import ARTIFACTS, DOWNLOADS, Artifact
from scripts import build_bundle, build_pdf, csp, search_index, site_config
from scripts.site_steps import (
    FEED,
    finish,
    refuse_unknown_types,
    refuse_what_check_rejects,
    swap,
    write_csv,
    write_feed,
    write_json,
)


@dataclass(frozen=True)
class Work:
    """What a renderer works from: the configuration, the offline build, the downloads folder."""

    config: object  # the loaded MkDocs configuration
    docs: Path
    offline: Path
    downloads: Path


def bundle(work: Work, out: Path) -> None:
    """The offline build, carrying the downloads made so far, zipped."""
    shutil.copytree(work.downloads, work.offline / DOWNLOADS, dirs_exist_ok=True)
    refuse_unknown_types(work.offline)
    build_bundle.zip_site(work.offline, out)


# Each artifact's renderer: (what to make it from, where it goes under downloads/).
RENDERERS: dict[str, Callable[[Work, Path], object]] = {
    "page-pdfs": lambda work, downloads: build_pdf.render_pages(work.offline, work.config, downloads),
    "registry-json": lambda work, out: write_json(work.docs, out),
    "registry-csv": lambda work, out: write_csv(work.docs, out),
    "offline-bundle": bundle,
    "site-pdf": lambda work, out: build_pdf.render(work.offline, work.config, out),
}


def make(artifact: Artifact, work: Work) -> object:
    """Run the renderer of one artifact: into the downloads folder for a per-page one, else its file."""
    return RENDERERS[artifact.name](work, work.downloads if artifact.per_page else work.downloads / artifact.file)


def offline_copy(config: Path, work_dir: Path, engine: str) -> Work:
    """The offline profile built into `work_dir`/offline, with its feed and policy."""
    loaded = site_config.load(config)
    offline = work_dir / "offline"
    build_bundle.build_offline(config, offline, engine)
    write_feed(config.parent, loaded.site_name, loaded.site_url, offline / FEED)
    csp.add_policy(offline, offline=True)
    return Work(loaded, Path(loaded.docs_dir), offline, work_dir / DOWNLOADS)


def build(site_dir: Path, config: Path, downloads: bool = True, engine: str = site_config.ENGINES[0]) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work_dir = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work_dir, ignore_errors=True)
    loaded = site_config.load(config)
    refuse_what_check_rejects(Path(loaded.docs_dir))
    try:
        listed = None
        if downloads:
            work = offline_copy(config, work_dir, engine)
            work.downloads.mkdir(parents=True)
            for artifact in ARTIFACTS:
                make(artifact, work)
            listed = work.downloads
        site_config.strict_build(config, staging, engine, listed)
        search_index.build(staging)
        finish(staging)
        if downloads:
            shutil.copytree(work_dir / DOWNLOADS, staging / DOWNLOADS, dirs_exist_ok=True)
        write_feed(config.parent, loaded.site_name, loaded.site_url, staging / FEED)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    swap(staging, site_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--skip-downloads", action="store_true", help="build the site only (quicker)")
    parser.add_argument("--engine", choices=site_config.ENGINES, default=site_config.ENGINES[0], help="MkDocs or ProperDocs")
    args = parser.parse_args()
    build(args.site_dir.resolve(), args.config.resolve(), downloads=not args.skip_downloads, engine=args.engine)
    print(f"Built {args.site_dir}")


if __name__ == "__main__":
    main()
