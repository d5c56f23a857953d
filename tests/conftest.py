"""Shared fixtures: the real site built once per test session, throw-away project copies, and
the `slow` marker for every test that builds a site, runs LinkChecker or starts a browser
(`make test-fast` leaves those out)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from tests.support import ROOT, build, build_with_zensical, copy_project, small_project

# Fixtures that build a site, run LinkChecker or start a browser; tests that do so without one
# carry @pytest.mark.slow themselves.
SLOW_FIXTURES = {
    "built_site",
    "zensical_site",
    "browser",
    "site_url",
    "project",
    "small",
    "our_articles",
    "results",
    "scaled",
    "corpus",
}


def pytest_collection_modifyitems(items):
    """Mark as slow every test that uses one of the slow fixtures."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole session; `make test` builds it just
    before the tests and names it in KB_TEST_SITE, so that it is not built twice."""
    if prebuilt := os.environ.get("KB_TEST_SITE"):
        site = Path(prebuilt).resolve()
        assert (site / "index.html").is_file(), f"KB_TEST_SITE={prebuilt} is not a built site"
        return site
    site = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real site built by Zensical (scripts/build_zensical.py), once for the session."""
    if importlib.util.find_spec("zensical") is None:
        message = "Zensical is not installed (it needs Python 3.11 or newer): this test did not run."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = build_with_zensical(ROOT, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small(tmp_path) -> Path:
    """A private copy of the project's code with the small fixture site as its content."""
    return small_project(tmp_path / "small")
