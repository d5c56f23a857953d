"""Editorial checks of a page's prose as readers see it: specialist terms linked to the glossary
where first used, and no present tense about an entry that has ended since the workshop."""

from __future__ import annotations

import copy
import re

from bs4 import NavigableString, Tag

from us_nordic_kb.check import readability, rendered
from us_nordic_kb.model.registry import Entry, Registry
from us_nordic_kb.model.sources import Sources

# Status events after which an entry must be written about in the past tense, and those after
# which it runs again (a later one of these cancels an ending before it).
ENDED = {"succeeded", "ended", "period-ended", "dissolved", "left-office", "disbanded"}
RESUMED = {"relaunched"}

# The anchor of each link in a page's HTML (an entry's id, when the link leads to the resource index).
_LINKED_ANCHOR = re.compile(r'#([^"#\s]+)"')

PRESENT_TENSE = re.compile(r"\b(is|are|remains?|continues?|runs|leads|serves|coordinates|connects|still has)\b", re.I)


def unlinked_terms(html: str | rendered.BeautifulSoup, sources: Sources) -> list[tuple[str, str]]:
    """Specialist terms whose first use in the page's own text is not a link to the glossary,
    each as (the text where it is used, what is wrong). Generated lists (cards, the related
    block) hold registry text and are not the page's own; nor do code, headings and labels."""
    found: list[tuple[str, str]] = []
    specialist = [(term, term.pattern) for term in sources.terms if term.specialist]
    if not specialist:
        return found
    soup = rendered.parse(html)
    related = soup.find(id="related")
    generated = {id(e) for e in ([related, *related.find_next_siblings()] if related else [])}
    anywhere = re.compile("|".join(pattern.pattern for _, pattern in specialist), re.I)
    strings = []  # one pass, the page left as it is: the page's own strings that hold any term
    left_out = {id(soup): False}
    for node in soup.descendants:
        out = left_out[id(node.parent)]
        if isinstance(node, Tag):
            classes = set(node.get("class") or ())
            left_out[id(node)] = (
                out
                or id(node) in generated
                or {"grid", "cards"} <= classes
                or node.name in rendered.NOT_PROSE_TAGS
                or not {"headerlink", "provenance"}.isdisjoint(classes)
            )
        elif not out and isinstance(node, NavigableString) and anywhere.search(node):
            strings.append(node)
    for term, pattern in specialist:
        for string in (s for s in strings if pattern.search(s)):
            link = string.find_parent("a")
            if link is not None and f"glossary.md#{term.id}" not in str(link.get("href", "")):
                continue  # inside a name or another link: not a use of the term
            if link is None:
                match = pattern.search(string)
                used = match.group(0) if match else string  # `string` was found with this pattern: match is set
                found.append(
                    (
                        str(string),
                        f"“{used}” is first used here without a link to the glossary — "
                        f"write [{used}](…/glossary.md#{term.id}) the first time",
                    )
                )
            break
    return found


def present_tense(html: str, tree: rendered.BeautifulSoup, ended: dict[str, Entry]) -> list[tuple[str, str]]:
    """Sentences that name an entry which has since ended (`ended`: `ended_entries`), in the
    present tense, each as (the sentence, what is wrong); `tree` is the page's `html` parsed. Each
    link is read in its block with the names before it as plain names, itself as a marker and the
    rest as they are; the page itself is left as it is."""
    if ended.keys().isdisjoint(_LINKED_ANCHOR.findall(html)):
        return []  # the page links no entry that has ended
    links = tree.find_all("a", href=rendered.INDEX_LINK)
    order = {id(link): k for k, link in enumerate(links)}
    found = []
    for k, link in enumerate(links):
        entry = ended.get(_anchor(link))
        block = link.find_parent(rendered.BLOCKS) if entry else None
        if entry is None or block is None:
            continue
        marker = f"⟦{entry.id}⟧"
        for sentence in readability.split_sentences(_block_text(block, order, k, marker, ended)):
            if marker in sentence and PRESENT_TENSE.search(sentence.replace(marker, "")):
                shown = sentence.replace(marker, entry.name)
                found.append(
                    (
                        sentence.replace(marker, " "),
                        f"“{shown[:90]}…” speaks of {entry.name} in the present tense, but it {how_ended(entry)} — use the "
                        "past tense",
                    )
                )
    return found


def ended_entries(registry: Registry) -> dict[str, Entry]:
    """The entries that have ended since the workshop, by id."""
    return {e.id: e for e in registry.entries.values() if how_ended(e)}


def _anchor(link: Tag) -> str:
    return str(link["href"]).partition("#")[2]


def _block_text(block: Tag, order: dict[int, int], k: int, marker: str, ended: dict) -> str:
    """The text of `block` with the index links before link `k` as names (an ended entry's own
    name, else 'Name': its words are no verbs of the sentence), link `k` as `marker`."""
    clone = copy.copy(block)
    for original, copied in zip(
        block.find_all("a", href=rendered.INDEX_LINK), clone.find_all("a", href=rendered.INDEX_LINK), strict=True
    ):
        j = order[id(original)]
        if j < k:
            copied.replace_with(ended[_anchor(original)].name if _anchor(original) in ended else "Name")
        elif j == k:
            copied.replace_with(marker)
    return clone.get_text(" ", strip=True)


def how_ended(entry: Entry) -> str:
    """How an entry ended ('ended (2023)'), or '' if it has not or was relaunched since (its
    status facts are in the order they happened)."""
    last = next((s for s in reversed(entry.status) if s.event in ENDED | RESUMED), None)
    return f"{last.event.replace('-', ' ')} ({last.date})" if last and last.event in ENDED else ""
