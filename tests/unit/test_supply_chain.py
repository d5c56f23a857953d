"""A supply chain a public body's security review would pass: every package installed against
its hash, actions pinned to commits with the least permissions, zizmor silent, updates proposed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: pytest brings tomli
    import tomli as tomllib

from tests.support import ROOT

LOCK = ROOT / "requirements.lock"
WORKFLOWS = ROOT / ".github" / "workflows"


def locked() -> dict[str, list[str]]:
    """Each locked requirement line ('name==version ; marker') -> its hashes."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            current = line.rstrip(" \\")
            entries[current] = []
        elif current and (match := re.search(r"--hash=(sha256:[0-9a-f]{64})", line)):
            entries[current].append(match.group(1))
    return entries


def test_every_locked_package_has_its_hashes_and_every_pin_is_locked():
    entries = locked()
    assert entries and all(hashes for hashes in entries.values()), [e for e, h in entries.items() if not h]
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    pins = [p for group in groups.values() for p in group if isinstance(p, str)]
    for pin in pins:
        name, version = re.match(r"([A-Za-z0-9_.-]+)==([^;\s]+)", pin).groups()
        assert any(
            e.startswith(f"{name.lower().replace('_', '-')}=={version}") or e.lower().startswith(f"{name.lower()}=={version}")
            for e in entries
        ), f"{pin} is not in requirements.lock — run make lock"
    assert "constraints.txt" not in (ROOT / "Makefile").read_text() and "--require-hashes" in (ROOT / "Makefile").read_text()


def test_a_file_whose_hash_changed_fails_the_install(tmp_path):
    """pip refuses a package whose file does not match the locked hash (a replaced file on the index)."""
    entry = next(e for e in locked() if e.startswith("mergedeep=="))
    requirements = tmp_path / "tampered.txt"
    requirements.write_text(f"{entry} --hash=sha256:{'0' * 64}\n")
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--require-hashes",
            "--no-deps",
            "-d",
            str(tmp_path / "d"),
            "-r",
            str(requirements),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES" in result.stderr, result.stderr[-1500:]


@pytest.mark.parametrize("workflow", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_action_is_pinned_to_a_commit_and_every_job_has_least_permissions(workflow):
    text = (WORKFLOWS / workflow).read_text(encoding="utf-8")
    for uses in re.findall(r"uses:\s*(\S+.*)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", uses), uses
    data = yaml.safe_load(text)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        assert "permissions" in job and "write-all" not in str(job["permissions"]), (workflow, name)
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, (workflow, name)


def test_zizmor_finds_nothing_in_the_workflows():
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [str(Path(sys.executable).parent / "zizmor"), "--offline", str(WORKFLOWS)], capture_output=True, text=True
    )
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, result.stdout[-2000:]


def test_dependabot_proposes_grouped_weekly_updates():
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot", str(ROOT / ".github/dependabot.yml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    updates = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())["updates"]
    assert {u["package-ecosystem"] for u in updates} >= {"pip", "github-actions"}
    assert all(u["schedule"]["interval"] == "weekly" and u["groups"] for u in updates)


def test_the_security_policy_says_how_to_report_and_is_linked_from_contributing():
    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for heading in ["## Report a problem privately", "## What is in scope", "## Supported versions"]:
        assert heading in policy
    assert "SECURITY.md" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
