"""How the site names the registry's vocabulary to readers: its kinds, topics, languages, dated
events and unconfirmed fields, and an entry's place and name. One table each, for the pages, the
checks and the suggestion form alike."""

from __future__ import annotations

from us_nordic_kb.model.registry import REPORT_PARTS, Entry, Registry, Topic

NOT_NAMED = "Not named"  # an entry's `country` where the report does not say where

# The resource index's groups, in the order a reader meets them; keys are the schema's kinds.
KIND_LABELS = {
    "publication": "Publications",
    "programme": "Programmes and models",
    "platform": "Platforms and tools",
    "practice": "Practices described in the report",
    "network": "Networks and organisations",
    "government": "Government bodies and city departments",
    "law": "Laws",
    "group": "Groups, movements and units",
    "person": "People",
    "event": "Events",
    "place": "Places",
}
KIND_SINGULAR = {
    "publication": "Publication",
    "programme": "Programme or model",
    "platform": "Platform or tool",
    "practice": "Practice",
    "network": "Network or organisation",
    "government": "Government body",
    "law": "Law",
    "group": "Group, movement or unit",
    "person": "Person",
    "event": "Event",
    "place": "Place",
}
TOPIC_LABELS = {"theme": "Key theme", "next-step": "Next step"}
LANGUAGES = {"da": "Danish", "fi": "Finnish", "nb": "Norwegian (Bokmål)", "sv": "Swedish"}
EVENT_PHRASES = {
    "succeeded": "a successor launched",
    "ended": "ended",
    "period-ended": "the period in its title ended",
    "dissolved": "dissolved",
    "left-office": "left office",
    "followed-up": "followed by a further publication",
    "disbanded": "disbanded",
    "relaunched": "relaunched",
}
UNVERIFIED_LABELS = {"name": "its name", "owner": "who runs or publishes it", "year": "its year", "description": "what it is"}


def topic_label(topic: Topic) -> str:
    """e.g. 'Key theme 2: Digital literacy against extremism'."""
    return f"{TOPIC_LABELS[topic.kind]} {topic.number}: {topic.title}"


def place(entry: Entry) -> str:
    """Where an entry is, as a reader should read it: the registry writes NOT_NAMED where the report does not say."""
    return "place not named in the report" if entry.country == NOT_NAMED else entry.country


def unverified_name(entry: Entry) -> str:
    """What follows an entry's name where no official source confirmed it."""
    return " (name not verified)" if "name" in entry.unverified else ""


def display_name(entry: Entry, text: str | None = None) -> str:
    """The entry's name (or the `text` a page gives it), marked when no official source confirmed it."""
    return (text or entry.name) + unverified_name(entry)


# What a section of a topic page may draw on besides the report's parts (front matter `sources`).
OUTSIDE_SOURCES = {
    "registry": "facts from the resource index, checked against public sources",
    "editors": "links the editors drew",
}


def known_sources(registry: Registry) -> list[str]:
    """Every value a page's `sources` may use."""
    return sorted(registry.topics) + list(REPORT_PARTS) + list(OUTSIDE_SOURCES)
