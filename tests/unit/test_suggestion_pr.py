"""The suggestion bot trusts only what it made (github/suggestion_pr.py, issue 30 case 5): it
finds its pull request by head repository and author, never by a branch name anyone can choose.

`gh` is a stand-in that logs its calls and answers `pr list` from the test; `git` is real, with
a bare repository on disk as `origin`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from us_nordic_kb.github import suggestion_pr

REPO = "us-nordic-prevention/knowledge-base"
BRANCH = "suggestion/issue-12"
NEW_PULL = "https://github.com/us-nordic-prevention/knowledge-base/pull/99"
FAKE_GH = f"""#!{sys.executable}
import json, os, sys
with open(os.environ["FAKE_GH_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:3] == ["pr", "list"]:
    print(os.environ["FAKE_GH_LIST"])
elif sys.argv[1:3] == ["pr", "create"]:
    print("{NEW_PULL}")
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout  # noqa: S603, S607 - git from PATH, fixed arguments


def pull(number: int, *, fork: bool = False, owner: str = "us-nordic-prevention", author: str = "app/github-actions") -> dict:
    return {
        "number": number,
        "url": f"https://github.com/{REPO}/pull/{number}",
        "isCrossRepository": fork,
        "headRepositoryOwner": {"login": owner},
        "headRepository": {"name": "knowledge-base"},
        "author": {"login": author, "is_bot": author.startswith("app/")},
    }


@pytest.fixture
def bot(tmp_path, monkeypatch):
    """A clone whose registry has the new entry, the texts github/suggestion.py wrote, and `gh`."""
    origin, work, out, bin_dir = tmp_path / "origin.git", tmp_path / "work", tmp_path / "out", tmp_path / "bin"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    git(tmp_path, "clone", "--quiet", str(origin), str(work))
    (work / "docs/resources").mkdir(parents=True)
    (work / suggestion_pr.REGISTRY).write_text("entries:\n", encoding="utf-8")
    git(work, "-c", "user.name=M", "-c", "user.email=m@example.org", "commit", "--quiet", "--allow-empty", "-m", "start")
    git(work, "add", "-A")
    git(work, "-c", "user.name=M", "-c", "user.email=m@example.org", "commit", "--quiet", "-m", "registry")
    git(work, "push", "--quiet", "origin", "main")
    (work / suggestion_pr.REGISTRY).write_text("entries:\n  - id: new\n", encoding="utf-8")
    (work / "stray.txt").write_text("left by a step before\n", encoding="utf-8")  # never committed
    out.mkdir()
    for name, text in {"title.txt": "Resources: add New", "commit.txt": "Resources: add New\n", "body.md": "Closes #12."}.items():
        (out / name).write_text(text, encoding="utf-8")
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{__import__('os').environ['PATH']}")
    monkeypatch.setenv("FAKE_GH_LOG", str(tmp_path / "gh.log"))
    monkeypatch.chdir(work)

    def publish(listed: list[dict]) -> tuple[str, list[list[str]]]:
        monkeypatch.setenv("FAKE_GH_LIST", json.dumps(listed))
        comment = suggestion_pr.publish(12, out, "main", REPO)
        log = tmp_path / "gh.log"
        calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
        return comment, [c for c in calls if c[:1] == ["pr"] and c[1:2] != ["list"]]

    return publish, origin


def test_a_forks_pull_request_with_the_bots_branch_name_is_left_alone(bot):
    publish, origin = bot
    comment, calls = publish([pull(41, fork=True, owner="attacker")])
    assert [c[:2] for c in calls] == [["pr", "create"]]  # its own, beside the fork's; nothing edited
    assert NEW_PULL in comment and "/pull/41" not in comment
    assert "new" in git(origin, "show", f"{BRANCH}:{suggestion_pr.REGISTRY}")
    assert git(origin, "show", "--name-only", "--format=", BRANCH).split() == [suggestion_pr.REGISTRY]


def test_a_pull_request_of_this_repository_opened_by_someone_else_is_not_the_bots(bot):
    publish, _ = bot
    _, calls = publish([pull(42, author="a-contributor")])
    assert [c[:2] for c in calls] == [["pr", "create"]]


def test_the_bots_own_pull_request_is_updated(bot):
    publish, _ = bot
    comment, calls = publish([pull(41, fork=True, owner="attacker"), pull(7)])
    assert calls == [["pr", "edit", "7", "--title", "Resources: add New", "--body-file", calls[0][-1]]]
    assert f"https://github.com/{REPO}/pull/7" in comment
    assert "`make check` passed" in comment


def test_a_branch_someone_else_pushed_to_is_not_overwritten(bot, tmp_path):
    publish, origin = bot
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(origin), str(other))
    git(other, "switch", "--quiet", "--create", BRANCH)
    git(other, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "--quiet", "--allow-empty", "-m", "theirs")
    git(other, "push", "--quiet", "origin", BRANCH)
    comment, calls = publish([pull(7)])
    assert calls == [] and "was not applied" in comment
    assert git(origin, "log", "-1", "--format=%ae", BRANCH).strip() == "a@example.org"
