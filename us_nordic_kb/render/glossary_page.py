"""The glossary page's body: every term with its definition, source, page to see and Nordic
equivalents, then the abbreviations (docs/glossary.yml, docs/includes/abbreviations.md)."""

from __future__ import annotations

from us_nordic_kb.model.glossary import GLOSSARY_PAGE, Term
from us_nordic_kb.model.labels import LANGUAGES
from us_nordic_kb.render.markup import escape, link

# Said on the glossary page, above the terms.
EDITORS_NOTE = (
    "The definitions below are the editors' own, written for this site. They are not taken from the "
    "workshop report. Where a definition cites a law or a date, it names its source."
)

EQUIVALENTS_NOTE = (
    "Where a term has a usual equivalent in Danish, Finnish, Norwegian (Bokmål) or Swedish, it follows the "
    "definition. These are the editors' translations, not the report's; a language is left out where it has "
    "no settled term. The site search takes each of them for the English term."
)


def equivalents_line(term: Term) -> str:
    """'In Danish: …; in Finnish: ….', each word marked with its language."""
    parts = [
        f"in {LANGUAGES[lang]}: " + ", ".join(f'<span lang="{lang}">{escape(word)}</span>' for word in words)
        for lang, words in term.equivalents
    ]
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def glossary_markdown(terms: list[Term], abbreviations: list[tuple[str, str]], from_page: str = GLOSSARY_PAGE) -> str:
    """The glossary page's body: every term in alphabetical order, then the abbreviations."""
    lines = ["## Terms", "", EDITORS_NOTE, "", EQUIVALENTS_NOTE, ""]
    for term in sorted(terms, key=lambda t: t.term.lower().strip('"“')):
        lines += [f"### {escape(term.term)} {{ #{term.id} }}", "", escape(" ".join(term.definition.split()))]
        if term.source:
            lines[-1] += f" Source: {escape(term.source.strip())}."
        if term.see:
            lines[-1] += " See " + link("more on this", term.see, from_page) + "."
        if term.equivalents:
            lines += ["", equivalents_line(term)]
        lines.append("")
    lines += ["## Abbreviations", "", "| Abbreviation | Meaning |", "|---|---|"]
    lines += [f"| {escape(a)} | {escape(m)} |" for a, m in sorted(abbreviations)]
    return "\n".join(lines) + "\n"
