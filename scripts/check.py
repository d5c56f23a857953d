"""Fast checks before a pull request: the registry and every page's front matter, no build.

Prints each problem as `file:line: what is wrong — how to fix it` and exits 1 if there is any.
Usage: python scripts/check.py [--docs docs] [--registry docs/resources/registry.yml]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.registry import REGISTRY_PATH, Registry, RegistryError, load  # noqa: E402

FRONT_MATTER_KEYS = {"description", "render_macros", "edit_source", "title", "hide", "search"}
DESCRIPTION_LENGTH = (60, 300)


def check_registry(path: Path, docs: Path, name: str) -> tuple[Registry | None, list[str]]:
    """The loaded registry (None if invalid) and its problems."""
    try:
        return load(path, docs_dir=docs, name=name), []
    except RegistryError as error:
        return None, [str(p) for p in error.problems]


def front_matter(text: str) -> tuple[str | None, int]:
    """The front matter block of a page (None if absent) and the line its body starts on."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    return (match.group(1), match.group(0).count("\n") + 1) if match else (None, 1)


def check_page(path: Path, name: str, topic_page: bool) -> list[str]:
    """Problems of one page's front matter and structure."""
    text = path.read_text(encoding="utf-8")
    block, body_line = front_matter(text)
    if block is None:
        return [f"{name}:1: no front matter — start the page with '---', a 'description:' line and '---'"]
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 2 if error.problem_mark else 1
        return [f"{name}:{line}: front matter is not valid YAML ({error.problem}) — fix the syntax; indent with spaces"]
    lines = {key: n for n, line in enumerate(block.splitlines(), start=2) for key in [line.split(":")[0]] if key in meta}
    problems = []
    for key in sorted(set(meta) - FRONT_MATTER_KEYS):
        problems.append(f"{name}:{lines.get(key, 1)}: unknown front matter key '{key}' — use one of: {', '.join(sorted(FRONT_MATTER_KEYS))}")
    description = meta.get("description")
    low, high = DESCRIPTION_LENGTH
    if not isinstance(description, str) or not description.strip():
        problems.append(f"{name}:1: front matter has no description — add 'description:' with one or two sentences for search engines and link previews")
    elif not low <= len(description.strip()) <= high:
        problems.append(f"{name}:{lines['description']}: description has {len(description.strip())} characters — write {low} to {high}")
    elif re.search(r'["<>]', description):
        problems.append(f"{name}:{lines['description']}: description contains \", < or > — use typographic quotes (“ ”) and plain text")
    render = meta.get("render_macros", False)
    if not isinstance(render, bool):
        problems.append(f"{name}:{lines['render_macros']}: render_macros is {render!r} — write true or false")
    body = text.split("\n")[body_line - 1:]
    macro_lines = [n for n, line in enumerate(body, start=body_line) if "{{" in line or "{%" in line]
    if macro_lines and render is not True:
        problems.append(f"{name}:{macro_lines[0]}: the page uses a macro but macros are off — add 'render_macros: true' to the front matter")
    if render is True:
        for n, line in enumerate(body, start=body_line):
            if "{#" in line:
                problems.append(f"{name}:{n}: '{{#' opens a Jinja comment on a page with macros — move the heading id to a page without macros or write it with attr_list spacing '{{ #id }}'")
    headings = [n for n, line in enumerate(body, start=body_line) if line.startswith("# ")]
    if len(headings) != 1:
        where = headings[1] if len(headings) > 1 else body_line
        problems.append(f"{name}:{where}: the page has {len(headings)} top-level headings — give it exactly one '# Title'")
    if topic_page and not any("{{ related() }}" in line for line in body):
        problems.append(f"{name}:{len(text.splitlines())}: theme or next-step page without its related block — end it with '{{{{ related() }}}}'")
    source = meta.get("edit_source")
    if source and not (ROOT / source).is_file():
        problems.append(f"{name}:{lines['edit_source']}: edit_source '{source}' does not exist — give a path from the repository root")
    return problems


def check(docs: Path, registry_file: Path) -> list[str]:
    """Every problem of the registry and of the pages under `docs`."""
    registry, problems = check_registry(registry_file, docs, display(registry_file))
    topic_pages = {t.page for t in registry.topics.values()} if registry else set()
    for page in sorted(docs.rglob("*.md")):
        relative = page.relative_to(docs).as_posix()
        if relative.startswith("includes/"):
            continue
        problems += check_page(page, display(page), relative in topic_pages)
    return problems


def display(path: Path) -> str:
    """A path as a contributor would type it: relative to the repository when inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--registry", type=Path, default=None)
    args = parser.parse_args()
    problems = check(args.docs, args.registry or args.docs / REGISTRY_PATH)
    for problem in problems:
        print(problem)
    print(f"make check: {len(problems)} problem(s)" if problems else "make check: registry and pages are fine")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
