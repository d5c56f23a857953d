"""Shared fixtures: the real site built once per test session, throw-away project copies, and
the `slow` marker for every test that builds the real site or runs a browser (`make test-fast`
leaves those out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT, build, copy_project, small_project

SLOW_FIXTURES = {"built_site", "browser", "site_url", "project"}


def pytest_collection_modifyitems(items):
    """Mark as slow what builds the real site (or a copy of it) or starts a browser."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole session."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small(tmp_path) -> Path:
    """A private copy of the project's code with the small fixture site as its content."""
    return small_project(tmp_path / "small")
