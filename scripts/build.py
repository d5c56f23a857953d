"""Build the site into a staging folder and swap it in only when everything succeeded.

A failed build leaves the last good site untouched.
Usage: python scripts/build.py [--site-dir site] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def build(site_dir: Path, config: Path) -> None:
    """Build strictly into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging.resolve())],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SystemExit(f"Build failed: {site_dir} was left as it was.")
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
    args = parser.parse_args()
    build(args.site_dir.resolve(), args.config.resolve())
    print(f"Built {args.site_dir}")


if __name__ == "__main__":
    main()
