"""Serve a folder over HTTP on 127.0.0.1, in a background thread, for checks and tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra: dict[str, bytes] = {}  # path -> HTML served besides the folder's files

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def do_GET(self):
        body = self.extra.get(self.path.split("?")[0])
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def end_headers(self):
        # LinkChecker lifts its per-host rate limit for a server that sends this header;
        # the limit stays on for every other host.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection mid-answer (a page closed, a request dropped) is
        no error of the server's; anything else is reported as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, extra: dict[str, str] | None = None):
    """Yield the base URL (ending in '/') of `directory` served on 127.0.0.1, with `extra`
    pages (path -> HTML) served besides its files."""
    pages = {path: html.encode() for path, html in (extra or {}).items()}
    handler = functools.partial(type("Handler", (_QuietHandler,), {"extra": pages}), directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
