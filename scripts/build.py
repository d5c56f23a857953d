"""The production build: the site with its downloads, swapped in only when all succeeded.

1. the offline profile (mkdocs.offline.yml) is built;
2. from its pages, one PDF per page that asks for it (`pdf: true`), and the registry as JSON
   and CSV, all of which the offline copy carries too; then it is zipped: the HTML bundle;
3. the PDF of the whole site is rendered from the same offline pages;
4. the published site is built with the downloads page listing every file, which are copied
   into site/downloads/, and the Atom feed of changes is written beside it.
A failed step leaves the last good site untouched.
Usage: python scripts/build.py [--site-dir site] [--config mkdocs.yml] [--skip-downloads]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import build_bundle
import build_pdf
import site_config

sys.path.insert(0, str(site_config.ROOT))
from macros import exports, history  # noqa: E402
from macros.registry import REGISTRY_PATH, load, parse, read  # noqa: E402

FEED = "changes/feed.xml"  # beside the Changes page, so that the page links it as "feed.xml"


def build(site_dir: Path, config: Path, downloads: bool = True) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    env = dict(site_config.MKDOCS_ENV)
    try:
        if downloads:
            offline, files, mkdocs_config = work / "offline", work / "downloads", site_config.load(config)
            build_bundle.build_offline(config, offline)
            write_feed(config, offline / FEED)
            build_pdf.render_pages(offline, mkdocs_config, files)
            write_data(Path(mkdocs_config.docs_dir), files)
            shutil.copytree(files, offline / "downloads", dirs_exist_ok=True)  # the bundle carries them
            build_bundle.zip_site(offline, files / build_bundle.BUNDLE_NAME)
            build_pdf.render(offline, mkdocs_config, files / build_pdf.PDF_NAME)
            env["KB_DOWNLOADS_DIR"] = str(files.resolve())
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging.resolve())],
            cwd=config.parent, env=env,
        )
        if result.returncode != 0:
            raise SystemExit("The site build failed.")
        if downloads:
            shutil.copytree(work / "downloads", staging / "downloads", dirs_exist_ok=True)
        write_feed(config, staging / FEED)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    swap(staging, site_dir)


def write_data(docs: Path, out: Path) -> None:
    """The registry as registry.json and registry.csv in `out`."""
    name = f"docs/{REGISTRY_PATH}"
    data, _ = parse(read(docs / REGISTRY_PATH, name), name)
    out.mkdir(parents=True, exist_ok=True)
    (out / "registry.json").write_text(exports.to_json(data), encoding="utf-8")
    (out / "registry.csv").write_text(exports.to_csv(load(docs / REGISTRY_PATH, name=name)), encoding="utf-8")


def write_feed(config: Path, out: Path) -> None:
    """The Atom feed of the site's changes, from one git call over the history of docs/."""
    mkdocs_config = site_config.load(config)
    commits = history.commits(config.parent)
    out.write_text(history.atom_feed(commits, mkdocs_config.site_name, mkdocs_config.site_url, FEED), encoding="utf-8")


def swap(new: Path, site_dir: Path) -> None:
    """Put `new` in place of `site_dir`, removing the old copy only after the move."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--skip-downloads", action="store_true", help="build the site only (quicker)")
    args = parser.parse_args()
    build(args.site_dir.resolve(), args.config.resolve(), downloads=not args.skip_downloads)
    print(f"Built {args.site_dir}")


if __name__ == "__main__":
    main()
