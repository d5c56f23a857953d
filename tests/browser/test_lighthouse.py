"""Lighthouse's accessibility score is 100 on every page, on a phone and on a desktop.

Lighthouse 12 (pinned in tests/lighthouse/package.json, installed by `make test` with npm ci)
drives Debian's Chromium. It needs Node.js; without it the tests are skipped with a message,
except in CI, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support import PAGES, ROOT

LIGHTHOUSE = ROOT / "tests/lighthouse"


def audit(base: str, paths: list[str]) -> list[dict]:
    """Lighthouse results for `paths` under `base`, in one process per core (two to four) side by side."""
    node = shutil.which("node")
    if node is None or not (LIGHTHOUSE / "node_modules/lighthouse").is_dir():
        message = "Lighthouse needs Node.js and `npm ci --prefix tests/lighthouse` (make test runs it when npm is installed)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}

    def run(part: list[str]) -> list[dict]:
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [node, "audit.mjs", base, *part], cwd=LIGHTHOUSE, capture_output=True, text=True, env=env, timeout=600
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return json.loads(result.stdout)

    workers = min(4, max(2, os.cpu_count() or 2))
    shares = [paths[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        return [r for results in pool.map(run, [s for s in shares if s]) for r in results]


def test_every_page_scores_100_for_accessibility_on_phone_and_desktop(site_url):
    results = audit(site_url, PAGES)
    assert len(results) == 2 * len(PAGES)
    assert [(r["path"], r["form"], r["score"], r["failing"]) for r in results if r["score"] < 1] == []


def test_a_search_dialog_without_a_name_is_caught(tmp_path, built_site):
    """The audit can fail: Material's search dialog as it ships, without our accessible name."""
    from us_nordic_kb.check.serve import serve

    page = tmp_path / "site"
    shutil.copytree(built_site, page)
    about = page / "about/index.html"
    html = about.read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search"' in html
    about.write_text(html.replace('role="dialog" aria-label="Search"', 'role="dialog"'), encoding="utf-8")
    with serve(page) as base:
        [phone, desktop] = audit(base, ["about/"])
    assert phone["score"] < 1 and "aria-dialog-name" in phone["failing"]
