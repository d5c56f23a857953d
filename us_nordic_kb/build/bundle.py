"""Build the offline HTML bundle: the site built for file:// and zipped.

Usage: python -m us_nordic_kb.build.bundle [--out .build/downloads] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import zipfile
from pathlib import Path

from us_nordic_kb.engines import run
from us_nordic_kb.model import project
from us_nordic_kb.model.artifacts import artifact
from us_nordic_kb.model.project import Project

BUNDLE_NAME = artifact("offline-bundle").file
FOLDER = "us-nordic-prevention-kb"  # the folder the zip unpacks into


def build_offline(loaded: Project, dest: Path, engine: str = run.ENGINES[0]) -> None:
    """Strict build of the project's offline profile into `dest`."""
    shutil.rmtree(dest, ignore_errors=True)
    run.strict_build(loaded.offline_config_file, dest, engine)


def files(source: Path) -> list[Path]:
    """The files of the built `source` folder that an offline copy carries, in order (the
    bundle and the Kiwix archive alike): all but the sitemap's compressed copy."""
    return [path for path in sorted(source.rglob("*")) if path.is_file() and path.name != "sitemap.xml.gz"]


def zip_site(source: Path, out: Path) -> Path:
    """Zip the built `source` folder into `out` under one top folder; return `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files(source):
            bundle.write(path, f"{FOLDER}/{path.relative_to(source).as_posix()}")
    return out


def offline_from_command_line(description: str) -> tuple[argparse.Namespace, Project, Path]:
    """Parse `--out` and `--config`, build the offline profile beside `--out`; return the
    arguments, the project and the offline copy. Shared by this command and build/pdf.py, which
    renders from the same pages."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=Path(".build/downloads"))
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG))
    args = parser.parse_args()
    loaded = project.load(args.config)
    offline = args.out.parent / "offline"
    build_offline(loaded, offline)
    return args, loaded, offline


def main() -> None:
    args, _, offline = offline_from_command_line(__doc__.splitlines()[0])
    print(f"Built {zip_site(offline, args.out / BUNDLE_NAME)}")


if __name__ == "__main__":
    main()
