"""Benchmark: our share of the build on top of Material + mkdocs-macros at 1x and 10x content,
each step make build adds, growth to 100x, preview rebuild; and at 1x, 10x and 100x what a
reader meets (the first view of a page, the time from a keystroke to a search result, served
by check/serve.py to Chromium with gzip counted) and the time of make check: the measuring and
the rows of the table that bench/__main__.py prints.
"""

from __future__ import annotations

import gzip
import json
import os
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

from us_nordic_kb.bench import search as bench_search
from us_nordic_kb.bench.projects import copy_project, scaled_project
from us_nordic_kb.build import production, save_offline, search_index, steps
from us_nordic_kb.check.checks import check
from us_nordic_kb.check.serve import serve
from us_nordic_kb.engines import run
from us_nordic_kb.model import project
from us_nordic_kb.model.artifacts import ARTIFACTS
from us_nordic_kb.model.project import Project

# Python's default, as on a contributor's machine and in CI: compiled modules are kept
# (__pycache__). A shell with PYTHONDONTWRITEBYTECODE set would charge every timed build the
# compiling of our modules (about 25 ms), which the baselines, with an empty macros module, do not pay.
ENV = {name: value for name, value in run.MKDOCS_ENV.items() if name != "PYTHONDONTWRITEBYTECODE"}


# --- measuring --------------------------------------------------------------------------


def timed_build(folder: Path, config: str = project.CONFIG) -> tuple[float, int]:
    """Seconds and peak memory (bytes) of one `mkdocs build` of `folder` in a fresh process."""
    out = Path(tempfile.mkdtemp(prefix="bench-site-"))
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(out)],
        cwd=folder,
        env=ENV,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    shutil.rmtree(out, ignore_errors=True)
    if process.returncode != 0:
        raise SystemExit(f"build of {folder} failed")
    return seconds, usage.ru_maxrss * 1024


def timed_zensical_build(folder: Path) -> float:
    """Seconds of one `zensical build --clean` of `folder` (into zensical.yml's own folder)."""
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", "zensical.yml"],
        cwd=folder,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def median_build(folder: Path, runs: int, config: str = project.CONFIG) -> tuple[float, int]:
    results = [timed_build(folder, config) for _ in range(runs)]
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


def build_site(folder: Path, site: Path, config: str = project.CONFIG) -> Path:
    """`mkdocs build` of `folder` into `site`; stops on failure."""
    subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site)],
        cwd=folder,
        env=ENV,
        check=True,
    )
    return site


def published_site(folder: Path, site: Path) -> tuple[Path, float]:
    """`folder` built into `site` as the published site is: `mkdocs build`, then its search
    index (build/search_index.py); with the seconds the index took."""
    build_site(folder, site)
    _, seconds = timed(search_index.build, site)
    return site, seconds


def saved_copy_row(site: Path) -> tuple[str, str, str]:
    """What Save for offline adds to the build (the id and the list of files: build/save_offline.py)
    and the size of the copy a reader saves, page PDFs apart (the PDF row gives theirs)."""
    _, seconds = timed(save_offline.write_list, site)
    files = json.loads((site / save_offline.LIST).read_text(encoding="utf-8"))["files"]
    pages = [f for f in files if not f.get("pdf")]
    return (
        "Save for offline: the build's id and the list of files; the copy a reader saves",
        f"{seconds:.2f} s; {len(pages)} files, {sum(f['bytes'] for f in pages) / 1e6:.2f} MB",
        "",
    )


# --- preview rebuild --------------------------------------------------------------------


def preview_rebuilds(source: Path, runs: int) -> list[float]:
    """Seconds `mkdocs serve` reports for rebuilding a copy of the project in `source` after one page is edited."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(source, Path(tmp))
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


def build_steps(loaded: Project, work_dir: Path) -> list[tuple[str, str, str]]:
    """Seconds of each step build/production.py adds around the published site's build, in its
    order: the check, the offline copy, then every artifact (model/artifacts.py) by its own renderer."""
    _, check_time = timed(check, loaded)
    work, offline_time = timed(production.offline_copy, loaded, work_dir, run.ENGINES[0])
    work.downloads.mkdir(parents=True)
    rows = [
        ("make check, before every build (cmudict load included)", f"{check_time:.2f} s", ""),
        ("Offline copy: its build, Atom feed and Content-Security-Policy", f"{offline_time:.2f} s", ""),
    ]
    for artifact in ARTIFACTS:
        _, seconds = timed(production.make, artifact, work)
        files = list(work.downloads.glob(artifact.path("*"))) if artifact.per_page else [work.downloads / artifact.file]
        size = sum(f.stat().st_size for f in files) / 1e6
        what = (
            f"{artifact.title.format(title='each page that asks')} ({len(files)} files)" if artifact.per_page else artifact.title
        )
        rows.append((what, f"{seconds:.2f} s, {size:.2f} MB", "< 5 MB" if artifact.name == "site-pdf" else ""))
    _, guard_time = timed(steps.source_left_in, work.offline)
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


def query_set_rows(site: Path, offline: Path, nav: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """The query set (tests/search-queries.yml) through the published site and the offline copy."""
    online_figures, offline_figures, agreement = bench_search.query_set(site, offline, frozenset(nav))
    rows = [
        (
            f"Query set, {name}: expected page among the first three; queries that found nothing",
            f"{figures.top:.0%}; {figures.empty}",
            "≥ 95%; 0",
        )
        for name, figures in (("published site (Pagefind)", online_figures), ("offline copy (lunr)", offline_figures))
    ]
    return rows + [("Query set: same first page online and offline", f"{agreement:.0%}", "≥ 90%")]


def search_rows(loaded: Project, work: Path, runs: int) -> list[tuple[str, str, str]]:
    """What measures search alone: the query set at 1x, and search at 100x (make bench --search-only)."""
    site, _ = published_site(loaded.root, work / "site")
    rows = query_set_rows(site, build_site(loaded.root, work / "offline", project.OFFLINE_CONFIG), loaded.nav)
    scaled, pages_count, entries = scaled_project(loaded.root, work / "x100", 100)
    site, indexed = published_site(scaled, scaled / "_site")
    rows.append((f"Search index (Pagefind) at 100x ({pages_count} pages, {entries} entries)", f"{indexed:.2f} s", ""))
    rows += search_reader_rows(site, "100x", max(1, runs // 2))
    return rows + [search_parts_row(site), search_parts_row(site, bench_search.QUESTION)]


def check_row(factor: int, measured: tuple[float, float, bool]) -> tuple[str, str, str]:
    seconds, cpu, passed = measured
    note = "" if passed else "; it found problems, so its link check did not run"
    return (f"make check at {factor}x", f"{seconds:.2f} s ({cpu:.2f} s processor){note}", "≤ 10 s at 10x")


def check_growth(checks: dict[int, tuple[float, float, bool]]) -> str:
    return f"{checks[10][0] / checks[1][0]:.1f}x, then {checks[100][0] / checks[10][0]:.1f}x"
