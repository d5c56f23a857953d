"""Names in other languages (`native_names` in the registry) are names of the entry itself, as
the verified source notes give them: never the name of its owner, of the body that runs its
site, or a name nobody checked.

The notes (resources.md) are not the project's to publish and the repository does not hold
them: they sit read-only beside it, in ../shared/source, where CI has them. Where they are
absent, the check against them is skipped, except under CI, where it fails."""

from __future__ import annotations

import os
import re

import pytest

from tests.support import ROOT
from us_nordic_kb.model.registry import Entry, load

SOURCE_NOTES = ROOT.parent / "shared" / "source" / "resources.md"
# An item of the notes starts with a bold, numbered heading that names it, e.g.
# **7. Info-house model (Danish *Infohus*, "InfoHouse")**: programme/model (Denmark)
ITEM = re.compile(r"^\*\*\d+\. (?P<heading>.+?)\*\*(?P<body>.*?)(?=^\*\*\d+\. |^## |\Z)", re.M | re.S)


def plain(text: str) -> str:
    """Text without Markdown emphasis or quotes, in one case, with single spaces."""
    return " ".join(re.sub(r"[*\"“”‘’']", " ", text).split()).casefold()


def names_of(entry: Entry) -> list[str]:
    """The English names an entry goes by: its name (with and without what its brackets add)
    and its other names."""
    names = [entry.name, *entry.also_known_as]
    return [plain(n) for n in names + [re.sub(r"\s*\(.*?\)", "", n) for n in names] if n.strip()]


def items(notes: str) -> list[tuple[str, str]]:
    """(heading, naming text) of each item: its heading and the lines that give a title."""
    found = []
    for match in ITEM.finditer(notes):
        titles = [line for line in match["body"].splitlines() if re.search(r"\btitle:", line, re.I)]
        found.append((plain(match["heading"]), plain(" ".join([match["heading"], *titles]))))
    return found


def named_as(notes: str, entry: Entry, native: str) -> bool:
    """Whether the notes give `native` as a name of the item that is this entry."""
    return any(plain(native) in naming and any(name in heading for name in names_of(entry)) for heading, naming in items(notes))


@pytest.fixture(scope="module")
def notes() -> str:
    if not SOURCE_NOTES.is_file():
        message = f"the verified source notes are not beside the repository ({SOURCE_NOTES}): native names not checked"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SOURCE_NOTES.read_text(encoding="utf-8")


def test_every_native_name_is_a_name_of_its_entry_in_the_verified_sources(notes):
    registry = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
    wrong = [
        f"{entry.id}: {native.name!r} ({native.lang}) is not given as a name of this entry in {SOURCE_NOTES.name} — remove it "
        "from native_names (a body that owns or runs the entry belongs in `owner`), or have the name verified and added to "
        "the notes first"
        for entry in registry.entries.values()
        for native in entry.native_names
        if not named_as(notes, entry, native.name)
    ]
    assert not wrong, "\n".join(wrong)
    assert sum(len(e.native_names) for e in registry.entries.values()) >= 5, "the check holds nothing any more"


def test_the_name_of_the_body_that_runs_an_entrys_site_is_not_a_name_of_the_entry(notes):
    """Review 23's finding 1: the Danish centre runs the Info-house site; it is not the model."""
    entry = load(ROOT / "docs/resources/registry.yml", ROOT / "docs").entries["info-house-model"]
    assert named_as(notes, entry, "Infohus")
    assert "center for dokumentation og indsats mod ekstremisme" in plain(notes)  # the notes do name it...
    assert not named_as(notes, entry, "Center for Dokumentation og Indsats mod Ekstremisme")  # ...as the owner


NOTES = """## Items

**3. Ministry of the Interior, Finland (Sisäministeriö)**: government body
- Description: the Finnish ministry for internal security.

**7. Info-house model (Danish *Infohus*, "InfoHouse")**: programme/model (Denmark)
- The site is run by the Danish Centre for Prevention of Extremism, now the *Center X*.

**11. National Action Plan 2019–2023**: publication (Ministry of the Interior, Finland)
- Exact title: "National Action Plan 2019–2023". Finnish title: *Kansallinen toimenpideohjelma 2019–2023*.

## Still open
1. Sisäministeriö's Swedish name, Inrikesministeriet.
"""


def entry(name: str, *also: str) -> Entry:
    return Entry("x", "programme", name, "d", "o", "Finland", None, ("resource-list",), also_known_as=also)


@pytest.mark.parametrize(
    ("name", "also", "native", "given"),
    [
        ("Info-house model (Infohus)", (), "Infohus", True),
        ("Info-house model (Infohus)", (), "InfoHouse", True),
        ("Info-house model (Infohus)", (), "Center X", False),  # the owner, named in the item's body
        ("Ministry of the Interior, Finland", (), "Sisäministeriö", True),
        ("Ministry of the Interior, Finland", (), "Inrikesministeriet", False),  # not in the item at all
        ("Ministry of the Interior, Finland", (), "Infohus", False),  # another item's name
        ("National Action Plan 2019–2023", (), "Kansallinen toimenpideohjelma 2019–2023", True),  # a title line
        ("A plan", ("National Action Plan 2019–2023",), "Kansallinen toimenpideohjelma 2019–2023", True),  # by another name
    ],
)
def test_the_check_reads_only_the_names_an_item_gives_itself(name, also, native, given):
    assert named_as(NOTES, entry(name, *also), native) is given
