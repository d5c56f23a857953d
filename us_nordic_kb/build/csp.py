"""A Content-Security-Policy for every built page, as a `meta` element (a static host sets no
headers): scripts, styles, images, fonts and connections from the site itself only, and the
theme's inline scripts allowed one by one by their sha256 hash. No 'unsafe-inline' for scripts.

Which inline scripts are the theme's is known before any page is read: the script templates the
themes ship (`partials/javascripts/*.html` of Material, of Zensical and of our overrides), each
with its template expressions (a base URL) standing for text without quotes, angle brackets or
backslashes. Only a page's scripts that match one are hashed; any other inline script (one
planted in a page's content) is not allowed by the policy, and the build stops on it.

Zensical's search (0.0.73) builds its stylesheet in the browser, as a style element in a shadow
root; its build passes `inline_styles`, which allows inline styles (never inline scripts). Images,
fonts and connections stay limited to the site, so an injected style cannot send anything away.

The published site's search (build/search_index.py) compiles Pagefind's WebAssembly inside the
search worker, which a page's policy does not govern, so the pages need no 'wasm-unsafe-eval'.

The offline copy opens from file://, where a browser treats every file as its own origin; its
policy allows `file:` instead of 'self', and `blob:` for the worker that search starts there.
Where a server serves the offline copy (the Kiwix apps serve the Kiwix archive's pages over
http or a scheme of their own), its pages get the site's policy back (`served`).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from pathlib import Path

from us_nordic_kb.model.project import Project

SCRIPT_TEMPLATES = "partials/javascripts/*.html"
THEME_PACKAGES = ("material", "zensical")  # each ships its templates in <package>/templates
TEMPLATE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)

# An inline script that runs: no src, and no type other than JavaScript (JSON data blocks do not run).
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPE = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')
HEAD = re.compile(r"<head>")
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<content>[^"]*)">')
HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def template_folders(project: Project) -> list[Path]:
    """The template folders of the installed themes, and the project's overrides (the theme's custom_dir)."""
    folders = []
    for package in THEME_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            folders.append(Path(spec.origin).parent / "templates")
    return [*folders, project.root / project.settings["theme"]["custom_dir"]]


def theme_scripts(folders: list[Path]) -> list[re.Pattern]:
    """The inline scripts the themes' script templates write, as patterns of their text."""
    patterns = []
    for template in sorted(p for folder in folders for p in folder.glob(SCRIPT_TEMPLATES)):
        for match in TEMPLATE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
            body = match["body"]
            if "{%" in body or "{#" in body:
                continue  # a script with template logic inside is not one we can know in advance
            literal = [re.escape(part) for part in EXPRESSION.split(body)]
            patterns.append(re.compile(r"[^\"'<>\\]*".join(literal), re.S))
    return patterns


def unknown_scripts(html: str, allowed: list[re.Pattern]) -> list[str]:
    """The bodies of the page's inline scripts that run and are not among the `allowed` theme scripts."""
    return [
        match["body"]
        for match in INLINE_SCRIPT.finditer(html)
        if not DATA_TYPE.search(match["attrs"]) and not any(pattern.fullmatch(match["body"]) for pattern in allowed)
    ]


def inline_hashes(html: str, allowed: list[re.Pattern]) -> list[str]:
    """The CSP sources ('sha256-...') of the page's inline scripts that run and are among the
    `allowed` theme scripts, in page order; any other inline script gets no hash, so it is blocked."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        if DATA_TYPE.search(match["attrs"]) or not any(pattern.fullmatch(match["body"]) for pattern in allowed):
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
            f"worker-src {workers}",  # the search's workers, and the service worker of "Save for offline"
            f"manifest-src {own}",  # the web app manifest (adding the site to a home screen)
            f"frame-src {workers}",  # offline, search runs in an iframe-backed worker
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


def add_policy(
    site: Path, project: Project, offline: bool = False, inline_styles: bool = False, refuse_unknown: bool = True
) -> int:
    """Put the policy into the head of every HTML page of `site`, built from `project`; return the
    number of pages. Stops at a page with an inline script no theme ships, unless
    `refuse_unknown` is False (then that script is only blocked: the tests use this to see the
    policy hold)."""
    pages = sorted(site.rglob("*.html"))
    allowed = theme_scripts(template_folders(project))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if refuse_unknown and (unknown := unknown_scripts(html, allowed)):
            raise SystemExit(
                f"{page.relative_to(site)}: an inline script that no theme ships ({unknown[0][:60]!r}) — "
                "pages may not carry scripts (make check refuses them)"
            )
        hashes = inline_hashes(html, allowed)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, offline, inline_styles)}">'
        html, count = HEAD.subn(f"<head>\n    {meta}", html, count=1)
        if count != 1:
            raise SystemExit(f"{page}: no <head> to put the Content-Security-Policy in — the theme's page layout changed")
        page.write_text(html, encoding="utf-8")
    return len(pages)


def served(html: str, where: str) -> str:
    """A page of the offline copy with the policy a served page has ('self', not file:), for the
    same inline scripts (their hashes, as the copy's policy lists them)."""
    found = POLICY.search(html)
    if found is None:
        raise SystemExit(f"{where}: no Content-Security-Policy in the offline copy's page — the build's csp step did not run")
    hashes = HASH.findall(found["content"])
    return html[: found.start("content")] + policy(hashes, offline=False) + html[found.end("content") :]
