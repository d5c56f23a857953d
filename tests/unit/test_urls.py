"""The one rule for an address a data file or the form gives (model/urls.py)."""

from __future__ import annotations

import re

import pytest

from tests.support import ROOT
from us_nordic_kb.model import urls

MARKUP = set("<>\"'`[]()!*{}|\\^ ")


@pytest.mark.parametrize(
    ("given", "written"),
    [
        (
            "https://nordicsafecities.org/![x](https://elsewhere.example/b.png)",
            "https://nordicsafecities.org/%21%5Bx%5D%28https://elsewhere.example/b.png%29",
        ),
        (
            "https://nordicsafecities.org/[x](https://nordicsafecities.org/onmouseover=alert(1)//)",
            "https://nordicsafecities.org/%5Bx%5D%28https://nordicsafecities.org/onmouseover=alert%281%29//%29",
        ),
        ('https://example.org/a b"c<d>?q=<e>#"f', "https://example.org/a%20b%22c%3Cd%3E?q=%3Ce%3E#%22f"),
        ("https://Example.ORG", "https://example.org/"),
        ("https://münchen.de/straße", "https://xn--mnchen-3ya.de/stra%C3%9Fe"),
        ("https://example.org/100%-sure?a=%3A", "https://example.org/100%25-sure?a=%3A"),
    ],
)
def test_an_address_is_written_again_with_no_markup_character_left(given, written):
    assert urls.canonical(given) == written
    assert not MARKUP & set(written)
    assert urls.canonical(written) == written  # written once, it stays as it is


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("http://example.org/", "'http://example.org/' uses http:// — give the https:// address"),
        ("javascript:alert(1)", "is not an absolute https:// address"),
        ("example.org/x", "is not an absolute https:// address"),
        ("https://user:secret@example.org/", "holds a user name or password"),
        ("https://localhost/", "has a host name that is not valid"),
        ("https://127.0.0.1/", "has a host name that is not valid"),
        ("https://example.org:99999/", "has a host name or port that is not valid"),
    ],
)
def test_what_is_not_an_https_address_is_refused_with_what_to_do(given, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        urls.canonical(given)


def test_every_address_of_the_registry_is_written_the_one_way():
    text = (ROOT / "docs/resources/registry.yml").read_text(encoding="utf-8")
    addresses = re.findall(r"(?:url|publisher_url): (https?://\S+)", text)
    assert len(addresses) > 10
    assert [a for a in addresses if urls.canonical(a) != a] == []
