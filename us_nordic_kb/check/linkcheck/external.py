"""Check every external address of the built site with LinkChecker, and report readably.

Each failure names the pages that hold the address and the registry entry it comes from.
Timeouts, the rate per host and the user agent are in external.ini beside this module; hosts known to
be flaky are listed, each with a reason, in known-flaky.yml: their failures are
still reported, but do not fail the check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from us_nordic_kb.check.linkcheck.common import page_links, run_linkchecker
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import REGISTRY_PATH, load

CONFIG = Path(__file__).with_name("external.ini")  # LinkChecker's settings for other hosts
FLAKY = Path(__file__).with_name("known-flaky.yml")
ATTEMPTS = 3  # a failing address is tried this many times before it counts as broken
_REDIRECT = re.compile(r"Redirected to `([^']+)' status: (\d{3})")
_PERMANENT = {"301", "308"}

# Classes in the order the report shows them; the first two fail the check.
SEVERITY = {
    "broken": "Broken (the server answered with an error)",
    "unreachable": "Unreachable (timeout or connection failure)",
    "moved": "Moved permanently: update the registry or page to the new address",
    "anchor": "Page found, but the #anchor is missing",
    "flaky": "Failed on a host listed in us_nordic_kb/check/linkcheck/known-flaky.yml (not counted)",
    "redirected": "Redirected temporarily (fine; for information)",
    "ok": "OK",
}
FAILING = {"broken", "unreachable"}


@dataclass
class Result:
    """The outcome for one external address."""

    url: str
    status: str
    detail: str = ""
    new_url: str | None = None
    pages: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)


def external_urls(site: Path) -> dict[str, list[str]]:
    """Every http(s) address the built pages link to, with the pages that hold it."""
    found: dict[str, set[str]] = defaultdict(set)
    for page in sorted(site.rglob("*.html")):
        for _, href in page_links(page).links:
            if href.startswith(("http://", "https://")):
                found[href].add(str(page.relative_to(site)))
    return {url: sorted(pages) for url, pages in sorted(found.items())}


def load_flaky(path: Path = FLAKY) -> dict[str, str]:
    """Host -> reason, from the reviewed list; every listed host must give a reason."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    flaky = {}
    for i, item in enumerate(data.get("hosts") or []):
        if not isinstance(item, dict) or not item.get("host") or not item.get("reason"):
            raise SystemExit(f"{path}: hosts item #{i + 1}: expected 'host:' and 'reason:' (why it is flaky, and since when)")
        flaky[item["host"]] = item["reason"]
    return flaky


def classify(row: dict) -> Result:
    """Turn one LinkChecker CSV row into a Result."""
    url, warning, result = row["urlname"], row["warningstring"], row["result"]
    if row["valid"] != "True":
        is_http_error = bool(re.match(r"\d{3} ", result))
        return Result(url, "broken" if is_http_error else "unreachable", result)
    redirect = _REDIRECT.search(warning)
    if redirect and redirect.group(1) == url:
        # LinkChecker caches results by final address: the target of a redirect can inherit
        # the redirect warning of the address that led to it. A page is no redirect to itself.
        redirect = None
    if redirect and redirect.group(2) in _PERMANENT:
        return Result(url, "moved", f"{redirect.group(2)} to {redirect.group(1)}", new_url=redirect.group(1))
    if "Anchor `" in warning:
        return Result(url, "anchor", warning.split(". Available anchors")[0])
    if redirect:
        return Result(url, "redirected", f"{redirect.group(2)} to {redirect.group(1)}", new_url=redirect.group(1))
    return Result(url, "ok", result)


def check(urls: list[str], config: Path = CONFIG, attempts: int = ATTEMPTS) -> dict[str, Result]:
    """Check `urls`, retrying the failing ones up to `attempts` times in all."""
    results: dict[str, Result] = {}
    pending = list(urls)
    for _ in range(attempts):
        if not pending:
            break
        rows = run_linkchecker(config, "--stdin", "--recursion-level", "0", "--verbose", stdin="\n".join(pending) + "\n")
        for row in rows:
            results[row["urlname"]] = classify(row)
        pending = [u for u in pending if u not in results or results[u].status in FAILING]
    for url in urls:
        results.setdefault(url, Result(url, "unreachable", "LinkChecker returned no result"))
    return results


def registry_urls(registry_file: Path, docs_dir: Path, schema: Path | None = None) -> dict[str, list[str]]:
    """Address -> ids of the registry entries that give it (`docs_dir`: the folder of its topics'
    pages; `schema`: default, the one beside it)."""
    entries: dict[str, list[str]] = defaultdict(list)
    for entry in load(registry_file, docs_dir, schema=schema).entries.values():
        if entry.url:
            entries[entry.url].append(entry.id)
    return entries


def check_site(
    site: Path, entries: dict[str, list[str]], config: Path = CONFIG, flaky_file: Path = FLAKY, attempts: int = ATTEMPTS
) -> list[Result]:
    """Check every external address of `site`, naming its pages and registry `entries`."""
    pages = external_urls(site)
    flaky = load_flaky(flaky_file)
    results = check(list(pages), config, attempts)
    for url, result in results.items():
        result.pages, result.entries = pages.get(url, []), entries.get(url, [])
        host = urlsplit(url).hostname or ""
        if result.status in FAILING and host in flaky:
            result.detail += f" (known flaky: {flaky[host]})"
            result.status = "flaky"
    return sorted(results.values(), key=lambda r: (list(SEVERITY).index(r.status), r.url))


def report(results: list[Result]) -> str:
    """A Markdown report: one section per class, each address with its pages and entries."""
    counts = {status: sum(r.status == status for r in results) for status in SEVERITY}
    lines = [
        "# External link report",
        "",
        f"{len(results)} external addresses checked: " + ", ".join(f"{n} {status}" for status, n in counts.items() if n) + ".",
        "",
    ]
    for status, title in SEVERITY.items():
        group = [r for r in results if r.status == status]
        if not group or status == "ok":
            continue
        lines += [f"## {title}", ""]
        for r in group:
            lines.append(f"- {r.url}: {r.detail}")
            if r.entries:
                lines.append(f"    - registry entry: {', '.join(r.entries)} (docs/{REGISTRY_PATH})")
            lines.append(f"    - on pages: {', '.join(r.pages)}")
        lines.append("")
    return "\n".join(lines)


def main(loaded: Project, site: Path, out: Path | None = None) -> int:
    """Check, print the report (and write it to `out`), return the exit status."""
    results = check_site(site, registry_urls(loaded.registry_file, loaded.docs_dir))
    text = report(results)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return 1 if any(r.status in FAILING for r in results) else 0
