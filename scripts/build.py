"""The production build: the site with its two downloads, swapped in only when all succeeded.

1. the offline profile (mkdocs.offline.yml) is built and zipped: the HTML bundle;
2. the PDF is rendered from the same offline pages;
3. the published site is built with the downloads page listing both files, which are
   copied into site/downloads/.
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


def build(site_dir: Path, config: Path, downloads: bool = True) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    env = dict(site_config.MKDOCS_ENV)
    try:
        if downloads:
            build_bundle.build_offline(config, work / "offline")
            build_bundle.zip_site(work / "offline", work / "downloads" / build_bundle.BUNDLE_NAME)
            build_pdf.render(work / "offline", site_config.load(config), work / "downloads" / build_pdf.PDF_NAME)
            env["KB_DOWNLOADS_DIR"] = str((work / "downloads").resolve())
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging.resolve())],
            cwd=config.parent, env=env,
        )
        if result.returncode != 0:
            raise SystemExit("The site build failed.")
        if downloads:
            shutil.copytree(work / "downloads", staging / "downloads", dirs_exist_ok=True)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    swap(staging, site_dir)


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
