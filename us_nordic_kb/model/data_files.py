"""Read the project's data files (the registry, the glossary, the comparison, the roles) the one
safe way: regular UTF-8 files of bounded size, without control characters, YAML anchors or
aliases, or template syntax, parsed once with libyaml into data and the line of every value;
a key twice in one mapping, or an id twice in one list, is refused.
Every problem is reported as `file:line: where: what is wrong — how to fix it`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# What opens template syntax (Jinja's): no data file may hold it, and no rendered page either
# (render/sandbox.py), since data is shown, never run.
TEMPLATE_SYNTAX = ("{{", "{%", "{#")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader where PyYAML was built with it (its wheels are): one parse, ten times
    faster. Dates stay text ("2024-06-17"), as the schema and the pages expect."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the registry, located as precisely as we can."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class DataFileError(Exception):
    """Raised with every problem found, so a contributor can fix them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# A data file larger than this is refused before it is parsed (today's registry is ~60 kB; the
# benchmark's 100x registry ~6 MB).
MAX_DATA_BYTES = 16 * 1024 * 1024
# Characters no data file needs: C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def read(path: Path, name: str) -> str:
    """The text of a data file, or DataFileError saying why it cannot be used: a data file is a
    regular file (not a symbolic link, which could point anywhere), at most MAX_DATA_BYTES long,
    UTF-8, without control characters. Nothing of a refused file is echoed."""

    def refuse(line: int, message: str) -> DataFileError:
        return DataFileError([Problem(name, line, "file", message)])

    if path.is_symlink():
        raise refuse(1, "is a symbolic link — data files must be regular files in the repository; replace the link with the file")
    try:
        if not path.exists():
            raise refuse(1, "cannot be read (no such file) — check the path")
        if not path.is_file():
            raise refuse(1, "is not a regular file — check the path")
        if path.stat().st_size > MAX_DATA_BYTES:
            raise refuse(1, f"is larger than {MAX_DATA_BYTES // 2**20} MB — split it or remove what does not belong")
        data = path.read_bytes()
    except OSError as error:
        raise refuse(1, f"cannot be read ({error.strerror}) — check the path") from None
    text = decode(data, name).removeprefix("\ufeff").replace("\r\n", "\n")
    if control := _CONTROL.search(text):
        line = text.count("\n", 0, control.start()) + 1
        raise refuse(line, f"holds the control character U+{ord(control.group()):04X} — delete it (retype the line)")
    return text


def decode(data: bytes, name: str) -> str:
    """The text of the file called `name` whose bytes are `data`, or DataFileError naming the
    line of its first byte that is not UTF-8 (the one message for every file `make check` reads)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(name, line, "file", f"byte 0x{data[error.start]:02x} is not UTF-8 — save the file as UTF-8")
        raise DataFileError([problem]) from None


def parse(text: str, name: str) -> tuple[object, dict[tuple, int]]:
    """Parse YAML text into data plus a map from each value's path to its line number.
    Anchors and aliases are refused before anything is built (a few lines of aliases can
    expand to billions of values), and so is template syntax in any text: data is shown, never
    run."""
    if problem := _anchor_or_alias(text, name):
        raise DataFileError([problem])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        loader.dispose()
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        source_lines = text.splitlines()
        bad_line = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
        hint = ""
        if error.context and error.context_mark and error.context_mark.line + 1 != line:
            hint += f" ({error.context} that starts at line {error.context_mark.line + 1})"
        fix = "indent with spaces, never tabs" if "\t" in bad_line else "correct the YAML on this line or the one before"
        raise DataFileError([Problem(name, line, "YAML syntax", f"{error.problem}{hint} — {fix}")]) from None
    loader.dispose()
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _index_lines(node, (), lines, problems, name)
    if problems:
        raise DataFileError(problems)
    return data, lines


def _anchor_or_alias(text: str, name: str) -> Problem | None:
    """The first YAML anchor (&name) or alias (*name) of `text`, as a problem; None if none.
    Read from libyaml's event stream, which expands nothing; text without '&' and '*' has neither."""
    if "&" not in text and "*" not in text:
        return None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Problem(
                    name,
                    event.start_mark.line + 1 if event.start_mark else 1,
                    "YAML anchor or alias",
                    "anchors (&name) and aliases (*name) are not allowed — write the value out in full",
                )
    except yaml.MarkedYAMLError:
        return None  # a syntax error: parse() reports it with its line
    return None


def _index_lines(node: yaml.Node, path: tuple, lines: dict, problems: list, name: str) -> None:
    """Record the line of every node; report keys that appear twice in one mapping, ids that
    appear twice in one list, and template syntax in any text."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and any(mark in node.value for mark in TEMPLATE_SYNTAX):
        mark = next(m for m in TEMPLATE_SYNTAX if m in node.value)
        problems.append(
            Problem(
                name,
                node.start_mark.line + 1,
                "text",
                f"holds '{mark}', template syntax — data is shown as it is written; remove it",
            )
        )
    if isinstance(node, yaml.MappingNode):
        ids = [v.value for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)]
        owner = f"entry '{ids[0]}', " if ids else ""
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(
                    Problem(
                        name, line, f"{owner}field '{key.value}'", f"appears twice (first at line {seen[key.value]}) — keep one"
                    )
                )
            seen[key.value] = line
            _index_lines(value, path + (key.value,), lines, problems, name)
            lines[path + (key.value,)] = line
    elif isinstance(node, yaml.SequenceNode):
        first_used: dict[str, int] = {}  # the items of one list each have their own id
        for i, item in enumerate(node.value):
            item_id = _id_of(item)
            if item_id is not None and item_id.value in first_used:
                problems.append(
                    Problem(
                        name,
                        item_id.start_mark.line + 1,
                        f"entry '{item_id.value}', field 'id'",
                        f"duplicate id (first used at line {first_used[item_id.value]}) — give each entry its own id",
                    )
                )
            elif item_id is not None:
                first_used[item_id.value] = item_id.start_mark.line + 1
            _index_lines(item, path + (i,), lines, problems, name)


def _id_of(node: yaml.Node) -> yaml.ScalarNode | None:
    """The `id` value of a mapping node, if it has one."""
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)), None)
    return None
