"""The set-up survives upstream releases (README, "Set up"): the lock is installed without
resolving, checked with `pip check`, and only then stamped; MkDocs runs however it is started."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support import ROOT

BIN = Path(sys.executable).parent


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
