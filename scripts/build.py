"""The production build: the site with its downloads, swapped in only when all succeeded.

1. the offline profile (mkdocs.offline.yml) is built;
2. from its pages, one PDF per page that asks for it (`pdf: true`), and the registry as JSON
   and CSV, all of which the offline copy carries too; then it is zipped: the HTML bundle;
3. the PDF of the whole site is rendered from the same offline pages;
4. the published site is built with the downloads page listing every file, which are copied
   into site/downloads/, and the Atom feed of changes is written beside it;
5. every page of both copies gets its Content-Security-Policy (scripts/csp.py), and no page may
   still hold macro syntax or front matter.
A failed step leaves the last good site untouched.
Usage: python -m scripts.build [--site-dir site] [--config mkdocs.yml] [--skip-downloads]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import cast

from bs4 import BeautifulSoup

from macros import exports, history
from macros.registry import REGISTRY_PATH, load, parse, read
from scripts import build_bundle, build_pdf, check, csp, site_config

FEED = "changes/feed.xml"  # beside the Changes page, so that the page links it as "feed.xml"
# What must never reach a built page's text: macro syntax, and the front matter's keys.
LEFTOVER_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LEFTOVER_FRONT_MATTER = re.compile(r"^(description|render_macros|sources|roles|edit_source|pdf): ", re.M)


def build(site_dir: Path, config: Path, downloads: bool = True) -> None:
    """Build into `<site_dir>.new`, then replace `site_dir` with it."""
    staging = site_dir.with_name(site_dir.name + ".new")
    work = site_dir.with_name(site_dir.name + ".work")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    env = dict(site_config.MKDOCS_ENV)
    refuse_what_check_rejects(config)
    try:
        if downloads:
            offline, files, mkdocs_config = work / "offline", work / "downloads", site_config.load(config)
            build_bundle.build_offline(config, offline)
            write_feed(config, offline / FEED)
            csp.add_policy(offline, offline=True)
            build_pdf.render_pages(offline, mkdocs_config, files)
            write_data(Path(mkdocs_config.docs_dir), files)
            shutil.copytree(files, offline / "downloads", dirs_exist_ok=True)  # the bundle carries them
            build_bundle.zip_site(offline, files / build_bundle.BUNDLE_NAME)
            build_pdf.render(offline, mkdocs_config, files / build_pdf.PDF_NAME)
            env["KB_DOWNLOADS_DIR"] = str(files.resolve())
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--config-file",
                str(config),
                "--site-dir",
                str(staging.resolve()),
            ],
            cwd=config.parent,
            env=env,
        )
        if result.returncode != 0:
            raise SystemExit("The site build failed.")
        csp.add_policy(staging)
        if leftovers := source_left_in(staging):
            raise SystemExit("Page source reached the built site (unrendered macros, front matter):\n" + "\n".join(leftovers))
        if downloads:
            shutil.copytree(work / "downloads", staging / "downloads", dirs_exist_ok=True)
        write_feed(config, staging / FEED)
    except (SystemExit, Exception):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    swap(staging, site_dir)


def refuse_what_check_rejects(config: Path) -> None:
    """Stop before building if `make check` finds a problem: a page it rejects never ships."""
    docs = Path(site_config.load(config).docs_dir)
    problems, _ = check.check(docs, docs / REGISTRY_PATH)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(f"make check found {len(problems)} problem(s): nothing was built, and the last good site stays.")


def source_left_in(site: Path) -> list[str]:
    """Built pages whose text still holds macro syntax or front matter outside code."""
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("code, pre, script, style"):
            element.decompose()
        text = soup.get_text("\n")
        for pattern, what in [(LEFTOVER_MACRO, "macro syntax"), (LEFTOVER_FRONT_MATTER, "front matter")]:
            if match := pattern.search(text):
                found.append(f"{page.relative_to(site)}: {what} in the page text: {match.group(0).strip()[:60]!r}")
    return found


def write_data(docs: Path, out: Path) -> None:
    """The registry as registry.json and registry.csv in `out`."""
    name = f"docs/{REGISTRY_PATH}"
    registry = load(docs / REGISTRY_PATH, name=name)  # stops with every problem if the file is wrong
    data, _ = parse(read(docs / REGISTRY_PATH, name), name)
    out.mkdir(parents=True, exist_ok=True)
    (out / "registry.json").write_text(exports.to_json(cast(dict, data)), encoding="utf-8")  # a mapping: load() checked it
    (out / "registry.csv").write_text(exports.to_csv(registry), encoding="utf-8")


def write_feed(config: Path, out: Path) -> None:
    """The Atom feed of the site's changes, from one git call over the history of docs/."""
    mkdocs_config = site_config.load(config)
    commits = history.commits(config.parent)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(history.atom_feed(commits, mkdocs_config.site_name, mkdocs_config.site_url, FEED), encoding="utf-8")


def swap(new: Path, site_dir: Path) -> None:
    """Put `new` in place of `site_dir`, removing the old copy only after the move."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--skip-downloads", action="store_true", help="build the site only (quicker)")
    args = parser.parse_args()
    build(args.site_dir.resolve(), args.config.resolve(), downloads=not args.skip_downloads)
    print(f"Built {args.site_dir}")


if __name__ == "__main__":
    main()
