"""Which entries must be written about in the past tense (check/prose.py): those whose last
status fact ends them; a relaunch after an ending cancels it."""

from __future__ import annotations

import dataclasses

from tests.support import PROJECT
from us_nordic_kb.check import prose
from us_nordic_kb.model.registry import Status, load

REGISTRY = load(PROJECT.registry_file, PROJECT.docs_dir)
ENTRY = next(iter(REGISTRY.entries.values()))


def with_status(*events: tuple[str, str]):
    return dataclasses.replace(ENTRY, status=tuple(Status(e, d, "a note", "a source") for e, d in events))


def test_an_entry_disbanded_has_ended_and_one_relaunched_since_has_not():
    assert prose.how_ended(with_status(("disbanded", "2019"))) == "disbanded (2019)"
    assert prose.how_ended(with_status(("disbanded", "2019"), ("relaunched", "2022"))) == ""
    assert prose.how_ended(with_status(("relaunched", "2022"), ("ended", "2024"))) == "ended (2024)"
    assert prose.how_ended(with_status(("followed-up", "2023"))) == ""


def test_the_minneapolis_league_relaunched_in_2022_is_not_among_the_ended():
    league = next(e for e in REGISTRY.entries.values() if e.name == "Minnesota Police Activities League")
    assert [s.event for s in league.status] == ["disbanded", "relaunched"]
    assert league.id not in prose.ended_entries(REGISTRY)
