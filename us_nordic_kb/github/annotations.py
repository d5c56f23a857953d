"""Show `make check`'s findings where the contributor looks: as GitHub annotations on the diff.

Reads make check's output (standard input, or the files named) and prints a workflow command
`::error file=…,line=…,title=make check::…` for each `file:line: what — how to fix` line. A file
inside the repository is named by its path from the repository root; a finding about a file
outside it (or without a line) becomes an annotation of the run. With --echo, the output itself is
passed through first, with workflow commands switched off, so that no text in it can act as one.

Usage: make check 2>&1 | python -m us_nordic_kb.github.annotations --echo
"""

from __future__ import annotations

import argparse
import io
import re
import secrets
import sys
from collections.abc import Iterable
from pathlib import Path

FINDING = re.compile(r"(?P<file>[^\s:][^\s:]*\.[A-Za-z0-9]+)(?::(?P<line>[0-9]+))?: (?P<message>\S.*)")
TITLE = "make check"


def escape_data(text: str) -> str:
    """A message as a workflow command carries it: %, CR and LF encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title) as a workflow command carries it: also : and , encoded."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(line: str, root: Path) -> str | None:
    """The `::error` command for one line of make check's output, or None if it is no finding."""
    match = FINDING.fullmatch(line.rstrip("\r\n"))
    if match is None:
        return None
    path = Path(match.group("file"))
    if path.is_absolute() and path.resolve().is_relative_to(root.resolve()):
        path = path.resolve().relative_to(root.resolve())
    if path.is_absolute() or not (root / path).is_file():
        return f"::error title={escape_property(TITLE)}::{escape_data(line.rstrip())}"
    where = f"file={escape_property(path.as_posix())}"
    if match.group("line"):
        where += f",line={match.group('line')}"
    return f"::error {where},title={escape_property(TITLE)}::{escape_data(match.group('message'))}"


def commands(lines: Iterable[str], root: Path, echo: bool = False) -> Iterable[str]:
    """The lines to print: with `echo`, every input line (commands switched off around them),
    then one annotation per distinct finding."""
    found: list[str] = []
    token = secrets.token_hex(16)
    if echo:
        yield f"::stop-commands::{token}"
    for line in lines:
        if echo:
            yield line.rstrip("\r\n")
        if (command := annotation(line, root)) and command not in found:
            found.append(command)
    if echo:
        yield f"::{token}::"
    yield from found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="make check's output (default: standard input)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository root (default: here)")
    parser.add_argument("--echo", action="store_true", help="pass make check's output through as well")
    args = parser.parse_args(argv)
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    sources = [path.read_text(encoding="utf-8", errors="replace").splitlines() for path in args.files] or [stdin]
    for source in sources:
        for line in commands(source, args.root, args.echo):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
