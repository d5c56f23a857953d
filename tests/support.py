"""Paths and helpers shared by the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ["CONTRIBUTING.md", "CITATION.cff", "docs", "hooks", "macros", "overrides", "scripts", "linkcheck", "pdf", "mkdocs.yml", "mkdocs.offline.yml"]


def copy_project(dest: Path) -> Path:
    """Copy what a build needs into `dest` and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def build(project: Path, site_dir: Path | None = None, *options: str) -> subprocess.CompletedProcess:
    """Run the production build of `project`; return the finished process (output captured)."""
    site_dir = site_dir or project / "site"
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), "--site-dir", str(site_dir), "--config", str(project / "mkdocs.yml"), *options],
        cwd=project, capture_output=True, text=True,
    )
