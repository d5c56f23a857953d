"""Publish a suggestion's entry as the bot's own pull request, and say on the issue what was done.

Run by .github/workflows/suggestion.yml after github/suggestion.py has added the entry and
`make check` has passed with it. The bot trusts only what it made (SECURITY.md, "Threat model"):

- its branch is `suggestion/issue-<number>` of this repository; if someone other than the bot
  has pushed to it since, nothing is overwritten and the issue is told so;
- its pull request is the open one whose head is that branch *of this repository* and whose
  author is the workflow's own identity (BOT_LOGINS). A pull request from a fork, or opened by
  anyone else, is never edited or commented on, whatever its branch is called: the bot opens
  its own beside it;
- the comment on the issue says what the job did and checked: the entry was added on the bot's
  branch, and `make check` passed with it.

`gh` and `git` are run as programs (the tests put stand-ins first on PATH); the repository is
`$GH_REPO` (owner/name), the token reaches git through `gh auth git-credential` in this process only.
Usage: python -m us_nordic_kb.github.suggestion_pr --issue N --out DIR --base main
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from pathlib import Path

REGISTRY = "docs/resources/registry.yml"
BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
# How `gh` names the author of a pull request opened with the workflow's token.
BOT_LOGINS = {"app/github-actions", "github-actions[bot]"}
CREDENTIALS = ["-c", "credential.helper=", "-c", "credential.helper=!gh auth git-credential"]


def run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    """A program's run, its output captured as text."""
    return subprocess.run(command, capture_output=True, text=True, check=check)  # noqa: S603 - fixed programs, our arguments


def own_pull_request(branch: str, repository: str) -> dict | None:
    """The open pull request the bot made from `branch` of `repository`, or None. Another
    pull request with a head of the same name (a fork's, or anyone else's) is not ours."""
    fields = "number,url,isCrossRepository,headRepositoryOwner,headRepository,author"
    # Asked of GitHub by author too, so that other pull requests of that name cannot crowd it out of the list.
    asked = ["--head", branch, "--author", "app/github-actions", "--state", "open", "--limit", "100", "--json", fields]
    listed = json.loads(run("gh", "pr", "list", *asked).stdout or "[]")
    owner, _, name = repository.partition("/")
    for pull in listed:
        head_owner = (pull.get("headRepositoryOwner") or {}).get("login")
        head_name = (pull.get("headRepository") or {}).get("name")
        author = (pull.get("author") or {}).get("login")
        if not pull.get("isCrossRepository") and (head_owner, head_name) == (owner, name) and author in BOT_LOGINS:
            return pull
    return None


def branch_is_ours(branch: str) -> bool:
    """Whether the branch is new, or its last commit is the bot's (anyone else's push is kept)."""
    fetched = run("git", *CREDENTIALS, "fetch", "--quiet", "--depth", "1", "origin", f"refs/heads/{branch}", check=False)
    return fetched.returncode != 0 or run("git", "log", "-1", "--format=%ae", "FETCH_HEAD").stdout.strip() == BOT_EMAIL


def publish(issue: int, out: Path, base: str, repository: str) -> str:
    """Push the bot's branch with the registry as github/suggestion.py left it, open or update
    the bot's own pull request, and return the comment for the issue."""
    branch = f"suggestion/issue-{issue}"
    pull = own_pull_request(branch, repository)
    if not branch_is_ours(branch):
        where = f"the pull request {pull['url']}" if pull else f"the branch {branch}"
        return f"Your edit was not applied: someone has changed {where} since. Please say there what to change.\n"
    run("git", "config", "user.name", BOT_NAME)
    run("git", "config", "user.email", BOT_EMAIL)
    run("git", "switch", "--create", branch)
    run("git", "add", REGISTRY)
    run("git", "commit", "--quiet", "--file", str(out / "commit.txt"))
    run("git", *CREDENTIALS, "push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}")
    title, body = (out / "title.txt").read_text(encoding="utf-8").strip(), str(out / "body.md")
    if pull:
        run("gh", "pr", "edit", str(pull["number"]), "--title", title, "--body-file", body)
        url = pull["url"]
    else:
        url = run("gh", "pr", "create", "--head", branch, "--base", base, "--title", title, "--body-file", body).stdout.strip()
    return (
        f"Thank you! This workflow added the resource to the registry on its branch `{branch}`, and `make check` "
        f"passed with it: {url}. A maintainer checks the facts before merging. To change an answer, edit this "
        "issue: the pull request follows.\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issue", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="the folder github/suggestion.py wrote the texts into")
    parser.add_argument("--base", required=True, help="the branch the pull request goes into")
    args = parser.parse_args(argv)
    repository = os.environ.get("GH_REPO", "")
    if "/" not in repository:
        raise SystemExit("suggestion_pr: GH_REPO must name this repository as owner/name")
    comment = publish(args.issue, args.out, args.base, repository)
    (args.out / "comment.md").write_text(comment, encoding="utf-8")


if __name__ == "__main__":
    main()
