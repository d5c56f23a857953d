"""The tiers, by folder: tests/unit (no site built, no browser: `make test-fast`), tests/site
(a site built, a project copied, LinkChecker run) and tests/browser (Chromium). Every test outside
tests/unit is marked `slow`; a unit test that asks for a fixture of tests/builds.py, which build
sites and copy the project, is refused when the tests are collected, so that nothing slow joins
`make test-fast` unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["tests.builds"]

UNIT = Path(__file__).parent / "unit"


def pytest_collection_modifyitems(config, items):
    """Mark every test outside tests/unit as slow; refuse a unit test that builds."""
    misplaced = []
    for item in items:
        if not item.path.is_relative_to(UNIT):
            item.add_marker(pytest.mark.slow)
            continue
        building = sorted(
            name
            for name, definitions in item._fixtureinfo.name2fixturedefs.items()
            if any(d.func.__module__ == "tests.builds" for d in definitions)
        )
        if building:
            misplaced.append(f"{item.nodeid} uses {', '.join(building)} (tests/builds.py): move it to tests/site")
    if misplaced:
        raise pytest.UsageError("A unit test builds a site or copies the project:\n" + "\n".join(misplaced))
