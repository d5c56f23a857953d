"""Where a sentence of a rendered page was written: the file and line that `make check` names
when it finds a problem in the sentence.

A sentence of a page can come from the page's Markdown or from a data file that a macro shows
(the registry, the glossary...). Every file is read once and indexed by runs of three words;
the sentence's own runs then vote for where it starts in each file, and the file and line with
the most votes win (the page first when two agree). The cost grows with the files once, then
with the sentence only, however many sentences are looked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from us_nordic_kb.check import paraphrase

MACRO = re.compile(r"\{\{.*?\}\}")
RUN = 3  # words in a row that place a sentence
MAX_PLACES = 200  # of a run found more often than this, the first places are enough


class Locator:
    """Finds sentences in files, each file read and indexed once."""

    def __init__(self, display: Callable[[Path], str] = str):
        self.display = display
        self._indexes: dict[Path, tuple[list[str], list[int], dict[tuple[str, ...], list[int]]]] = {}

    def where(self, sentence: str, files: list[Path]) -> str:
        """`file:line` where `sentence` starts in one of `files` (the page first, then where else
        its text may come from); the first file's first line when none of its words is found."""
        said = paraphrase.words(sentence)
        runs = [tuple(said[k : k + RUN]) for k in range(len(said) - RUN + 1)]
        best: tuple[int, Path, int] | None = None
        for path in files:
            words, lines, places = self._index(path)
            if len(said) < RUN:  # too short to vote: its first place, word by word
                at = next((p for p in range(len(words)) if said and words[p : p + len(said)] == said), None)
                if at is not None:
                    return f"{self.display(path)}:{lines[at]}"
                continue
            votes: Counter[int] = Counter()
            first: dict[int, int] = {}
            for k, run in enumerate(runs):
                for place in places.get(run, ())[:MAX_PLACES]:
                    votes[place - k] += 1
                    first[place - k] = min(first.get(place - k, place), place)
            if votes:
                start, count = max(votes.items(), key=lambda item: (item[1], -item[0]))
                if best is None or count > best[0]:
                    best = (count, path, lines[first[start]])
        return f"{self.display(best[1])}:{best[2]}" if best else f"{self.display(files[0])}:1"

    def _index(self, path: Path) -> tuple[list[str], list[int], dict[tuple[str, ...], list[int]]]:
        """The words of `path`, the line of each, and the places where each run of words
        starts; macro calls are not words."""
        if path not in self._indexes:
            lines: list[int] = []
            words: list[str] = []
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                found = paraphrase.words(MACRO.sub(" ", line))
                words += found
                lines += [number] * len(found)
            places: dict[tuple[str, ...], list[int]] = {}
            for k in range(len(words) - RUN + 1):
                places.setdefault(tuple(words[k : k + RUN]), []).append(k)
            self._indexes[path] = (words, lines, places)
        return self._indexes[path]
