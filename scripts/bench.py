"""Benchmark: our share of the build on top of Material + mkdocs-macros at 1x and 10x content,
each step make build adds, growth to 100x, preview rebuild; and at 1x, 10x and 100x what a
reader meets (the first view of a page, the time from a keystroke to a search result, served
by scripts/serve.py to Chromium with gzip counted) and the time of make check. Prints a table of
medians, each with its target; it asserts nothing.

With --search-only, only what measures search: the query set through the published site and the
offline copy at 1x, and the first result and its steps at 100x (a few minutes).

Usage: python -m scripts.bench [--runs 5] [--compare-runs 25] [--skip-scale] [--search-only]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import platform
import queue
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from macros import pages, sanitise, site
from macros.artifacts import ARTIFACTS
from macros.page_macros import load_sources
from macros.registry import REGISTRY_PATH
from scripts import bench_check, bench_search, build, check, page_text, search_index, site_config, site_steps
from scripts.serve import serve

ROOT = site.load().root  # the project the bench runs in

# Python's default, as on a contributor's machine and in CI: compiled modules are kept
# (__pycache__). A shell with PYTHONDONTWRITEBYTECODE set would charge every timed build the
# compiling of our modules (about 25 ms), which the baselines, with an empty macros module, do not pay.
ENV = {name: value for name, value in site_config.MKDOCS_ENV.items() if name != "PYTHONDONTWRITEBYTECODE"}
PROSE_PAGES = ["about.md", "glossary.md", "contributing.md", "accessibility.md", "downloads.md"]
COPY = ["docs", "hooks", "macros", "overrides", "CONTRIBUTING.md", "mkdocs.yml", "mkdocs.offline.yml", "reviewed-files.yml"]


# --- measuring --------------------------------------------------------------------------


def timed_build(project: Path, config: str = "mkdocs.yml") -> tuple[float, int]:
    """Seconds and peak memory (bytes) of one `mkdocs build` of `project` in a fresh process."""
    out = Path(tempfile.mkdtemp(prefix="bench-site-"))
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(out)],
        cwd=project,
        env=ENV,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    shutil.rmtree(out, ignore_errors=True)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed")
    return seconds, usage.ru_maxrss * 1024


def timed_zensical_build(project: Path) -> float:
    """Seconds of one `zensical build --clean` of `project` (into zensical.yml's own folder)."""
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", "zensical.yml"],
        cwd=project,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def median_build(project: Path, runs: int, config: str = "mkdocs.yml") -> tuple[float, int]:
    results = [timed_build(project, config) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def interleaved(builds: dict[str, tuple[Path, str]], runs: int) -> dict[str, tuple[float, int]]:
    """Median seconds and peak memory of several builds, run in turn (in a new random order
    each round) so that machine noise and warm-up hit all alike."""
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in builds}
    order = random.Random(0)  # noqa: S311 - shuffles the order of benchmark runs; nothing secret
    for _ in range(runs):
        for name in order.sample(list(builds), len(builds)):
            results[name].append(timed_build(*builds[name]))
    return {name: (statistics.median(r[0] for r in values), max(r[1] for r in values)) for name, values in results.items()}


def build_site(project: Path, site: Path, config: str = "mkdocs.yml") -> Path:
    """`mkdocs build` of `project` into `site`; stops on failure."""
    subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site)],
        cwd=project,
        env=ENV,
        check=True,
    )
    return site


def published_site(project: Path, site: Path) -> tuple[Path, float]:
    """`project` built into `site` as the published site is: `mkdocs build`, then its search
    index (scripts/search_index.py); with the seconds the index took."""
    build_site(project, site)
    _, seconds = timed(search_index.build, site)
    return site, seconds


def copy_project(dest: Path) -> Path:
    for part in COPY:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / part)
    return dest


# --- plain Material build of the same Markdown ------------------------------------------


def plain_project(dest: Path, source: Path = ROOT) -> Path:
    """A copy of `source` whose pages carry the macros' output, built by Material alone: no
    mkdocs-macros, no hooks, no sanitiser; Material's own plugin (search) keeps its settings."""
    # The git history comes along: the Changes page is built from it.
    shutil.copytree(
        source, dest, ignore=shutil.ignore_patterns(".venv", "node_modules", "site*", ".build", ".cache", "__pycache__")
    )
    renderer = page_text.Renderer(load_sources(dest / "docs"), page_text.site_config(dest), dest)
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        meta, body, body_line = page_text.split_front_matter(text)
        front = "".join(text.splitlines(keepends=True)[: body_line - 1])
        expanded = sanitise.release(renderer.expand(page.relative_to(dest / "docs").as_posix(), body, meta))
        # The page now holds the macros' output (headings such as `{#related}` read as Jinja
        # comments), so it must not be rendered again where mkdocs-macros is loaded.
        page.write_text(front.replace("render_macros: true", "render_macros: false", 1) + expanded, encoding="utf-8")
    mkdocs_yml = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    mkdocs_yml = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", mkdocs_yml)
    mkdocs_yml = mkdocs_yml.replace(f"\n  - {sanitise.__name__}\n", "\n")  # ours: its cost counts as our share
    mkdocs_yml = re.sub(r"\n  macros:\n(    .*\n)+", "\n", mkdocs_yml)  # Material's search keeps its settings
    (dest / "mkdocs.yml").write_text(mkdocs_yml.replace("strict: true", "strict: false"), encoding="utf-8")
    return dest


def empty_macros_project(dest: Path) -> Path:
    """The plain project plus mkdocs-macros with an empty module: the plugin's own cost."""
    (dest / "empty_macros").mkdir()
    (dest / "empty_macros/__init__.py").write_text("def define_env(env):\n    pass\n")
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.macros.yml").write_text(
        text.replace("plugins:\n", "plugins:\n  macros:\n    module_name: empty_macros\n    render_by_default: false\n", 1),
        encoding="utf-8",
    )
    return dest


# --- scaled content -----------------------------------------------------------------------


class _NoAliases(yaml.SafeDumper):
    """Writes a value shared by several entries out in full each time, as a contributor would."""

    def ignore_aliases(self, data) -> bool:
        return True


def scaled_project(dest: Path, factor: int) -> tuple[Path, int, int]:
    """A copy with `factor` sets of the themes and next steps and `factor` times the registry.

    Set 1 is the real content; each further set copies every topic page, the pages of prose
    (about, glossary, contributing, accessibility, downloads) and every entry under new ids,
    with the same relations inside the set. The home page, the overviews and the resource index
    stay single pages that list everything. Sets are grouped ten to a collection in the nav, as
    a growing site would group cities or languages. Returns the project, its page count and its
    entry count.
    """
    copy_project(dest)
    docs = dest / "docs"
    registry = yaml.safe_load((docs / "resources/registry.yml").read_text(encoding="utf-8"))
    topics, entries = list(registry["topics"]), list(registry["entries"])
    suffix_ids = {t["id"] for t in topics} | {e["id"] for e in entries}
    collections: dict[int, list] = {}
    for n in range(2, factor + 1):
        rename = {i: f"{i}-{n}" for i in suffix_ids}
        set_pages = []
        for topic in registry["topics"]:
            page = f"sets/{n}/{topic['page']}"
            text = (docs / topic["page"]).read_text(encoding="utf-8")
            text = _rename_refs(text, rename)
            text = text.replace("](../", "](../../../")
            title_line = pages.body_line(text) - 1  # the page's '# ' heading, its title (make check holds it there)
            lines = text.split("\n")
            text = "\n".join([*lines[:title_line], f"{lines[title_line]} (set {n})", *lines[title_line + 1 :]])
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(text, encoding="utf-8")
            topics.append(
                {
                    **topic,
                    "id": rename[topic["id"]],
                    "page": page,
                    "related": [rename[r] for r in topic.get("related", [])],
                }
            )
            set_pages.append(page)
        for prose in PROSE_PAGES:
            text = (docs / prose).read_text(encoding="utf-8")
            text = _rename_refs(text, rename)
            text = re.sub(r"\]\((?!https?:|#|mailto:)", "](../../", text)
            (docs / f"sets/{n}/{prose}").write_text(text, encoding="utf-8")
            set_pages.append(f"sets/{n}/{prose}")
        for entry in registry["entries"]:
            entries.append(
                {
                    **entry,
                    "id": rename[entry["id"]],
                    "name": f"{entry['name']} (set {n})",
                    "named_in": [rename.get(t, t) for t in entry["named_in"]],
                    "editors_links": [rename[t] for t in entry.get("editors_links", [])],
                }
            )
        collections.setdefault((n - 2) // 10 + 1, []).append({f"Set {n}": set_pages})
    scaled = {"workshop": registry["workshop"], "topics": topics, "entries": entries}
    registry = yaml.dump(scaled, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)  # the registry refuses aliases
    (docs / "resources/registry.yml").write_text(registry, encoding="utf-8")
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = config["nav"]
    if collections:
        nav.insert(4, {"More sets": [{f"Collection {c}": sets} for c, sets in collections.items()]})
    text = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    text = text[: text.index("\nnav:")] + "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest, len(pages.nav_pages(nav)), len(entries)


def _rename_refs(text: str, rename: dict[str, str]) -> str:
    """Point every `ref("id"` of a page at the renamed id of its set."""
    return re.sub(r'ref\("([a-z0-9-]+)"', lambda m: f'ref("{rename.get(m.group(1), m.group(1))}"', text)


# --- preview rebuild --------------------------------------------------------------------


def preview_rebuilds(runs: int) -> list[float]:
    """Seconds `mkdocs serve` reports for rebuilding after one page is edited."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(Path(tmp))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue[str] = queue.Queue()

        def forward() -> None:
            """Put each line that mkdocs serve prints on `lines`, for wait_for."""
            for line in process.stderr or ():  # a pipe (stderr=PIPE above), so never None
                lines.put(line)

        threading.Thread(target=forward, daemon=True).start()

        def wait_for(pattern: str, seconds: float = 60) -> re.Match:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                try:
                    if match := re.search(pattern, lines.get(timeout=1)):
                        return match
                except queue.Empty:
                    pass
            raise SystemExit(f"mkdocs serve printed no '{pattern}' within {seconds:.0f} s")

        times = []
        try:
            wait_for(r"Serving on")  # the first build is done; the file watcher starts now
            page = project / "docs/themes/digital-literacy.md"
            for run in range(runs):
                for attempt in range(3):  # the watcher can miss an edit made as it (re)starts
                    time.sleep(1.0)
                    page.write_text(page.read_text(encoding="utf-8") + f"\nEdited {run}.{attempt}\n", encoding="utf-8")
                    try:
                        times.append(float(wait_for(r"Documentation built in ([\d.]+) seconds", 15).group(1)))
                        break
                    except SystemExit:
                        continue
                wait_for(r"Reloading browsers")
        finally:
            process.terminate()
            process.wait()
    return times


# --- page weight ------------------------------------------------------------------------


def page_weight(site: Path, path: str) -> tuple[int, int, int]:
    """(requests, bytes, gzip bytes) a browser loads for one page of `site`, search index included."""
    from playwright.sync_api import sync_playwright

    responses: list[str] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.on("requestfinished", lambda request: responses.append(request.url))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        browser.close()
        foreign = [u for u in responses if not u.startswith(base)]
        files = [site / u.removeprefix(base).split("?")[0].split("#")[0] for u in responses if u.startswith(base)]
    files = [f / "index.html" if f.is_dir() else f for f in files]
    raw = sum(f.stat().st_size for f in files)
    compressed = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    if foreign:
        raise SystemExit(f"page {path} requested other hosts: {foreign}")
    return len(responses), raw, compressed


# --- the steps around mkdocs in make build ----------------------------------------------


def timed(step, *args):
    """The result of `step(*args)` and the seconds it took."""
    start = time.perf_counter()
    result = step(*args)
    return result, time.perf_counter() - start


def build_steps(work_dir: Path) -> list[tuple[str, str, str]]:
    """Seconds of each step scripts/build.py adds around the published site's build, in its order:
    the check, the offline copy, then every artifact (macros/artifacts.py) by its own renderer."""
    config = ROOT / "mkdocs.yml"
    docs = Path(site_config.load(config).docs_dir)
    _, check_time = timed(check.check, docs, docs / REGISTRY_PATH)
    work, offline_time = timed(build.offline_copy, config, work_dir, site_config.ENGINES[0])
    work.downloads.mkdir(parents=True)
    rows = [
        ("make check, before every build (cmudict load included)", f"{check_time:.2f} s", ""),
        ("Offline copy: its build, Atom feed and Content-Security-Policy", f"{offline_time:.2f} s", ""),
    ]
    for artifact in ARTIFACTS:
        _, seconds = timed(build.make, artifact, work)
        files = list(work.downloads.glob(artifact.path("*"))) if artifact.per_page else [work.downloads / artifact.file]
        size = sum(f.stat().st_size for f in files) / 1e6
        what = (
            f"{artifact.title.format(title='each page that asks')} ({len(files)} files)" if artifact.per_page else artifact.title
        )
        rows.append((what, f"{seconds:.2f} s, {size:.2f} MB", "< 5 MB" if artifact.name == "site-pdf" else ""))
    _, guard_time = timed(site_steps.source_left_in, work.offline)
    return rows + [("Guard against page source in the output (one copy)", f"{guard_time:.2f} s", "")]


# --- what a reader meets, and make check, at each scale -----------------------------------


def reader_rows(site: Path, label: str, deep: str, runs: int) -> list[tuple[str, str, str]]:
    """First views of the home page and of a deep page, and search, on one built site."""
    rows = []
    for name, path in (("home page", ""), (f"deep page ({deep})", deep)):
        requests, raw, compressed = page_weight(site, path)
        rows.append(
            (
                f"First view at {label}, {name}",
                f"{requests} requests, {raw / 1e3:.0f} kB, {compressed / 1e3:.0f} kB gzip",
                "≤ 100 kB gzip, own host only",
            )
        )
    return rows + search_reader_rows(site, label, runs)


def search_reader_rows(site: Path, label: str, runs: int) -> list[tuple[str, str, str]]:
    """The search index's size and the time from a first keystroke to the first result, on one built site."""
    files, size = bench_search.index_size(site)
    seconds = bench_search.first_result(site, "", runs)
    return [
        (
            f"Search index at {label} (Pagefind), of which a query loads only its parts",
            f"{files} files, {size / 1e6:.2f} MB in all",
            "not in the first view",
        ),
        (f"Search at {label}: first keystroke → first result", f"{seconds:.2f} s", "< 1 s at 100x"),
    ]


def search_parts_row(site: Path, query: str = bench_search.QUERY) -> tuple[str, str, str]:
    """Where the time to the first result goes, step by step."""
    parts = bench_search.parts(site, query)
    return (
        f"  of which, for '{query}': search settings fetched, worker ready (Pagefind's script and WebAssembly), query answered",
        f"{parts['fetched']:.2f} s, {parts['ready']:.2f} s, {parts['answered']:.2f} s ({parts['found']:.0f} pages found)",
        "",
    )


def query_set_rows(site: Path, offline: Path) -> list[tuple[str, str, str]]:
    """The query set (tests/search-queries.yml) through the published site and the offline copy."""
    online_figures, offline_figures, agreement = bench_search.query_set(site, offline)
    rows = [
        (
            f"Query set, {name}: expected page among the first three; queries that found nothing",
            f"{figures.top:.0%}; {figures.empty}",
            "≥ 95%; 0",
        )
        for name, figures in (("published site (Pagefind)", online_figures), ("offline copy (lunr)", offline_figures))
    ]
    return rows + [("Query set: same first page online and offline", f"{agreement:.0%}", "≥ 90%")]


def search_rows(work: Path, runs: int) -> list[tuple[str, str, str]]:
    """What measures search alone: the query set at 1x, and search at 100x (make bench --search-only)."""
    site, _ = published_site(ROOT, work / "site")
    rows = query_set_rows(site, build_site(ROOT, work / "offline", "mkdocs.offline.yml"))
    project, pages_count, entries = scaled_project(work / "x100", 100)
    site, indexed = published_site(project, project / "_site")
    rows.append((f"Search index (Pagefind) at 100x ({pages_count} pages, {entries} entries)", f"{indexed:.2f} s", ""))
    rows += search_reader_rows(site, "100x", max(1, runs // 2))
    return rows + [search_parts_row(site), search_parts_row(site, bench_search.QUESTION)]


def check_row(factor: int, measured: tuple[float, float, bool]) -> tuple[str, str, str]:
    seconds, cpu, passed = measured
    note = "" if passed else "; it found problems, so its link check did not run"
    return (f"make check at {factor}x", f"{seconds:.2f} s ({cpu:.2f} s processor){note}", "≤ 10 s at 10x")


def check_growth(checks: dict[int, tuple[float, float, bool]]) -> str:
    return f"{checks[10][0] / checks[1][0]:.1f}x, then {checks[100][0] / checks[10][0]:.1f}x"


# --- report -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compare-runs", type=int, default=25, help="rounds of the 1x comparison, whose differences are near the machine's noise"
    )
    parser.add_argument("--skip-scale", action="store_true", help="leave out the 10x and 100x builds")
    parser.add_argument("--search-only", action="store_true", help="measure search alone (the query set, search at 100x)")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        if args.search_only:
            report(search_rows(work, args.runs), args)
            return
        plain_dir = empty_macros_project(plain_project(work / "plain"))
        medians = interleaved(
            {"ours": (ROOT, "mkdocs.yml"), "plain": (plain_dir, "mkdocs.yml"), "plugin": (plain_dir, "mkdocs.macros.yml")},
            args.compare_runs,
        )
        (ours, ours_memory), (plain, _), (plugin_only, _) = medians["ours"], medians["plain"], medians["plugin"]
        rows += [
            ("mkdocs build, real site (our config)", f"{ours:.2f} s", ""),
            ("Same Markdown, plain Material", f"{plain:.2f} s", ""),
            ("Same Markdown, Material + mkdocs-macros (empty module)", f"{plugin_only:.2f} s", ""),
            ("Our share: our macros and hooks on top of Material + mkdocs-macros", f"{ours / plugin_only - 1:+.0%}", "≤ +10%"),
            ("  for reference, all of it on top of plain Material", f"{ours / plain - 1:+.0%}", ""),
            ("Peak memory, real site", f"{ours_memory / 2**20:.0f} MiB", ""),
        ]

        if importlib.util.find_spec("zensical"):
            zensical = statistics.median(timed_zensical_build(ROOT) for _ in range(args.runs))
            rows.append(("Zensical 0.0.73 build, same site (`zensical build --clean`)", f"{zensical:.2f} s", ""))

        rebuilds = preview_rebuilds(args.runs)
        rows.append(("Preview rebuild after editing one page", f"{statistics.median(rebuilds):.2f} s", "seconds"))
        rows += build_steps(work)

        site, indexed = published_site(ROOT, work / "site")
        rows.append(("Search index (Pagefind) of the published site", f"{indexed:.2f} s", ""))
        rows += reader_rows(site, "1x", "themes/digital-literacy/", args.runs)
        rows += query_set_rows(site, build_site(ROOT, work / "offline", "mkdocs.offline.yml"))
        largest = max((p for p in site.rglob("index.html") if p.parent != site), key=lambda p: p.stat().st_size)
        requests, raw, compressed = page_weight(site, largest.parent.relative_to(site).as_posix() + "/")
        rows.append(
            (
                f"Largest page ({largest.parent.relative_to(site).as_posix()}/), first view",
                f"{requests} requests, {raw / 1e3:.0f} kB, {compressed / 1e3:.0f} kB gzip",
                "",
            )
        )
        checks = {1: bench_check.median_check(ROOT, ENV, args.runs)}
        rows.append(check_row(1, checks[1]))

        if not args.skip_scale:
            scale = {}
            for factor in (10, 100):
                project, pages, entries = scaled_project(work / f"x{factor}", factor)
                seconds, memory = median_build(project, args.runs)
                rows.append(
                    (
                        f"{factor}x content ({pages} pages, {entries} entries)",
                        f"{seconds:.2f} s, {memory / 2**20:.0f} MiB peak",
                        "< 1024 MiB at 100x",
                    )
                )
                if factor == 10:
                    plain_scaled = empty_macros_project(plain_project(work / "plain-x10", project))
                    medians = interleaved(
                        {
                            "ours": (project, "mkdocs.yml"),
                            "plain": (plain_scaled, "mkdocs.yml"),
                            "plugin": (plain_scaled, "mkdocs.macros.yml"),
                        },
                        args.runs,
                    )
                    ours_10, plain_10, plugin_10 = (medians[name][0] for name in ("ours", "plain", "plugin"))
                    rows += [
                        ("Our share at 10x, on top of Material + mkdocs-macros", f"{ours_10 / plugin_10 - 1:+.0%}", "≤ +10%"),
                        ("  for reference, all of it on top of plain Material at 10x", f"{ours_10 / plain_10 - 1:+.0%}", ""),
                    ]
                site, indexed = published_site(project, project / "_site")
                rows.append((f"Search index (Pagefind) at {factor}x", f"{indexed:.2f} s", ""))
                scale[factor] = (seconds, memory, (site / "themes/digital-literacy/index.html").stat().st_size)
                few = args.runs if factor == 10 else max(1, args.runs // 2)  # a run at 100x takes a minute or more
                rows += reader_rows(site, f"{factor}x", f"sets/{factor}/themes/digital-literacy/", few)
                if factor == 100:
                    rows += [search_parts_row(site), search_parts_row(site, bench_search.QUESTION)]
                checks[factor] = bench_check.median_check(bench_check.with_check(project, ROOT), ENV, few if factor == 10 else 1)
                rows.append(check_row(factor, checks[factor]))
                shutil.rmtree(site)
            rows.append(("Build time growth 10x → 100x", f"{scale[100][0] / scale[10][0]:.1f}x", "≤ 10x"))
            rows.append(
                (
                    "Typical page HTML 10x → 100x",
                    f"{scale[10][2] / 1e3:.0f} kB → {scale[100][2] / 1e3:.0f} kB ({scale[100][2] / scale[10][2]:.2f}x)",
                    "≤ 1.5x",
                )
            )
            rows.append(("make check growth 1x → 10x → 100x", check_growth(checks), "about 10x a step (linear)"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(rows, args)


def report(rows: list[tuple[str, str, str]], args: argparse.Namespace) -> None:
    """The figures as a Markdown table, after a line on the machine and the runs."""
    print(
        f"\nMachine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}; "
        f"medians of {args.compare_runs} rounds (1x comparison) and {args.runs} runs (the rest)\n"
    )
    width = max(len(r[0]) for r in rows)
    print(f"| {'Measure'.ljust(width)} | Figure | Target |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for name, value, target in rows:
        print(f"| {name.ljust(width)} | {value} | {target} |")


if __name__ == "__main__":
    main()
