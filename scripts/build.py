"""The production build: the site with its downloads, swapped in only when all succeeded.

1. the offline profile (mkdocs.offline.yml) is built;
2. from its pages, one PDF per page that asks for it (`pdf: true`), and the registry as JSON
   and CSV, all of which the offline copy carries too; then it is zipped: the HTML bundle;
3. the PDF of the whole site is rendered from the same offline pages;
4. the published site is built with the downloads page listing every file, which are copied
   into site/downloads/, and the Atom feed of changes is written beside it;
5. every page of both copies gets its Content-Security-Policy (scripts/csp.py), and no page may
   still hold macro syntax or front matter.
A failed step leaves the last good site untouched.
Usage: python -m scripts.build [--site-dir site] [--config mkdocs.yml] [--skip-downloads] [--engine properdocs]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from scripts import build_bundle, build_pdf, csp, site_config
from scripts.site_steps import FEED, finish, refuse_what_check_rejects, swap, write_data, write_feed


def build(site_dir: Path, config: Path, downloads: bool = True, engine: str = site_config.ENGINES[0]) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    env = dict(site_config.MKDOCS_ENV)
    mkdocs_config = site_config.load(config)
    docs = Path(mkdocs_config.docs_dir)
    refuse_what_check_rejects(docs)
    try:
        if downloads:
            offline, files = work / "offline", work / "downloads"
            build_bundle.build_offline(config, offline, engine)
            write_feed(config.parent, mkdocs_config.site_name, mkdocs_config.site_url, offline / FEED)
            csp.add_policy(offline, offline=True)
            build_pdf.render_pages(offline, mkdocs_config, files)
            write_data(docs, files)
            shutil.copytree(files, offline / "downloads", dirs_exist_ok=True)  # the bundle carries them
            build_bundle.zip_site(offline, files / build_bundle.BUNDLE_NAME)
            build_pdf.render(offline, mkdocs_config, files / build_pdf.PDF_NAME)
            env["KB_DOWNLOADS_DIR"] = str(files.resolve())
        site_config.strict_build(config, staging, env, engine)
        finish(staging)
        if downloads:
            shutil.copytree(work / "downloads", staging / "downloads", dirs_exist_ok=True)
        write_feed(config.parent, mkdocs_config.site_name, mkdocs_config.site_url, staging / FEED)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
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
