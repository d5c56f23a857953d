"""Untrusted text in GitHub Markdown (issue comments, pull requests, job summaries), kept inert:
none of its markup, HTML or code fences take effect."""

from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What GitHub's Markdown reads as markup: emphasis, code, links, images, headings, lists,
# tables, strikethrough, maths. A backslash makes each a plain character.
_MARKUP = set("\\`*_{}[]()#+-.!|~$")


def escape(text: str) -> str:
    """`text` as one line of plain Markdown: whitespace collapsed, `&`, `<` and `>` written as
    entities, every markup character escaped with a backslash."""
    out = []
    for char in " ".join(text.split()):
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _MARKUP:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def fenced(text: str, info: str = "") -> str:
    """`text` in a code block whose fence is longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}"
