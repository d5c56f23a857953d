"""The site built by Zensical, the successor of Material for MkDocs (maintainers/engines.md), from
the same docs/, mkdocs.yml (through zensical.yml) and code (engines/zensical.py):

1. `make check`, as before the MkDocs build;
2. `zensical build --clean --strict` (strict: a link to a missing page or anchor fails it; clean:
   its page cache does not know that a page's frame and date depend on the registry and git);
3. the same steps as after the MkDocs build: the Content-Security-Policy and the guard, the
   Atom feed, the registry as JSON and CSV (build/steps.py), and the list of what Save for
   offline stores (build/save_offline.py);
4. the swap: the last good site stays if any step failed.

No PDFs and no offline bundle: both are made from MkDocs's offline build. Needs no MkDocs.
The command: `python -m us_nordic_kb.build --engine zensical` (build/__main__.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from zensical.config import parse_config

from us_nordic_kb.build import save_offline
from us_nordic_kb.build.steps import FEED, finish, refuse_what_check_rejects, swap, write_data, write_feed
from us_nordic_kb.model.project import Project

CONFIG = "zensical.yml"  # Zensical's profile, beside mkdocs.yml, which it INHERITs


def build(project: Project, site_dir: Path) -> None:
    """Build with Zensical into its own folder (zensical.yml's site_dir), then replace `site_dir` with it."""
    config = project.config_file.with_name(CONFIG)
    output = project.root / parse_config(str(config))["site_dir"]
    refuse_what_check_rejects(project)
    shutil.rmtree(output, ignore_errors=True)
    try:
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [sys.executable, "-m", "zensical", "build", "--clean", "--strict", "--config-file", str(config)], cwd=project.root
        )
        if result.returncode != 0:
            raise SystemExit("The Zensical build failed.")
        finish(output, project, inline_styles=True)  # Zensical's search styles itself in the browser (build/csp.py)
        write_feed(project, output / FEED)
        write_data(project, output / "downloads")
        save_offline.write_list(output)
    except (SystemExit, Exception):
        shutil.rmtree(output, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    swap(output, site_dir)
