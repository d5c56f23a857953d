"""The table of downloads (PDF, offline bundle) on the downloads page."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

KINDS = {
    ".pdf": ("PDF of the whole site", "A4, with a table of contents, bookmarks and page numbers; for printing and reading offline."),
    ".zip": ("Offline HTML bundle", "Unzip it anywhere and open index.html in a browser; navigation and search work without a network."),
}


def human_size(size: int) -> str:
    """e.g. 1.4 MB, 830 kB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def downloads_table(directory: str | Path | None, published_downloads: str) -> str:
    """A Markdown table of the files in `directory`, or where to get them when there are none."""
    files = sorted(p for p in Path(directory).iterdir() if p.suffix in KINDS) if directory else []
    if not files:
        address = html.escape(published_downloads, quote=True)
        return (f'The files are built with `make build`. Get the current ones from the published site: '
                f'<a href="{address}">{address}</a>.\n')
    rows = ["| Download | Size | Built | What it is |", "|---|---|---|---|"]
    for path in files:
        title, what = KINDS[path.suffix]
        stat = path.stat()
        built = dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc).strftime("%d %B %Y")
        rows.append(f'| <a href="{html.escape(path.name)}" download>{title}</a> (`{html.escape(path.name)}`) | {human_size(stat.st_size)} | {built} | {what} |')
    return "\n".join(rows) + "\n"
