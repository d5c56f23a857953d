"""Turn a submitted “Suggest a resource” form into a registry entry, checked like any other.

The issue is read from the event file GitHub writes ($GITHUB_EVENT_PATH), never from the command
line or the environment: everything in it is untrusted. The entry is emitted with
yaml.safe_dump, validated by the registry's own loader, then `make check`'s checks run with it.
If all pass, it is appended to the registry and DIR gets the pull request's title.txt,
commit.txt and body.md; if not, the registry is left as it was and DIR gets comment.md, which
names each field to fix and why. Nothing of the form's text is printed.

Usage: python -m us_nordic_kb.github.suggestion --event FILE --out DIR [--config mkdocs.yml] [--github-output FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from us_nordic_kb.github import issue_form
from us_nordic_kb.github.markdown_text import escape, fenced
from us_nordic_kb.model import project, urls
from us_nordic_kb.model.data_files import TEMPLATE_SYNTAX, DataFileError, Problem
from us_nordic_kb.model.labels import topic_label
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import REGISTRY_PATH, REPORT_PARTS, Registry, load

FORM = Path(".github/ISSUE_TEMPLATE/suggest-resource.yml")  # under the project's root
MAX_CHARS = 600  # per answer; a description is one or two sentences
MAX_ID = 60
SCHEMA_NAME = "registry.schema.json"  # beside the registry
# “How sure are you?”: the box ticked for each fact that could not be confirmed -> the field.
UNVERIFIED = {
    "I could not confirm the official name": "name",
    "I could not confirm the publisher or owner": "owner",
    "I could not confirm the year": "year",
    "I could not confirm the description": "description",
}
TEXT_ANSWERS = ("name", "kind", "country", "owner", "url", "url_note", "year", "description", "why")
# What no answer may hold once its whitespace is collapsed: control characters, and the invisible
# marks that reverse the direction of text (they make a name read differently from what it is).
_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORM_WIDE, CHECKS = "", "check"  # problems that concern no single answer


@dataclass
class Outcome:
    """The entry added (None if the form cannot become one) and what to fix, by field id."""

    entry: dict | None
    problems: list[tuple[str, str]] = field(default_factory=list)
    block: str = ""  # the YAML appended to the registry
    why: str = ""


def topic_labels(registry: Registry) -> dict[str, str]:
    """The form's box for each topic of the registry ('Key theme 1: <its page's title>') -> its id."""
    return {topic_label(t): t.id for t in registry.topics_of("theme") + registry.topics_of("next-step")}


def part_labels(registry: Registry) -> dict[str, str]:
    """The form's box for each part of the report that can name an entry -> its id."""
    return topic_labels(registry) | {label: part for part, label in REPORT_PARTS.items()}


def slug(name: str, taken: set[str]) -> str:
    """A lower-case-hyphen id from `name` (accents dropped, at most MAX_ID characters, whole
    words where possible), made unique against `taken` with -2, -3..."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
    base = ""
    for word in words:
        if base and len(base) + 1 + len(word) > MAX_ID:
            break
        base = f"{base}-{word}" if base else word[:MAX_ID]
    base = base or "resource"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def entry_from(answers: dict[str, str | list[str]], registry: Registry, required: set[str]) -> tuple[dict, list[tuple[str, str]]]:
    """The registry entry the answers describe, and what is wrong with them, by field id;
    `required` are the ids of the questions that need an answer."""
    problems: list[tuple[str, str]] = []
    text: dict[str, str] = {}
    for key in TEXT_ANSWERS:
        raw = answers.get(key, "")
        value = " ".join(raw.split()) if isinstance(raw, str) else ""
        if not value and key in required:
            problems.append((key, "is empty — answer it"))
        elif hidden := _HIDDEN.search(value):
            problems.append((key, f"holds the invisible character U+{ord(hidden.group()):04X} — retype the answer"))
        elif mark := next((m for m in TEMPLATE_SYNTAX if m in value), None):
            problems.append((key, f"holds '{mark}', template syntax — the site shows text as it is written; remove it"))
        elif len(value) > MAX_CHARS:
            problems.append((key, f"has {len(value)} characters — keep it under {MAX_CHARS}"))
        text[key] = value
    taken = set(registry.topics) | set(registry.entries)
    entry: dict[str, object] = {"id": slug(text["name"], taken)}
    for key in ("kind", "name", "description", "owner", "country"):
        entry[key] = text[key]
    if text["year"]:
        if re.fullmatch(r"[0-9]{4}", text["year"]):
            entry["year"] = int(text["year"])
        else:
            problems.append(("year", "write the year as four digits, such as 2021, or leave it empty"))
    entry["url"] = None
    if text["url"]:
        try:
            entry["url"] = urls.canonical(text["url"])  # the one form the registry holds
        except ValueError as error:
            problems.append(("url", str(error)))
    if text["url_note"]:
        entry["url_note"] = text["url_note"]
    elif not text["url"]:
        problems.append(("url", "give the official address, or say under “About the address” why there is none"))
    parts, topics = part_labels(registry), topic_labels(registry)
    named_in = [parts[label] for label in _ticked(answers, "named_in") if label in parts]
    if not named_in:
        problems.append(("named_in", "tick at least one part of the report — the index lists only what the report names"))
    entry["named_in"] = named_in
    links = [topics[label] for label in _ticked(answers, "editors_links") if label in topics]
    if links := [link for link in links if link not in named_in]:  # a topic ticked in both is the report's
        entry["editors_links"] = links
    unverified = [UNVERIFIED[label] for label in _ticked(answers, "unverified") if label in UNVERIFIED]
    if unverified := [name for name in unverified if name in entry]:  # not a year that was not given
        entry["unverified"] = unverified
    return entry, problems


def _ticked(answers: dict[str, str | list[str]], key: str) -> list[str]:
    value = answers.get(key, [])
    return value if isinstance(value, list) else []


def append_entry(registry: str, entry: dict) -> tuple[str, str, int]:
    """The registry's text with `entry` appended to its entries, the YAML block added, and the
    line (from 1) the block starts on. The block is yaml.safe_dump's, indented as a list item."""
    block = textwrap.indent(
        yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=100), "  "
    )
    lines = registry.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"entries:\s*(#.*)?$", line)), None)
    if start is None:
        raise ValueError("the registry has no block list 'entries:'")
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[^\s#]", lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end] + ["\n", block] + lines[end:]), block, end + 2


def field_lines(block: str, first: int) -> dict[int, str]:
    """Every line of the block appended at line `first` -> the entry's field it belongs to."""
    found: dict[int, str] = {}
    current = "id"
    for offset, line in enumerate(block.splitlines()):
        if match := re.match(r"  (?:- |  )([a-z_]+):", line):
            current = match.group(1)
        found[first + offset] = current
    return found


def _field_at(line: int, where: str, fields: dict[int, str]) -> str:
    """The field of the new entry that a problem at `line` concerns; CHECKS if not the new entry."""
    if line not in fields:
        return CHECKS
    named = re.search(r"field '([a-z_]+)'", where)
    return named.group(1) if named else fields[line]


def loader_problems(candidate: str, docs: Path, name: str) -> list[Problem]:
    """The registry loader's problems with the candidate registry text, written to a temp file
    beside a copy of the registry's JSON Schema."""
    schema = (docs / REGISTRY_PATH).with_name(SCHEMA_NAME)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registry.yml"
        path.write_text(candidate, encoding="utf-8")
        if schema.is_file():
            shutil.copy2(schema, path.with_name(SCHEMA_NAME))
        try:
            load(path, docs_dir=docs, name=name)
        except DataFileError as error:
            return error.problems
    return []


def check_problems(project: Project, docs: Path, fields: dict[int, str]) -> list[tuple[str, str]]:
    """`make check`'s problems with the registry of `docs` as it now is, each given to the field it names."""
    from us_nordic_kb.check.checks import check  # the syllable dictionary loads only when this runs

    registry = docs / REGISTRY_PATH
    names = (f"docs/{REGISTRY_PATH}:", f"{project.display(registry)}:")
    found = []
    for problem in check(project, docs, registry).problems:
        prefix = next((n for n in names if problem.startswith(n)), None)
        located = re.match(r"(\d+): (.*)", problem[len(prefix) :], re.S) if prefix else None
        where = _field_at(int(located.group(1)), "", fields) if located else CHECKS
        found.append((where, located.group(2) if located and where != CHECKS else problem))
    return found


def suggest(body: str, project: Project, docs: Path | None = None, run_check: bool = True) -> Outcome:
    """Add the entry that the form `body` describes to the registry of `docs` (default: the
    project's), if it is valid and (with `run_check`) `make check` passes with it; otherwise leave
    the registry as it was."""
    docs = docs or project.docs_dir
    questions = issue_form.fields(project.root / FORM)
    answers, form_problems = issue_form.read(body, questions)
    if FORM_WIDE in form_problems:
        return Outcome(None, [(FORM_WIDE, form_problems[FORM_WIDE])])
    registry = docs / REGISTRY_PATH
    original = registry.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    current = load(registry, docs, name=f"docs/{REGISTRY_PATH}")
    entry, problems = entry_from(answers, current, {q.id for q in questions if q.required})
    problems = list(form_problems.items()) + problems
    why = " ".join(str(answers.get("why", "")).split())
    # The loader judges the answers that passed the form's own checks, so that one round of
    # edits can fix every field: a field already refused is left out (the loader then calls it
    # missing, which the first problem of that field stands for).
    refused = {where for where, _ in problems}
    candidate, block, first = append_entry(original, {k: v for k, v in entry.items() if k == "id" or k not in refused})
    fields = field_lines(block, first)
    found = loader_problems(candidate, docs, f"docs/{REGISTRY_PATH}")
    problems += [(_field_at(p.line, p.where, fields), p.message) for p in found]
    if problems:
        return Outcome(None, _first_per_field(problems))
    after = yaml.safe_load(candidate)
    if after["entries"] != data["entries"] + [entry] or {**after, "entries": None} != {**data, "entries": None}:
        raise RuntimeError("the registry with the entry appended does not read back as written")
    registry.write_text(candidate, encoding="utf-8")
    if run_check and (found_by_check := check_problems(project, docs, fields)):
        registry.write_text(original, encoding="utf-8")
        return Outcome(None, _first_per_field(found_by_check))
    return Outcome(entry, [], block, why)


def _first_per_field(problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One problem per answer (fixing it may fix the rest), every problem of the checks."""
    seen: set[str] = set()
    kept = []
    for where, message in problems:
        if where == CHECKS or where not in seen:
            kept.append((where, message))
            seen.add(where)
    return kept


def comment(problems: list[tuple[str, str]], project: Project) -> str:
    """The issue comment that says which answers to change, and why."""
    labels = {q.id: q.label for q in issue_form.fields(project.root / FORM)} | {
        "id": "Official name",
        FORM_WIDE: "The form",
        CHECKS: "The site's checks (make check)",
    }
    items = "\n".join(f"- **{labels.get(where, where)}**: {escape(message)}" for where, message in problems)
    return (
        "Thank you for the suggestion. It cannot become an entry of the resource index yet. Please edit "
        "this issue (the ··· menu, then **Edit**) and change the answers below. The workflow tries again "
        f"when you save.\n\n{items}\n\nIf something is unclear, ask here: a maintainer will help.\n"
    )


def pull_request(outcome: Outcome, number: int) -> tuple[str, str, str]:
    """The title, commit message and body of the pull request that adds the entry."""
    assert outcome.entry is not None  # noqa: S101 - only called for an entry that was added
    name = str(outcome.entry["name"])
    title = f"Resources: add {name if len(name) <= 80 else name[:79] + '…'}"
    commit = f"{title}\n\nSuggested in #{number} through the “Suggest a resource” form.\n"
    body = (
        f"Closes #{number}.\n\n"
        f"This pull request was made from the **Suggest a resource** form in #{number}. It adds one entry to "
        "`docs/resources/registry.yml`, and `make check` passed with it:\n\n"
        f"{fenced(outcome.block, 'yaml')}\n\n"
        f"Where the report names it, or why it belongs, in the submitter's words:\n\n{fenced(outcome.why, 'text')}\n\n"
        "Before merging, a maintainer:\n\n"
        "- confirms each fact and the address on the official page, and that the description is in our own words;\n"
        "- may move the entry to its group in the file, and link it with `ref` where a page discusses it;\n"
        f"- starts CI on this branch, as a pull request opened by a workflow does not start it: Actions → CI → "
        f"Run workflow, branch `suggestion/issue-{number}`.\n"
    )
    return title, commit, body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", type=Path, required=True, help="the event's payload file ($GITHUB_EVENT_PATH)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the comment or the pull request's texts")
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), help="the project's configuration")
    parser.add_argument("--docs", type=Path, help="another docs folder, whose registry gets the entry (tests)")
    parser.add_argument("--github-output", type=Path, help="the step's output file ($GITHUB_OUTPUT): valid=true|false")
    args = parser.parse_args(argv)
    issue = json.loads(args.event.read_text(encoding="utf-8")).get("issue") or {}
    number, body = issue.get("number"), issue.get("body") or ""
    if not isinstance(number, int) or not isinstance(body, str):
        raise SystemExit("suggestion: the event file holds no issue")
    loaded = project.load(args.config)
    outcome = suggest(body, loaded, args.docs)
    args.out.mkdir(parents=True, exist_ok=True)
    if outcome.entry is not None:
        for name, text in zip(("title.txt", "commit.txt", "body.md"), pull_request(outcome, number), strict=True):
            (args.out / name).write_text(text, encoding="utf-8")
        print(f"suggestion: entry '{outcome.entry['id']}' added to docs/{REGISTRY_PATH}")
    else:
        (args.out / "comment.md").write_text(comment(outcome.problems, loaded), encoding="utf-8")
        print(f"suggestion: {len(outcome.problems)} problem(s); the comment says which answers to change")
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as output:
            output.write(f"valid={'true' if outcome.entry is not None else 'false'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
