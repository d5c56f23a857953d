"""`make build`: the production build into site/, with its downloads (build/production.py), or the
same site built by Zensical (build/zensical.py). The last good site survives a failed build.

Usage: python -m us_nordic_kb.build [--site-dir site] [--config mkdocs.yml] [--engine mkdocs|properdocs|zensical]
       [--skip-downloads]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from us_nordic_kb.build import production, zensical
from us_nordic_kb.engines import run
from us_nordic_kb.model import project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG))
    parser.add_argument("--engine", choices=[*run.ENGINES, "zensical"], default=run.ENGINES[0])
    parser.add_argument("--skip-downloads", action="store_true", help="build the site only (quicker; MkDocs or ProperDocs)")
    args = parser.parse_args()
    loaded = project.load(args.config)
    if args.engine == "zensical":
        zensical.build(loaded, args.site_dir.resolve())
    else:
        production.build(loaded, args.site_dir.resolve(), downloads=not args.skip_downloads, engine=args.engine)
    print(f"Built {args.site_dir}" + (" with Zensical" if args.engine == "zensical" else ""))


if __name__ == "__main__":
    main()
