"""Shared fixtures: the real site built once per test session, and throw-away project copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, build, copy_project


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
