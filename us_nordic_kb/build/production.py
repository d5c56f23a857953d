"""The production build, in one process: the site with its downloads, swapped in only when all
succeeded (the command: build/__main__.py).

1. `make check`: a page it rejects never ships;
2. the offline profile (mkdocs.offline.yml) is built, with its feed and Content-Security-Policy;
3. every artifact of model/artifacts.py is made, in its order, by its renderer in RENDERERS
   (the offline bundle and the Kiwix archive carry those marked in_bundle, made before them);
4. the published site is built, its downloads page listing every file, which are copied into
   site/downloads/, with the Atom feed of changes beside the Changes page;
5. its search index is built with Pagefind (build/search_index.py);
6. every page gets its Content-Security-Policy, and no page may still hold page source;
7. the list of what "Save for offline" stores is written last (build/save_offline.py).
A failed step leaves the last good site untouched.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from us_nordic_kb.build import bundle, csp, pdf, save_offline, search_index, zim
from us_nordic_kb.build.steps import (
    FEED,
    finish,
    refuse_unknown_types,
    refuse_what_check_rejects,
    swap,
    write_csv,
    write_feed,
    write_json,
)
from us_nordic_kb.engines import run
from us_nordic_kb.model.artifacts import ARTIFACTS, DOWNLOADS, Artifact
from us_nordic_kb.model.project import Project


@dataclass(frozen=True)
class Work:
    """What a renderer works from: the project, the offline build, the downloads folder."""

    project: Project
    offline: Path
    downloads: Path


def carrying_downloads(work: Work) -> Path:
    """The offline build with the downloads it carries (the artifacts `in_bundle`, made before
    it), as the offline bundle and the Kiwix archive hold it; every file of a type we publish."""
    for made in (a for a in ARTIFACTS if a.in_bundle):
        for path in work.downloads.glob(made.path("*")) if made.per_page else [work.downloads / made.file]:
            if path.is_file():
                target = work.offline / DOWNLOADS / path.relative_to(work.downloads)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    refuse_unknown_types(work.offline)
    return work.offline


# Each artifact's renderer: (what to make it from, where it goes under downloads/).
RENDERERS: dict[str, Callable[[Work, Path], object]] = {
    "page-pdfs": lambda work, downloads: pdf.render_pages(work.offline, work.project, downloads),
    "registry-json": lambda work, out: write_json(work.project, out),
    "registry-csv": lambda work, out: write_csv(work.project, out),
    "offline-bundle": lambda work, out: bundle.zip_site(carrying_downloads(work), out),
    "site-pdf": lambda work, out: pdf.render(work.offline, work.project, out),
    "zim": lambda work, out: zim.write(carrying_downloads(work), work.project, out),
}


def make(artifact: Artifact, work: Work) -> object:
    """Run the renderer of one artifact: into the downloads folder for a per-page one, else its file."""
    return RENDERERS[artifact.name](work, work.downloads if artifact.per_page else work.downloads / artifact.file)


def offline_copy(project: Project, work_dir: Path, engine: str) -> Work:
    """The offline profile built into `work_dir`/offline, with its feed and policy."""
    offline = work_dir / "offline"
    bundle.build_offline(project, offline, engine)
    write_feed(project, offline / FEED)
    csp.add_policy(offline, project, offline=True)
    return Work(project, offline, work_dir / DOWNLOADS)


def build(project: Project, site_dir: Path, downloads: bool = True, engine: str = run.ENGINES[0]) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work_dir = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work_dir, ignore_errors=True)
    refuse_what_check_rejects(project)
    try:
        listed = None
        if downloads:
            work = offline_copy(project, work_dir, engine)
            work.downloads.mkdir(parents=True)
            for artifact in ARTIFACTS:
                make(artifact, work)
            listed = work.downloads
        run.strict_build(project.config_file, staging, engine, listed)
        search_index.build(staging)
        finish(staging, project)
        if downloads:
            shutil.copytree(work_dir / DOWNLOADS, staging / DOWNLOADS, dirs_exist_ok=True)
        write_feed(project, staging / FEED)
        save_offline.write_list(staging)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    swap(staging, site_dir)
