"""The one rule for an address that a data file or the suggestion form gives (an entry's official
page, the report's address): parsed as a URL and written again, https only, every character that
is markup in HTML or Markdown (and any other outside `SAFE`) percent-encoded. The registry holds
addresses in this form only; the form's answer is put in it before it becomes an entry.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

# What an address keeps as it is: RFC 3986's unreserved characters, the delimiters of a path and
# a query, and '%' of an encoded byte. Everything else ('(', '!', '<', '"', a space...) is encoded.
SAFE = "-._~/?=&+,;:@%"
HOST = re.compile(r"(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def canonical(address: str) -> str:
    """`address` as the site writes it; ValueError says what is wrong with it (quoting it, as
    'the address '…' uses http://') and what to do."""
    parts = urlsplit(address.strip())
    shown = f"the address {address.strip()[:80]!r}"
    if parts.scheme.lower() == "http":
        raise ValueError(
            f"{shown} uses http:// — give the https:// address; if the site has none, leave the address out and say why"
        )
    if parts.scheme.lower() != "https" or not parts.netloc:
        raise ValueError(f"{shown} is not an absolute https:// address — give it as https://host/path")
    if "@" in parts.netloc:
        raise ValueError(f"{shown} holds a user name or password before '@' — remove that part")
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        raise ValueError(f"{shown} has a host name or port that is not valid — give the address as the site shows it") from None
    if not HOST.fullmatch(host):
        raise ValueError(f"{shown} has a host name that is not valid — give the address as the site shows it")
    netloc = f"{host}:{port}" if port else host
    path, query, fragment = (
        quote(_LONE_PERCENT.sub("%25", part), safe=SAFE) for part in (parts.path, parts.query, parts.fragment)
    )
    return urlunsplit(("https", netloc, path or "/", query, fragment))
