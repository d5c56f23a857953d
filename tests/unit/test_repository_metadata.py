"""The repository metadata GitHub reads (workflows, citation) is valid and does what the project promises."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.support import ROOT
from us_nordic_kb.build import bundle as build_bundle

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text())


def test_every_workflow_matches_the_github_workflow_schema():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 5
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *files],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_and_pushes_run_the_project_ci():
    ci = load("ci.yml")
    assert {"pull_request", "push"} <= set(ci[True])  # YAML 1.1 reads the key `on` as True
    assert any(step.get("run") == "bash .ci/run" for step in ci["jobs"]["test"]["steps"])
    assert "make test" in (ROOT / ".ci/run").read_text()


def test_every_pull_request_gets_a_preview_of_its_site():
    """The offline bundle as an artifact, and the pages whose text changed in the job summary."""
    steps = load("ci.yml")["jobs"]["test"]["steps"]
    after = steps[[s.get("run") for s in steps].index("bash .ci/run") + 1 :]
    upload = next(s for s in after if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == f"site/downloads/{build_bundle.BUNDLE_NAME}"
    summary = next(s for s in after if "us_nordic_kb.github.changed_pages" in s.get("run", ""))
    assert '"$GITHUB_STEP_SUMMARY"' in summary["run"] and "${{" not in summary["run"]
    for step in (upload, summary):
        assert "github.event_name == 'pull_request'" in step["if"]


def test_external_links_run_weekly_and_keep_their_report():
    external = load("external-links.yml")
    assert "schedule" in external[True] and "workflow_dispatch" in external[True]
    steps = external["jobs"]["external-links"]["steps"]
    assert any(s.get("run") == "make linkcheck-external" for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "reports/external-links.md"


def test_pushes_to_main_deploy_the_built_site():
    deploy = load("deploy.yml")
    assert deploy[True]["push"]["branches"] == ["main"]
    steps = deploy["jobs"]["build"]["steps"]
    assert any(s.get("run") == "make build" for s in steps)
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site" for s in steps)


def test_the_citation_file_is_valid_and_cites_the_report():
    result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.citation-file-format", str(ROOT / "CITATION.cff")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    report = citation["references"][0]
    assert report["authors"] == [{"name": "Strong Cities Network"}] and report["publisher"] == {"name": "Strong Cities Network"}
    assert "names no author" in report["notes"]


def test_a_fresh_install_is_tried_weekly_on_every_supported_python_with_its_own_pip():
    fresh = load("fresh-install.yml")
    assert "schedule" in fresh[True] and "workflow_dispatch" in fresh[True]
    job = fresh["jobs"]["fresh-install"]
    matrix = job["strategy"]["matrix"]
    assert matrix["python"] == ["3.10", "3.11", "3.12", "3.13"] and matrix["pip"] == ["stock"]
    assert {"python": "3.13", "pip": "newest"} in matrix["include"]
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs.index("python -m venv .venv") < runs.index("make build") < runs.index("make test-fast")
    assert any(run.startswith(".venv/bin/mkdocs build --strict") for run in runs)
