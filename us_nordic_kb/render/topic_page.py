"""The frame of every theme and next-step page, generated rather than typed on each page:

- a context notice after the lead: the workshop, its place and dates, who took part, where the
  page sits in the report (theme 2 of 5) and what kind of evidence it is. The same on every topic
  page, it is left out of the site search, where it would make every topic page an answer to
  the workshop's own words ("Chatham House Rule", "delegation");
- under each section heading, the part of the report it draws on ("From the report: Key theme
  2"). A section draws on the page's own topic unless the page's front matter says otherwise:

      sources:
        rehabilitation-and-return: [digital-literacy, resource-list]
        what-changed-since: [registry]

  Keys are section ids (as in the page's address bar); values are topic ids, the other parts of
  the report (executive-summary, photo-captions, resource-list) or a source outside the report
  (`registry`: the resource index's checked facts; `editors`: links the editors drew).

Plain Python: the macros adapter applies it after the page's macros are expanded, and
`make check` applies it to measure the page as readers see it.
"""

from __future__ import annotations

from us_nordic_kb.model.labels import OUTSIDE_SOURCES, TOPIC_LABELS
from us_nordic_kb.model.pages import section_ids
from us_nordic_kb.model.registry import Registry, Topic
from us_nordic_kb.render.markup import escape, format_date, link

ABOUT_PAGE = "about.md"
GLOSSARY_RULE = "glossary.md#chatham-house-rule"
UNSEARCHED = "{ data-search-exclude }"  # a paragraph Material's search plugin leaves out of its index


def context_notice(registry: Registry, topic: Topic, from_page: str) -> str:
    """The admonition that tells a reader arriving from a search engine what the page is."""
    workshop = registry.workshop
    position = f"{TOPIC_LABELS[topic.kind]} {topic.number} of {len(registry.topics_of(topic.kind))}"
    about = link("About the workshop", ABOUT_PAGE, from_page)
    rule = link("Chatham House Rule", GLOSSARY_RULE, from_page)
    lines = [
        '!!! abstract context-notice "Where this comes from"',
        f"    This page sums up {position.lower()} of the report on a two-day workshop in "
        f"{escape(workshop.place)}, on {_date_range(workshop.start, workshop.end)}. {escape(workshop.participants)}",
        f"    {UNSEARCHED}",
        "",
        f"    The report records views that people shared under the {rule}. Apart from one photo "
        "caption that names two speakers, it ties no view to a named participant. It is not a study of what works. "
        "Where this page adds facts or links "
        f"of its own, it says so. {about}.",
        f"    {UNSEARCHED}",
    ]
    return "\n".join(lines)


def provenance(registry: Registry, parts: list[str], topic: Topic, from_page: str) -> str:
    """The line under a section heading: which parts of the report, or which other sources."""
    in_report = [_part_link(registry, p, topic, from_page) for p in parts if p not in OUTSIDE_SOURCES]
    outside = [OUTSIDE_SOURCES[p] for p in parts if p in OUTSIDE_SOURCES]
    said = []
    if in_report:
        said.append("From the report: " + _and(in_report) + ".")
    if outside:
        said.append(("Also: " if in_report else "Not from the report: ") + "; ".join(outside) + ".")
    return " ".join(said) + "\n{ .provenance }"


def annotate(markdown: str, registry: Registry, from_page: str, sources: dict[str, list[str]] | None) -> str:
    """The page with its context notice and the provenance of every section, if it is a topic page."""
    topic = registry.topic_for_page(from_page)
    if topic is None:
        return markdown
    sources = sources or {}
    lines = markdown.splitlines()
    headings = dict(section_ids(markdown))
    out: list[str] = []
    notice_done = False
    for number, line in enumerate(lines, start=1):
        out.append(line)
        if not notice_done and line.strip() == "{ .lead }":
            out += ["", context_notice(registry, topic, from_page)]
            notice_done = True
        section = headings.get(number)
        if section and section != "related":
            out += ["", provenance(registry, sources.get(section, [topic.id]), topic, from_page)]
    return "\n".join(out) + "\n"


def _part_link(registry: Registry, part: str, topic: Topic, from_page: str) -> str:
    label = registry.part_label(part)
    if part in registry.topics and part != topic.id:
        return link(label, registry.topics[part].page, from_page)
    return label


def _date_range(start: str, end: str) -> str:
    """'2022-04-27', '2022-04-28' -> '27–28 April 2022'."""
    first, last = format_date(start), format_date(end)
    return f"{first.split()[0]}–{last}" if first.split()[1:] == last.split()[1:] else f"{first} – {last}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
