"""The docs folder holds only regular files and folders.

A symbolic link under docs/ would publish whatever it points to (`/proc/self/environ`, a key
file) in the site, the PDFs and the offline bundle, and let a snippet or include read it. Both
engines and `make check` refuse the build while one is there, naming it.
"""

from __future__ import annotations

import os
from pathlib import Path

from us_nordic_kb.model.data_files import Problem


def symbolic_links(docs_dir: Path) -> list[Problem]:
    """Every symbolic link in `docs_dir` (the folder itself included), without following any."""
    found = [docs_dir] if docs_dir.is_symlink() else []
    for folder, subfolders, files in os.walk(docs_dir, followlinks=False):
        found += [Path(folder, name) for name in sorted(subfolders + files) if os.path.islink(os.path.join(folder, name))]
    return [
        Problem(
            f"docs/{path.relative_to(docs_dir).as_posix()}" if path != docs_dir else "docs",
            1,
            "symbolic link",
            "not allowed under docs/ (it could publish any file the build can read) — replace it with the file itself",
        )
        for path in sorted(found)
    ]
