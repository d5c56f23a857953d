"""Every file a build writes for download, in one list: the build makes them in this order
(build/production.py runs the renderer of each), the benchmark times each (bench/measure.py), and
the downloads page lists them (render/downloads.py). A new artifact is an entry here, its
renderer in build/production.py's RENDERERS, and its test.
"""

from __future__ import annotations

from dataclasses import dataclass

DOWNLOADS = "downloads"  # the folder of the built site (and of the offline bundle) that holds them


@dataclass(frozen=True)
class Artifact:
    """A file (or, with `{slug}` in its name, one file per page that asks for it) under downloads/."""

    name: str
    file: str
    title: str
    description: str
    in_bundle: bool  # whether the offline bundle carries it

    @property
    def per_page(self) -> bool:
        return "{slug}" in self.file

    def path(self, slug: str = "") -> str:
        """Its path under downloads/ (a page's own, for a per-page artifact)."""
        return self.file.format(slug=slug)


ARTIFACTS = (
    Artifact(
        "page-pdfs",
        "pages/{slug}.pdf",
        "PDF: {title}",
        "This page alone, with a cover block, bookmarks and page numbers.",
        in_bundle=True,
    ),
    Artifact(
        "registry-json",
        "registry.json",
        "Resource registry (JSON)",
        "Every entry with all its fields, valid against the registry's JSON Schema.",
        in_bundle=True,
    ),
    Artifact(
        "registry-csv",
        "registry.csv",
        "Resource registry (CSV)",
        "One row per entry, for spreadsheets; the columns are explained below.",
        in_bundle=True,
    ),
    Artifact(
        "offline-bundle",
        "us-nordic-prevention-kb-offline.zip",
        "Offline HTML bundle",
        "Unzip it anywhere and open index.html in a browser; navigation and search work without a network.",
        in_bundle=False,
    ),
    Artifact(
        "site-pdf",
        "us-nordic-prevention-kb.pdf",
        "PDF of the whole site",
        "A4, with a table of contents, bookmarks and page numbers; for printing and reading offline.",
        in_bundle=False,
    ),
    Artifact(
        "zim",
        "us-nordic-prevention-kb.zim",
        "Kiwix archive (ZIM)",
        "Open it in the free Kiwix app (Android, iOS, Windows, macOS, Linux) to read and search the site offline.",
        in_bundle=False,
    ),
)


def artifact(name: str) -> Artifact:
    """The artifact called `name`."""
    return next(a for a in ARTIFACTS if a.name == name)


def page_pdf(slug: str) -> str:
    """Where a page's own PDF is published, relative to the site's root."""
    return f"{DOWNLOADS}/{artifact('page-pdfs').path(slug)}"
