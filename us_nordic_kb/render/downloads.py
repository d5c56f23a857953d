"""The table of downloads on the downloads page: every artifact of the build (artifacts.py) that
is there, the per-page PDFs with their pages' titles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from us_nordic_kb.model.artifacts import ARTIFACTS
from us_nordic_kb.render.markup import cell_label, escape, format_date

COLUMNS = ("Download", "Size", "Built", "What it is")


def human_size(size: int) -> str:
    """e.g. 1.4 MB, 830 kB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def downloads_table(directory: str | Path | None, published_downloads: str, page_titles: dict[str, str] | None = None) -> str:
    """A Markdown table of the files in `directory`, or where to get them when there are none.
    `page_titles` names the page of each single-page PDF by its file name without '.pdf'."""
    folder = Path(directory or ".")
    rows = ["| " + " | ".join(COLUMNS) + " |", "|---|---|---|---|"]
    # The files by name, then the single pages' PDFs.
    for artifact in sorted(ARTIFACTS, key=lambda a: (a.per_page, a.file)) if directory else ():
        if artifact.per_page:
            for path in sorted(folder.glob(artifact.path("*"))):
                title = (page_titles or {}).get(path.stem, path.stem)
                rows.append(_row(path, artifact.path(path.stem), artifact.title.format(title=title), artifact.description))
        elif (folder / artifact.file).is_file():
            rows.append(_row(folder / artifact.file, artifact.file, artifact.title, artifact.description))
    if len(rows) == 2:
        address = escape(published_downloads)
        return (
            f"The files are built with `make build`. Get the current ones from the published site: "
            f'<a href="{address}">{address}</a>.\n'
        )
    return "\n".join(['<div class="stacked-table" markdown>', "", *rows, "", "</div>", ""])


def _row(path: Path, name: str, title: str, what: str) -> str:
    stat = path.stat()
    built = format_date(dt.datetime.fromtimestamp(stat.st_mtime, dt.timezone.utc).date().isoformat())
    size, when = cell_label(COLUMNS[1]) + human_size(stat.st_size), cell_label(COLUMNS[2]) + built
    return (
        f'| <a href="{escape(name)}" download>{escape(title)}</a> (<code>{escape(path.name)}</code>) | {size} | {when} | {what} |'
    )


# The controls of "Save for offline", which its script (overrides/assets/javascripts/, loaded by
# this page and, for a reader who saved the site, put in every page by the service worker) fills
# in and shows.
SAVE_SCRIPT = "assets/javascripts/save-offline.js"
SAVE_PANEL = """<div class="save-offline" data-save-panel hidden>
<p data-save-choice><label><input type="checkbox" data-save-pdfs>
Also keep the PDF of each page (<span data-save-pdf-size></span>)</label></p>
<p><button type="button" class="md-button md-button--primary" data-save>Save for offline</button>
<button type="button" class="md-button md-button--primary" data-save-update hidden>Update available: update the copy</button>
<button type="button" class="md-button" data-save-remove hidden>Remove the saved copy</button></p>
<p data-save-saved hidden></p>
<p role="status" data-save-status></p>
</div>"""
# In the offline copy, where saving works instead.
SAVE_ELSEWHERE = "Saving the site in a browser works on the published site, not in this offline copy.\n"
