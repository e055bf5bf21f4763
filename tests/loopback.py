"""A real HTTP server on the loopback interface, for the tests that fetch pages.

Each path answers with a ``Reply`` (or the next of a list of replies, the last one
repeated, or a function of the request's headers); every request is logged with its
path, time and headers, so that tests can check what was asked, in what order, and when.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {
        "Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before answering: a slow site


@dataclass(frozen=True)
class Request:
    path: str
    time: float
    headers: dict[str, str]


class Site:
    """``with Site() as site:`` serves ``site.routes`` at ``site.base`` until the block ends."""

    def __init__(self):
        self.routes: dict[str, Reply | list[Reply] | Callable[[dict], Reply]] = {}
        self.log: list[Request] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.log.append(Request(self.path, time.monotonic(), dict(self.headers)))
                reply = site.reply(self.path, dict(self.headers))
                time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:  # the client gave up (a timeout test)
                    pass

            def log_message(self, *args):  # the log above is enough
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def reply(self, path: str, headers: dict) -> Reply:
        route = self.routes.get(path)
        if route is None:
            return Reply(b"<h1>Not found</h1>", 404)
        if callable(route):
            return route(headers)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route

    def page(self, name: str) -> bytes:
        """A fixture page, its ``{base}`` made this server's address."""
        return (FIXTURES / name).read_bytes().replace(b"{base}", self.base.encode())

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
