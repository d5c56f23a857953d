"""The set-up survives upstream releases (README, "Set up"): the lock is installed without
resolving, checked with `pip check`, and only then stamped; MkDocs runs however it is started."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

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


@pytest.mark.slow
def test_mkdocs_builds_from_its_own_executable(tmp_path):
    """`.venv/bin/mkdocs build --strict` from the repository root, with no PYTHONPATH: the hooks
    import our code because the repository is installed into the venv."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for command in ["mkdocs", "properdocs"]:
        result = subprocess.run(  # noqa: S603 - fixed argument list, no shell, no outside input
            [str(BIN / command), "build", "--strict", "--site-dir", str(tmp_path / command)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert (tmp_path / command / "themes/digital-literacy/index.html").is_file()


@pytest.mark.slow
def test_mkdocs_serves_from_its_own_executable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    server = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell, no outside input
        [str(BIN / "mkdocs"), "serve", "--strict", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        page = ""
        for _ in range(120):  # up to a minute
            try:
                url = f"http://127.0.0.1:{port}/knowledge-base/themes/digital-literacy/"
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own server on 127.0.0.1
                    page = response.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert "context-notice" in page, server.stderr.read()[-2000:] if server.poll() is not None else "no page served"
    finally:
        server.terminate()
        server.wait(timeout=30)
