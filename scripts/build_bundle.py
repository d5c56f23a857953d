"""Build the offline HTML bundle: the site built for file:// and zipped.

Usage: python -m scripts.build_bundle [--out .build/downloads] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import zipfile
from pathlib import Path

from macros.artifacts import artifact
from scripts import site_config

BUNDLE_NAME = artifact("offline-bundle").file
FOLDER = "us-nordic-prevention-kb"  # the folder the zip unpacks into


def build_offline(config: Path, dest: Path, engine: str = site_config.ENGINES[0]) -> None:
    """Strict build of the offline profile (mkdocs.offline.yml beside `config`) into `dest`."""
    shutil.rmtree(dest, ignore_errors=True)
    site_config.strict_build(config.with_name("mkdocs.offline.yml"), dest, engine)


def zip_site(source: Path, out: Path) -> Path:
    """Zip the built `source` folder into `out` under one top folder; return `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.name != "sitemap.xml.gz":
                bundle.write(path, f"{FOLDER}/{path.relative_to(source).as_posix()}")
    return out


def offline_from_command_line(description: str) -> tuple[argparse.Namespace, Path]:
    """Parse `--out` and `--config`, build the offline profile beside `--out`; return both.
    Shared by this command and scripts/build_pdf.py, which renders from the same pages."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=Path(".build/downloads"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    offline = args.out.parent / "offline"
    build_offline(args.config.resolve(), offline)
    return args, offline


def main() -> None:
    args, offline = offline_from_command_line(__doc__.splitlines()[0])
    print(f"Built {zip_site(offline, args.out / BUNDLE_NAME)}")


if __name__ == "__main__":
    main()
