"""The set-up survives upstream releases (README, "Set up"): the lock is installed without
resolving, checked with `pip check`, and only then stamped; MkDocs runs however it is started."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support import ROOT

BIN = Path(sys.executable).parent


def wheel(folder: Path, name: str, requires: list[str]) -> tuple[Path, str]:
    """A minimal pure-Python wheel of `name` 1.0 that depends on `requires`; its path and sha256."""
    path = folder / f"{name}-1.0-py3-none-any.whl"
    info = f"{name}-1.0.dist-info"
    files = {
        f"{name}/__init__.py": "",
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: {}\nVersion: 1.0\n{}".format(
            name, "".join(f"Requires-Dist: {r}\n" for r in requires)
        ),
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
            digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
            record.append(f"{member},sha256={digest},{len(text)}")
        archive.writestr(f"{info}/RECORD", "\n".join([*record, f"{info}/RECORD,,"]) + "\n")
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def run_install(project: Path) -> subprocess.CompletedProcess:
    """The Makefile's install step in `project` (a venv of its own, the project's lock)."""
    return subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
        [shutil.which("make") or "make", "--no-print-directory", ".venv/.installed", f"PYTHON={sys.executable}"],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_an_incomplete_lock_installs_nothing_it_does_not_list_and_leaves_no_stamp(tmp_path):
    """A locked package whose dependency is missing from the lock (what a new upstream release
    does to a resolving install): pip does not go and fetch it (--no-deps), `pip check` stops the
    install, the stamp is not written, and one line says what to do."""
    (tmp_path / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    path, digest = wheel(tmp_path, "lockedpkg", ["not-in-the-lock>=1"])
    (tmp_path / "requirements.lock").write_text(f"./{path.name} --hash=sha256:{digest}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    result = run_install(tmp_path)
    assert result.returncode != 0
    assert "lockedpkg 1.0 requires not-in-the-lock" in result.stdout + result.stderr
    assert "Collecting not-in-the-lock" not in result.stdout + result.stderr
    assert not (tmp_path / ".venv/.installed").exists()
    said = [line for line in result.stderr.splitlines() if line.startswith("make: the install")]
    assert len(said) == 1 and "make clean" in said[0], result.stderr


def test_the_real_lock_is_installed_without_resolving_then_checked_then_stamped():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    steps = recipe[recipe.index("$(VENV)/.installed:") :].split("\n\n")[0].splitlines()[1:]
    assert steps[0].strip() == "@rm -f $@"
    assert "--no-deps --require-hashes -r requirements.lock" in steps[1]
    assert "$(PIP) check" in steps[2]
    assert "--no-deps --no-build-isolation --no-index --editable ." in steps[3]
    assert steps[4].strip() == "touch $@"
