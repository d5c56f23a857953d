"""Build the offline HTML bundle: the site built for file:// and zipped.

Usage: python scripts/build_bundle.py [--out .build/downloads] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

BUNDLE_NAME = "us-nordic-prevention-kb-offline.zip"
FOLDER = "us-nordic-prevention-kb"  # the folder the zip unpacks into


def build_offline(config: Path, dest: Path) -> None:
    """Strict build of the offline profile (mkdocs.offline.yml beside `config`) into `dest`."""
    shutil.rmtree(dest, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(config.with_name("mkdocs.offline.yml")), "--site-dir", str(dest.resolve())],
        cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise SystemExit("The offline build failed.")


def zip_site(source: Path, out: Path) -> Path:
    """Zip the built `source` folder into `out` under one top folder; return `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.name != "sitemap.xml.gz":
                bundle.write(path, f"{FOLDER}/{path.relative_to(source).as_posix()}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".build/downloads"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    offline = args.out.parent / "offline"
    build_offline(args.config.resolve(), offline)
    print(f"Built {zip_site(offline, args.out / BUNDLE_NAME)}")


if __name__ == "__main__":
    main()
