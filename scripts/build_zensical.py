"""The site built by Zensical, the successor of Material for MkDocs (README, "Engines"), from
the same docs/, mkdocs.yml (through zensical.yml) and macros module:

1. `make check`, as before the MkDocs build;
2. `zensical build --clean --strict` (strict: a link to a missing page or anchor fails it; clean:
   its page cache does not know that a page's frame and date depend on the registry and git);
3. the same steps as after the MkDocs build: the Content-Security-Policy and the guard, the
   Atom feed, the registry as JSON and CSV (scripts/site_steps.py);
4. the swap: the last good site stays if any step failed.

No PDFs and no offline bundle: both are made from MkDocs's offline build. Needs no MkDocs.
Usage: python -m scripts.build_zensical [--site-dir .build/zensical/site] [--config zensical.yml]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from zensical.config import parse_config

from scripts.site_steps import FEED, finish, refuse_what_check_rejects, swap, write_data, write_feed


def build(site_dir: Path, config: Path) -> None:
    """Build with Zensical into its own folder (zensical.yml's site_dir), then replace `site_dir` with it."""
    settings = parse_config(str(config))
    root = Path(settings["root_dir"]).resolve()
    docs, output = root / settings["docs_dir"], root / settings["site_dir"]
    refuse_what_check_rejects(docs)
    shutil.rmtree(output, ignore_errors=True)
    try:
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [sys.executable, "-m", "zensical", "build", "--clean", "--strict", "--config-file", str(config)], cwd=root
        )
        if result.returncode != 0:
            raise SystemExit("The Zensical build failed.")
        finish(output, inline_styles=True)  # Zensical's search styles itself in the browser (scripts/csp.py)
        write_feed(root, settings["site_name"], settings["site_url"], output / FEED)
        write_data(docs, output / "downloads")
    except (SystemExit, Exception):
        shutil.rmtree(output, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    swap(output, site_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path(".build/zensical/site"))
    parser.add_argument("--config", type=Path, default=Path("zensical.yml"))
    args = parser.parse_args()
    build(args.site_dir.resolve(), args.config.resolve())
    print(f"Built {args.site_dir} with Zensical")


if __name__ == "__main__":
    main()
