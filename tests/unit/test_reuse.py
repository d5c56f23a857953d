"""Reuse, cite, follow, respond: the data files, structured metadata, the changes page and feed,
citations, single-page PDFs and feedback links, checked in the built site and the bundle."""

from __future__ import annotations

import yaml

from tests.support import ROOT
from us_nordic_kb.model.registry import load

REGISTRY = load(ROOT / "docs/resources/registry.yml", ROOT / "docs")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feedback_form_has_the_fields_the_links_fill_in():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/page-feedback.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    assert fields["page"]["type"] == "input" and fields["useful"]["attributes"]["options"] == ["Yes", "No"]
    report = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/broken-link-or-error.yml").read_text(encoding="utf-8"))
    assert "page" in {item.get("id") for item in report["body"]}
