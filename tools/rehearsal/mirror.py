"""A local mirror of every cited page, so the weekly source check can be rehearsed
without the internet: each source's URL answers with its capture (the passages the
claims quote) as a small HTML page, on 127.0.0.1. `explainer verify --rebase` sends the
fetches here. The Wayback Machine's availability API answers that it holds no snapshot
(the mirror is not an archive); any other URL answers 404.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from explainer import load


def pages(root: Path, data: str = "data") -> dict[str, bytes]:
    """URL -> HTML page holding the source's captured passages."""
    ds = load(root / data, root=root)
    out = {}
    for source in ds.sources:
        capture = ds.captures.get(source.id)
        if capture is None:
            continue
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in capture.passages)
        out[source.url] = (
            f"<!doctype html><html><head><title>{html.escape(source.title)}</title></head>"
            f"<body><article><h1>{html.escape(source.title)}</h1>\n{body}\n</article>"
            "</body></html>"
        ).encode()
    return out


AVAILABILITY = "https://archive.org/wayback/available"


def rebase(base: str) -> str:
    """The --rebase specs that send every http(s) URL to the mirror, space-separated."""
    return f"https://={base}/https/ http://={base}/http/"


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """The mirror's base URL while it runs."""
    by_url = pages(root)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            scheme, _, rest = self.path.lstrip("/").partition("/")
            url = f"{scheme}://{rest}"
            body = by_url.get(url)
            kind = "text/html; charset=utf-8"
            if body is None and url.startswith(AVAILABILITY + "?"):
                asked = parse_qs(urlsplit(url).query).get("url", [""])[0]
                body = json.dumps({"url": asked, "archived_snapshots": {}}).encode()
                kind = "application/json"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            body = body or b"<html><body>Not in the mirror</body></html>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
