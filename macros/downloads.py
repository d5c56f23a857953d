"""The table of downloads on the downloads page: the PDF of the whole site, the offline bundle,
the registry as data, and the PDF of each page that has one (in pages/)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

KINDS = {
    ".pdf": (
        "PDF of the whole site",
        "A4, with a table of contents, bookmarks and page numbers; for printing and reading offline.",
    ),
    ".zip": (
        "Offline HTML bundle",
        "Unzip it anywhere and open index.html in a browser; navigation and search work without a network.",
    ),
    ".json": ("Resource registry (JSON)", "Every entry with all its fields, valid against the registry's JSON Schema."),
    ".csv": ("Resource registry (CSV)", "One row per entry, for spreadsheets; the columns are explained below."),
}
PAGE_PDFS = "pages"


def human_size(size: int) -> str:
    """e.g. 1.4 MB, 830 kB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def downloads_table(directory: str | Path | None, published_downloads: str, page_titles: dict[str, str] | None = None) -> str:
    """A Markdown table of the files in `directory`, or where to get them when there are none.
    `page_titles` names the page of each single-page PDF by its file name without '.pdf'."""
    folder = Path(directory) if directory else None
    files = sorted(p for p in folder.iterdir() if p.suffix in KINDS) if folder else []
    if folder is None or not files:
        address = html.escape(published_downloads, quote=True)
        return (
            f"The files are built with `make build`. Get the current ones from the published site: "
            f'<a href="{address}">{address}</a>.\n'
        )
    rows = ["| Download | Size | Built | What it is |", "|---|---|---|---|"]
    rows += [_row(path, path.name, *KINDS[path.suffix]) for path in files]
    for path in sorted((folder / PAGE_PDFS).glob("*.pdf")) if (folder / PAGE_PDFS).is_dir() else []:
        title = (page_titles or {}).get(path.stem, path.stem)
        rows.append(
            _row(
                path,
                f"{PAGE_PDFS}/{path.name}",
                f"PDF: {title}",
                "This page alone, with a cover block, bookmarks and page numbers.",
            )
        )
    return "\n".join(rows) + "\n"


def _row(path: Path, name: str, title: str, what: str) -> str:
    stat = path.stat()
    built = dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc).strftime("%d %B %Y")
    return (
        f'| <a href="{html.escape(name)}" download>{html.escape(title)}</a> (`{html.escape(path.name)}`) | '
        f"{human_size(stat.st_size)} | {built} | {what} |"
    )
