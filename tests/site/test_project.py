"""The project model (model/project.py): one place that reads the project's configuration, with our
settings typed, so that a misspelt one stops the check and the build."""

from __future__ import annotations

import subprocess
import sys

from tests.support import run_check, small_project


def test_a_misspelt_setting_stops_make_check_and_a_plain_mkdocs_build(tmp_path):
    project = small_project(tmp_path / "small")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  built_with:", "  built_wth:", 1), encoding="utf-8")
    checked = run_check(config=config)
    built = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
    )
    for result in (checked, built):
        assert (
            result.returncode != 0
            and "mkdocs.yml: extra.built_wth is not a setting of this site" in result.stdout + result.stderr
        )
