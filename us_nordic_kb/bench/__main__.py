"""`make bench`: the benchmark's figures (bench/measure.py measures them) as a Markdown table of
medians, each with its target; it asserts nothing.

With --search-only, only what measures search: the query set through the published site and the
offline copy at 1x, and the first result and its steps at 100x (a few minutes).

Usage: python -m us_nordic_kb.bench [--runs 5] [--compare-runs 25] [--skip-scale] [--search-only] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import tempfile
from pathlib import Path

from us_nordic_kb.bench import check_timing
from us_nordic_kb.bench import search as bench_search
from us_nordic_kb.bench.measure import (
    ENV,
    build_site,
    build_steps,
    check_growth,
    check_row,
    interleaved,
    median_build,
    page_weight,
    preview_rebuilds,
    published_site,
    query_set_rows,
    reader_rows,
    saved_copy_row,
    search_parts_row,
    search_rows,
    timed_zensical_build,
)
from us_nordic_kb.bench.projects import MACROS_ONLY, empty_macros_project, plain_project, scaled_project
from us_nordic_kb.model import project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compare-runs", type=int, default=25, help="rounds of the 1x comparison, whose differences are near the machine's noise"
    )
    parser.add_argument("--skip-scale", action="store_true", help="leave out the 10x and 100x builds")
    parser.add_argument("--search-only", action="store_true", help="measure search alone (the query set, search at 100x)")
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), help="the project's configuration")
    args = parser.parse_args()
    loaded = project.load(args.config)
    root = loaded.root
    rows: list[tuple[str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        if args.search_only:
            report(search_rows(loaded, work, args.runs), args)
            return
        plain_dir = empty_macros_project(plain_project(root, work / "plain"))
        medians = interleaved(
            {"ours": (root, project.CONFIG), "plain": (plain_dir, project.CONFIG), "plugin": (plain_dir, MACROS_ONLY)},
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
            zensical = statistics.median(timed_zensical_build(root) for _ in range(args.runs))
            rows.append(("Zensical 0.0.73 build, same site (`zensical build --clean`)", f"{zensical:.2f} s", ""))

        rebuilds = preview_rebuilds(root, args.runs)
        rows.append(("Preview rebuild after editing one page", f"{statistics.median(rebuilds):.2f} s", "seconds"))
        rows += build_steps(loaded, work)

        site, indexed = published_site(root, work / "site")
        rows.append(("Search index (Pagefind) of the published site", f"{indexed:.2f} s", ""))
        rows.append(saved_copy_row(site))
        rows += reader_rows(site, "1x", "themes/digital-literacy/", args.runs)
        rows += query_set_rows(site, build_site(root, work / "offline", project.OFFLINE_CONFIG), loaded.nav)
        largest = max((p for p in site.rglob("index.html") if p.parent != site), key=lambda p: p.stat().st_size)
        requests, raw, compressed = page_weight(site, largest.parent.relative_to(site).as_posix() + "/")
        rows.append(
            (
                f"Largest page ({largest.parent.relative_to(site).as_posix()}/), first view",
                f"{requests} requests, {raw / 1e3:.0f} kB, {compressed / 1e3:.0f} kB gzip",
                "",
            )
        )
        checks = {1: check_timing.median_check(root, ENV, args.runs)}
        rows.append(check_row(1, checks[1]))

        if not args.skip_scale:
            scale = {}
            for factor in (10, 100):
                scaled, pages, entries = scaled_project(root, work / f"x{factor}", factor)
                seconds, memory = median_build(scaled, args.runs)
                rows.append(
                    (
                        f"{factor}x content ({pages} pages, {entries} entries)",
                        f"{seconds:.2f} s, {memory / 2**20:.0f} MiB peak",
                        "< 1024 MiB at 100x",
                    )
                )
                if factor == 10:
                    plain_scaled = empty_macros_project(plain_project(scaled, work / "plain-x10"))
                    medians = interleaved(
                        {
                            "ours": (scaled, project.CONFIG),
                            "plain": (plain_scaled, project.CONFIG),
                            "plugin": (plain_scaled, MACROS_ONLY),
                        },
                        args.runs,
                    )
                    ours_10, plain_10, plugin_10 = (medians[name][0] for name in ("ours", "plain", "plugin"))
                    rows += [
                        ("Our share at 10x, on top of Material + mkdocs-macros", f"{ours_10 / plugin_10 - 1:+.0%}", "≤ +10%"),
                        ("  for reference, all of it on top of plain Material at 10x", f"{ours_10 / plain_10 - 1:+.0%}", ""),
                    ]
                site, indexed = published_site(scaled, scaled / "_site")
                rows.append((f"Search index (Pagefind) at {factor}x", f"{indexed:.2f} s", ""))
                scale[factor] = (seconds, memory, (site / "themes/digital-literacy/index.html").stat().st_size)
                few = args.runs if factor == 10 else max(1, args.runs // 2)  # a run at 100x takes a minute or more
                rows += reader_rows(site, f"{factor}x", f"sets/{factor}/themes/digital-literacy/", few)
                if factor == 100:
                    rows += [search_parts_row(site), search_parts_row(site, bench_search.QUESTION)]
                checks[factor] = check_timing.median_check(scaled, ENV, few if factor == 10 else 1)
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
