"""The glossary (docs/glossary.yml): load and check it, and render the glossary page.

Each term has an id (its anchor on the glossary page), the term, the word forms that count as a
use of it, a definition in plain words and, optionally, a page to see and its usual equivalents in
Danish, Finnish, Norwegian (Bokmål) and Swedish. Terms marked `specialist` must be linked to the
glossary where a page first uses them (checked by `make check`).

The equivalents are the editors' translations, and the page says so; each is shown marked with
its language, and both searches take it for the English term (search_equivalents).

The definitions are the editors' own, and the page says so. A definition that cites a law or a
date must say where it comes from, in `source` (shown after it); `make check` reports one that
does not, with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from us_nordic_kb.model.data_files import DataFileError, Problem, parse, read
from us_nordic_kb.model.labels import LANGUAGES
from us_nordic_kb.model.pages import ANCHOR, TARGET

GLOSSARY_PATH = "glossary.yml"  # relative to the docs folder
GLOSSARY_PAGE = "glossary.md"
ABBREVIATIONS = Path("includes") / "abbreviations.md"
FIELDS = {"id", "term", "forms", "definition", "see", "specialist", "source", "equivalents"}
EQUIVALENT_LANGUAGES = ("da", "fi", "nb", "sv")  # the Nordic languages of the site's readers
# What makes a definition cite a law or a date, and so need a `source`: a statute or an Act, a
# section sign, the word law or statute, or a year.
NEEDS_SOURCE = re.compile(
    r"U\.S\.C\.|§|\bPub\. ?L\.|\b[A-Z][a-z]+ Act\b"  # a statute, a section, a public law, an Act
    r"|\b(?i:laws?|statutes?|legislation)\b(?! enforcement)"  # the law (law enforcement is no citation)
    r"|\b(?:1[89]|20)\d\d\b"  # a year
)


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    forms: tuple[str, ...]
    definition: str
    see: str | None = None
    specialist: bool = False
    source: str | None = None
    equivalents: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, words), in EQUIVALENT_LANGUAGES' order

    @property
    def pattern(self) -> re.Pattern:
        """Matches any of its forms as whole words, in any case; quotes or a hyphen may stand
        between the words ('the “all violence” approach')."""
        forms = (re.escape(f).replace(r"\ ", r"[\s\"“”‘’-]+") for f in self.forms)
        return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.I)


def load(path: Path, docs_dir: Path, name: str) -> list[Term]:
    """The terms of the glossary file, or DataFileError naming each problem's line."""
    data, lines = parse(read(path, name), name)
    problems: list[Problem] = []
    if not isinstance(data, list):
        raise DataFileError([Problem(name, 1, "glossary", "expected a list of terms, each starting with '- id:'")])
    seen_equivalents: dict[str, str] = {}
    for i, item in enumerate(data):
        line = lines.get((i,), 1)
        shown = item.get("id", f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
        where = f"term '{shown}'" if isinstance(shown, str) and "\n" not in shown else f"term {str(shown)[:40]!r}"
        if not isinstance(item, dict):
            problems.append(Problem(name, line, where, "expected fields id, term and definition"))
            continue
        for missing in sorted({"id", "term", "definition"} - set(item)):
            problems.append(Problem(name, line, f"{where}, field '{missing}'", f"missing required field — add '{missing}:'"))
        for unknown in sorted(set(item) - FIELDS):
            problems.append(
                Problem(
                    name,
                    lines.get((i, unknown), line),
                    f"{where}, field '{unknown}'",
                    f"unknown field — expected one of: {', '.join(sorted(FIELDS))}",
                )
            )
        term_id = item.get("id")
        if "id" in item and not (isinstance(term_id, str) and ANCHOR.fullmatch(term_id)):
            problems.append(
                Problem(name, lines.get((i, "id"), line), f"{where}, field 'id'", "expected lower-case words joined by hyphens")
            )
        problems += _source_problems(item, i, where, lines, line, name)
        problems += _equivalents_problems(item, i, where, lines, line, name, seen_equivalents)
        see = item.get("see")
        if "see" in item and not (isinstance(see, str) and TARGET.fullmatch(see)):
            problems.append(
                Problem(
                    name, lines.get((i, "see"), line), f"{where}, field 'see'", "expected a page path such as about.md#section"
                )
            )
        elif isinstance(see, str) and not (docs_dir / see.partition("#")[0]).is_file():
            problems.append(
                Problem(
                    name,
                    lines.get((i, "see"), line),
                    f"{where}, field 'see'",
                    f"no such page: {see.partition('#')[0]} — give a page path under docs/",
                )
            )
    if problems:
        raise DataFileError(problems)
    return [
        Term(
            id=t["id"],
            term=t["term"],
            forms=tuple(t.get("forms") or [t["term"].lower()]),
            definition=t["definition"],
            see=t.get("see"),
            specialist=bool(t.get("specialist", False)),
            source=t.get("source"),
            equivalents=tuple(
                (lang, tuple(words)) for lang in EQUIVALENT_LANGUAGES if (words := t.get("equivalents", {}).get(lang))
            ),
        )
        for t in data
    ]


def _source_problems(item: dict, i: int, where: str, lines: dict, line: int, name: str) -> list[Problem]:
    """A definition that cites a law or a date needs a `source`; a `source` must be text."""
    source = item.get("source")
    if "source" in item and (not isinstance(source, str) or not source.strip()):
        return [
            Problem(
                name,
                lines.get((i, "source"), line),
                f"{where}, field 'source'",
                "empty or not text — say where the definition comes from, e.g. the law or page it cites",
            )
        ]
    definition = item.get("definition")
    cited = NEEDS_SOURCE.search(definition) if isinstance(definition, str) else None
    if cited and "source" not in item:
        return [
            Problem(
                name,
                lines.get((i, "definition"), line),
                f"{where}, field 'definition'",
                f"cites a law or a date (“{cited.group(0)}”) but names no source — add 'source:' saying where it "
                "comes from (the law itself, an official page), or leave the citation out",
            )
        ]
    return []


def _equivalents_problems(
    item: dict, i: int, where: str, lines: dict, line: int, name: str, seen: dict[str, str]
) -> list[Problem]:
    """`equivalents` maps some of EQUIVALENT_LANGUAGES to lists of words; a word stands for one
    term only (`seen`: each word, lower-cased, and the term it stands for)."""
    if "equivalents" not in item:
        return []
    equivalents = item["equivalents"]
    field = f"{where}, field 'equivalents'"
    expected = "expected a list of words for each language, " + ", ".join(
        f"{lang} ({LANGUAGES[lang]})" for lang in EQUIVALENT_LANGUAGES
    )
    if not isinstance(equivalents, dict) or not equivalents:
        return [Problem(name, lines.get((i, "equivalents"), line), field, f"{expected}, such as 'sv: [radikalisering]'")]
    problems = []
    for lang, words in equivalents.items():
        written = {False: "no", True: "yes"}.get(lang, lang) if isinstance(lang, bool) else lang  # YAML reads `no:` as false
        here = lines.get((i, "equivalents", written), line)
        if lang not in EQUIVALENT_LANGUAGES:
            hint = " (Norwegian Bokmål is nb)" if written == "no" else ""
            problems.append(Problem(name, here, field, f"unknown language {written!r}{hint} — {expected}"))
        elif not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(Problem(name, here, f"{field}, {lang}", f"got {words!r} — {expected}"))
        else:
            for word in words:
                key = " ".join(word.lower().split())
                if seen.setdefault(key, where) != where:
                    message = f"{word!r} is already an equivalent of {seen[key]} — a word may stand for one term only"
                    problems.append(Problem(name, here, f"{field}, {lang}", message))
    return problems


def search_equivalents(terms: list[Term]) -> dict[str, str]:
    """Each equivalent of every term, with the term it stands for."""
    return {word: term.term for term in terms for _, words in term.equivalents for word in words}


ABBREVIATION = re.compile(r"\*\[([^\]]+)\]: (.+)")


def abbreviations(docs_dir: Path) -> list[tuple[str, str]]:
    """(abbreviation, meaning) from the snippet that gives every page its hover definitions."""
    text = (docs_dir / ABBREVIATIONS).read_text(encoding="utf-8")
    return [(m[1], m[2]) for m in (ABBREVIATION.fullmatch(line) for line in text.splitlines()) if m]


def abbreviation_problems(docs_dir: Path) -> list[str]:
    """Each line of the abbreviations snippet that is not an abbreviation: the snippet is added to
    every page, so it may hold nothing else."""
    text = (docs_dir / ABBREVIATIONS).read_text(encoding="utf-8")
    return [
        f"docs/{ABBREVIATIONS.as_posix()}:{number}: every line is an abbreviation, '*[ABBR]: what it stands for' — "
        "put anything else in a page"
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not ABBREVIATION.fullmatch(line)
    ]
