"""The fixtures that build a site or copy the project (tests in tests/site and tests/browser only,
see conftest.py): each site is built once per session."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from tests.support import ROOT, build, build_with_zensical, copy_project, small_project


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
    """The real site built by Zensical (build/zensical.py), once for the session."""
    if importlib.util.find_spec("zensical") is None:
        message = "Zensical is not installed (it needs Python 3.11 or newer): this test did not run."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = build_with_zensical(ROOT, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


@pytest.fixture(scope="session")
def small_site(tmp_path_factory) -> Path:
    """The small fixture site (tests/fixtures/docs), built once for the session, downloads left out."""
    project = small_project(tmp_path_factory.mktemp("small-site") / "project")
    result = build(project, project / "site", "--skip-downloads")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small(tmp_path) -> Path:
    """A private copy of the project's code with the small fixture site as its content."""
    return small_project(tmp_path / "small")
