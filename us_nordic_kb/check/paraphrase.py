"""Find passages of the pages that copy the workshop report or merely re-word its sentences.

Two checks, the same as the project's reference tool (verbatim-check):
- a run of 12 or more words that also appears in the report;
- a sentence of 8 or more words whose words follow one report sentence, in order, for 75 % or
  more of its length (close paraphrase).
Official titles are names, not prose: they are cut out of both texts first.

The report is not ours to republish, so the repository holds only its fingerprint: every word
replaced by a short hash, sentence by sentence (check/report-fingerprint.json). Rebuild it with
`python -m us_nordic_kb.check.paraphrase --fingerprint path/to/workshop-report.txt`.
Lines that are allowed anyway (proper names, official titles) are listed in
check/paraphrase-allowlist.yml, each with its reason; an entry that no longer matches is stale.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from us_nordic_kb.model import project
from us_nordic_kb.render.sandbox import MACRO_SYNTAX

FINGERPRINT = Path(__file__).with_name("report-fingerprint.json")  # beside this module
ALLOWLIST = Path(__file__).with_name("paraphrase-allowlist.yml")
MIN_RUN = 12
CLOSE_RATIO = 0.75
MIN_SENTENCE = 8
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+|\n\s*\n|\n\s*[-*] |\n#+ ")
TITLES = [
    "Strengthening Trans-Atlantic City-Level Cooperation Against Extremist- and Hate-Motivated Violence",
    "The Role of Mayors and Cities: US – Nordic Experiences",
    "National Action Plan for the Prevention of Violent Radicalization and Extremism 2019 – 2023",
    "National Action Plan for the Prevention of Violent Radicalisation and Extremism 2019 – 2023",
    "Study Visit to Helsinki: The Management of Child Returnees",
    "National Strategy for Countering Domestic Terrorism",
    "National Strategy to Counter Domestic Terrorism",
    "Health Insurance Portability and Accountability Act",
]
BREAK = "\x00"
_TITLE_WORDS = [WORD.findall(title.lower()) for title in TITLES]


@dataclass(frozen=True)
class Finding:
    """A passage of a page that copies or closely re-words the report."""

    file: str
    line: int
    kind: str  # "copied" or "close"
    score: float
    words: str

    def __str__(self) -> str:
        if self.kind == "copied":
            return (
                f'{self.file}:{self.line}: {self.score:.0f} words in a row as in the report: "{self.words[:150]}" — say it in '
                "your own words"
            )
        return (
            f"{self.file}:{self.line}: {self.score:.0%} of this sentence's words follow one sentence of the report: "
            f'"{self.words[:150]}" — write it as your own synthesis, not a re-wording'
        )


def words(text: str) -> list[str]:
    """Lower-case words of `text`, with every official title replaced by a break."""
    tokens = WORD.findall(text.lower())
    for title_words in _TITLE_WORDS:
        first, i = title_words[0], 0
        while i <= len(tokens) - len(title_words):
            if tokens[i] == first and tokens[i : i + len(title_words)] == title_words:
                tokens[i : i + len(title_words)] = [BREAK]
            i += 1
    return tokens


def sentences(text: str):
    """(line, words) of each sentence or list item of `text`; macros are dropped."""
    text = MACRO_SYNTAX.sub(" ", text)
    position, line = 0, 1  # the line of `position`, counted as it moves on (not from the start each time)
    for match in list(SENTENCE_END.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        found = [w for w in words(chunk) if w != BREAK]
        if found:
            yield line + len(chunk) - len(chunk.lstrip("\n")), found
        next_position = match.end() if match else end
        line += text.count("\n", position, next_position)
        position = next_position


def hashed(word: str) -> str:
    return hashlib.blake2b(word.encode(), digest_size=4).hexdigest()


def fingerprint(report: str) -> dict:
    """The hashed words of the report: the whole stream and each sentence of 5 or more words."""
    return {
        "stream": ["-" if w == BREAK else hashed(w) for w in words(report)],
        "sentences": [[hashed(w) for w in found] for _, found in sentences(report) if len(found) >= 5],
    }


def copied_runs(page: list[str], grams: set[tuple[str, ...]]):
    """(start, end) spans of `page` (hashed words) whose every 12-gram occurs in the report."""
    start = None
    for i in range(len(page) - MIN_RUN + 1):
        hit = tuple(page[i : i + MIN_RUN]) in grams
        if hit and start is None:
            start = i
        if not hit and start is not None:
            yield start, i - 1 + MIN_RUN
            start = None
    if start is not None:
        yield start, len(page)


def findings(docs: Path, report: dict, display: Callable[[Path], str] = Path.as_posix) -> list[Finding]:
    """Every copied run and close paraphrase in the Markdown and YAML files under `docs`."""
    stream = report["stream"]
    grams = {tuple(stream[i : i + MIN_RUN]) for i in range(len(stream) - MIN_RUN + 1)}
    source = report["sentences"]
    index: dict[str, set[int]] = {}
    for i, sentence in enumerate(source):
        for w in set(sentence):
            index.setdefault(w, set()).add(i)
    found: list[Finding] = []
    for path in sorted(list(docs.rglob("*.md")) + list(docs.rglob("*.yml"))):
        name = display(path)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            plain = words(text)
            page = ["-" if w == BREAK else hashed(w) for w in plain]
            for a, b in copied_runs(page, grams):
                shown = " ".join(w for w in plain[a:b] if w != BREAK)
                found.append(Finding(name, _line_of(text, plain[a : a + 4]), "copied", b - a, shown))
        for line, sentence in sentences(text):
            if len(sentence) < MIN_SENTENCE:
                continue
            mine = [hashed(w) for w in sentence]
            score = _best_match(mine, source, index)
            if score >= CLOSE_RATIO:
                found.append(Finding(name, line, "close", score, " ".join(sentence)))
    return found


def _best_match(mine: list[str], source: list[list[str]], index: dict[str, set[int]]) -> float:
    """The largest share of `mine` that follows one source sentence in order, when it reaches
    CLOSE_RATIO (else a share below it): a source sentence that shares too few words to reach
    it is not aligned word by word."""
    counts: dict[int, int] = {}
    for w in set(mine):
        for i in index.get(w, ()):
            counts[i] = counts.get(i, 0) + 1
    best = 0.0
    repeated = len(mine) - len(set(mine))  # so `shared + repeated` bounds the words that can match
    for i, shared in sorted(counts.items(), key=lambda kv: -kv[1])[:25]:
        if shared + repeated < CLOSE_RATIO * len(mine):
            break  # no later sentence shares more words: none can reach the ratio
        matcher = difflib.SequenceMatcher(None, mine, source[i], autojunk=False)
        best = max(best, sum(b.size for b in matcher.get_matching_blocks()) / len(mine))
    return best


def _line_of(text: str, first_words: list[str]) -> int:
    """The line where a run of words starts (best effort: where its first words appear)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if " ".join(first_words) in " ".join(words(line)):
            return number
    return 1


def load_allowlist(path: Path = ALLOWLIST) -> list[dict]:
    """The reviewed exceptions: each with `file`, `sentence` (its words, lower case) and `reason`."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def problems(
    docs: Path,
    fingerprint_file: Path = FINGERPRINT,
    allowlist: list[dict] | None = None,
    display: Callable[[Path], str] = Path.as_posix,
) -> list[str]:
    """Findings not on the allowlist, and allowlist entries that no longer match (stale); paths
    shown by `display`."""
    report = json.loads(fingerprint_file.read_text(encoding="utf-8"))
    allowed = load_allowlist() if allowlist is None else allowlist
    result, used = [], set()
    for finding in findings(docs, report, display):
        match = next((i for i, a in enumerate(allowed) if a["file"] == finding.file and a["sentence"] == finding.words), None)
        if match is None:
            result.append(str(finding))
        else:
            used.add(match)
    for i, entry in enumerate(allowed):
        if i not in used:
            result.append(
                f'{ALLOWLIST.name}: entry for {entry["file"]} ("{entry["sentence"][:60]}") matches nothing any more — remove it'
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), help="the project's configuration")
    parser.add_argument("--fingerprint", type=Path, metavar="REPORT", help="rebuild the fingerprint from the report's text file")
    args = parser.parse_args()
    if args.fingerprint:
        FINGERPRINT.write_text(json.dumps(fingerprint(args.fingerprint.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")
        print(f"Wrote {FINGERPRINT}")
        return
    loaded = project.load(args.config)
    found = problems(loaded.docs_dir, display=loaded.display)
    print("\n".join(found) if found else "No passage copies or closely re-words the report.")
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
