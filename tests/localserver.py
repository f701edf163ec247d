"""A web server on 127.0.0.1 with scripted pages, so network code is tested without
leaving the machine."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

PAGES = Path(__file__).parent / "fixtures" / "pages"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None  # for redirects
    delay: float = 0.0  # seconds before answering, to provoke timeouts


def page(name: str) -> Reply:
    return Reply(body=(PAGES / name).read_bytes())


def redirect(to: str, status: int = 301) -> Reply:
    return Reply(status=status, location=to, body=b"moved")


@dataclass
class Site:
    base: str
    # path -> replies; the last one repeats, earlier ones are used once each
    routes: dict[str, list[Reply]]
    hits: Counter[str] = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if a test tries to connect anywhere but 127.0.0.1."""
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] == "127.0.0.1", f"network access to {address} in a test"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)


@contextmanager
def serve(routes: dict[str, Reply | list[Reply]]) -> Iterator[Site]:
    site = Site("", {k: v if isinstance(v, list) else [v] for k, v in routes.items()})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            replies = site.routes.get(self.path)
            if not replies:
                reply = Reply(status=404, body=b"<html><body>Not found</body></html>")
            else:
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if reply.location:
                target = reply.location
                self.send_header("Location", target if "://" in target else site.base + target)
            self.end_headers()
            # the client may have given up already (a timeout test)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with running(Handler) as site.base:
        yield site


@contextmanager
def running(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded server on a free port of 127.0.0.1 for the handler; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
