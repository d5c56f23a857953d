"""A Content-Security-Policy for every built page, as a `meta` element (a static host sets no
headers): scripts, styles, images, fonts and connections from the site itself only, and the
theme's inline scripts allowed one by one by their sha256 hash, computed from the built page.
No 'unsafe-inline' for scripts: an injected script does not run.

Zensical's search (0.0.73) builds its stylesheet in the browser, as a style element in a shadow
root; its build passes `inline_styles`, which allows inline styles (never inline scripts). Images,
fonts and connections stay limited to the site, so an injected style cannot send anything away.

The offline copy opens from file://, where a browser treats every file as its own origin; its
policy allows `file:` instead of 'self', and `blob:` for the worker that search starts there.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# An inline script that runs: no src, and no type other than JavaScript (JSON data blocks do not run).
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPE = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')
HEAD = re.compile(r"<head>")


def inline_hashes(html: str) -> list[str]:
    """The CSP sources ('sha256-...') of the page's inline scripts that run, in page order."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        if DATA_TYPE.search(match["attrs"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in found:
            found.append(f"'sha256-{digest}'")
    return found


def policy(hashes: list[str], offline: bool, inline_styles: bool = False) -> str:
    """The policy of one page; `inline_styles` lets the page's scripts add style elements."""
    own = "file:" if offline else "'self'"
    scripts = " ".join([own, *hashes])
    workers = f"{own} blob:" if offline else own
    return "; ".join(
        [
            f"default-src {own}",
            f"script-src {scripts}",
            f"style-src {own} 'unsafe-inline'" if inline_styles else f"style-src {own}",
            f"img-src {own} data:",  # the theme's icons are data: URIs in its stylesheet
            f"font-src {own}",
            f"connect-src {own}",
            f"worker-src {workers}",
            f"frame-src {workers}",  # offline, search runs in an iframe-backed worker
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


def add_policy(site: Path, offline: bool = False, inline_styles: bool = False) -> int:
    """Put the policy into the head of every HTML page of `site`; return the number of pages."""
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_hashes(html), offline, inline_styles)}">'
        html, count = HEAD.subn(f"<head>\n    {meta}", html, count=1)
        if count != 1:
            raise SystemExit(f"{page}: no <head> to put the Content-Security-Policy in — the theme's page layout changed")
        page.write_text(html, encoding="utf-8")
    return len(pages)
