"""The fixtures that build a site or copy the project (tests in tests/site and tests/browser only,
see conftest.py): each site is built once per session, also when the tests run in several
processes (pytest -n: the first to need a site builds it, the others wait for it and use it)."""

from __future__ import annotations

import fcntl
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import ROOT, build, build_with_zensical, copy_project, small_project


def once(tmp_path_factory, name: str, build_into: Callable[[Path], None]) -> Path:
    """The site `name`, built by `build_into(folder)` once for the whole test session: in the
    folder that all of the session's processes share, under a lock."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each process has a folder of its own under the session's
    site = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site / "index.html").is_file():
            build_into(site)
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole session; `make test` builds it just
    before the tests and names it in KB_TEST_SITE, so that it is not built twice."""
    if prebuilt := os.environ.get("KB_TEST_SITE"):
        site = Path(prebuilt).resolve()
        assert (site / "index.html").is_file(), f"KB_TEST_SITE={prebuilt} is not a built site"
        return site

    def build_into(site: Path) -> None:
        result = build(ROOT, site)
        assert result.returncode == 0, result.stdout + result.stderr

    return once(tmp_path_factory, "built-site", build_into)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real site built by Zensical (build/zensical.py), once for the session."""
    if importlib.util.find_spec("zensical") is None:
        message = "Zensical is not installed (it needs Python 3.11 or newer): this test did not run."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def build_into(site: Path) -> None:  # the one build of this project by Zensical: its work folder is the project's
        result = build_with_zensical(ROOT, site)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    return once(tmp_path_factory, "zensical-site", build_into)


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small(tmp_path) -> Path:
    """A private copy of the project's code with the small fixture site as its content."""
    return small_project(tmp_path / "small")
