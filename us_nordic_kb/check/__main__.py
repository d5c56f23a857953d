"""`make check`: the project's sources checked without a build (check/checks.py says what),
the readability of each page printed, then each problem as `file:line: what is wrong — how to fix it`.
Exits 1 if there is any.

Usage: python -m us_nordic_kb.check [--config mkdocs.yml] [--docs DIR] [--registry FILE] [--quiet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from us_nordic_kb.check import readability
from us_nordic_kb.check.checks import check
from us_nordic_kb.model import project


def figures_table(figures: list[tuple[str, readability.Figures]]) -> str:
    """The readability of each page, one line each."""
    rows = [f"{'page':48} {'ease':>5} {'words':>6} {'longest sentence':>17}"]
    rows += [f"{name:48} {f.ease:5.1f} {f.words:6d} {f.longest:17d}" for name, f in figures]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run the checks; print the readability table and each problem; 1 if there are problems."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), help="the project's configuration")
    parser.add_argument("--docs", type=Path, help="another docs folder to check with the project's code (tests)")
    parser.add_argument("--registry", type=Path, help="a registry from elsewhere, checked alone")
    parser.add_argument("--quiet", action="store_true", help="do not print the readability of each page")
    args = parser.parse_args(argv)
    try:
        outcome = check(project.load(args.config), args.docs, args.registry)
    except project.ConfigError as error:
        print(f"{error}\nmake check: 1 problem(s)")
        return 1
    if outcome.figures and not args.quiet:
        print(
            f"Readability (target: ease {readability.MIN_EASE:.0f} or more, sentences of {readability.MAX_WORDS} words at most):"
        )
        print(figures_table(outcome.figures) + "\n")
    for problem in outcome.problems:
        print(problem)
    print(
        f"make check: {len(outcome.problems)} problem(s)"
        if outcome.problems
        else "make check: registry, glossary and pages are fine"
    )
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
