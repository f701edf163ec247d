"""A stand-in for the Wayback Machine on 127.0.0.1: the availability API, Save Page Now
(request and status) and the snapshots themselves, with switches for the ways the real
service fails (rate limits, malformed answers, slow answers).

Point the code at it with `--rebase https://archive.org/=BASE/ --rebase
https://web.archive.org/=BASE/`: it answers /wayback/available, /save, /save/status/<job>
and /web/<timestamp>/<url>.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from localserver import running

KEYS = ("test-access", "test-secret")


@dataclass
class Wayback:
    base: str = ""
    # original URL -> list of (timestamp, HTTP status of the capture)
    snapshots: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    pages: dict[str, bytes] = field(default_factory=dict)  # snapshot path -> body
    # how to misbehave, by endpoint ("available", "save", "status"): a list of replies
    # to give before behaving, each "429", "garbage", "wrong-shape" or "slow"
    trouble: dict[str, list[str]] = field(default_factory=dict)
    polls_until_done: int = 1  # status polls that answer "pending" before "success"
    capture_fails: bool = False  # Save Page Now jobs end in an error
    capture_stamp: str = "20261203101500"
    hits: Counter[str] = field(default_factory=Counter)
    jobs: dict[str, dict[str, object]] = field(default_factory=dict)
    auth: list[str] = field(default_factory=list)

    def rebase(self) -> list[str]:
        return [
            "--rebase",
            f"https://archive.org/={self.base}/",
            "--rebase",
            f"https://web.archive.org/={self.base}/",
        ]

    def add(self, url: str, stamp: str, status: str = "200", body: bytes = b"") -> None:
        self.snapshots.setdefault(url, []).append((stamp, status))
        self.pages[f"/web/{stamp}/{url}"] = body or b"<html><body>archived</body></html>"

    def closest(self, url: str, stamp: str) -> tuple[str, str] | None:
        found = self.snapshots.get(url)
        if not found:
            return None
        return min(found, key=lambda s: abs(int(s[0][:8]) - int(stamp[:8])))


@contextmanager
def fake_wayback() -> Iterator[Wayback]:
    wb = Wayback()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def _reply(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
            html = isinstance(body, bytes)
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html" if html else "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

        def _trouble(self, endpoint: str) -> bool:
            with lock:
                queue = wb.trouble.get(endpoint) or []
                kind = queue.pop(0) if queue else None
            if kind is None:
                return False
            if kind == "429":
                self._reply(429, {"message": "slow down"}, {"Retry-After": "0"})
            elif kind == "garbage":
                self._reply(200, b"<html>Service Unavailable</html>")
            elif kind == "wrong-shape":
                self._reply(
                    200,
                    {
                        "archived_snapshots": {
                            "closest": {
                                "available": True,
                                "status": "200",
                                "url": "javascript:1",
                                "timestamp": "1",
                            }
                        }
                    },
                )
            elif kind == "slow":
                time.sleep(1.5)
                self._reply(200, {"archived_snapshots": {}})
            return True

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            wb.auth.append(header)
            if header != f"LOW {KEYS[0]}:{KEYS[1]}":
                self._reply(401, {"message": "You need to be logged in to use Save Page Now."})
                return False
            return True

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            wb.hits[parts.path] += 1
            if parts.path == "/wayback/available":
                if self._trouble("available"):
                    return
                q = parse_qs(parts.query)
                url, stamp = q.get("url", [""])[0], q.get("timestamp", ["0"])[0]
                snap = wb.closest(url, stamp)
                closest = (
                    {
                        "available": True,
                        "url": f"http://web.archive.org/web/{snap[0]}/{url}",
                        "timestamp": snap[0],
                        "status": snap[1],
                    }
                    if snap
                    else None
                )
                self._reply(
                    200, {"url": url, "archived_snapshots": {"closest": closest} if closest else {}}
                )
            elif parts.path.startswith("/save/status/"):
                if self._trouble("status") or not self._authorised():
                    return
                job = wb.jobs.get(parts.path.rsplit("/", 1)[1])
                if job is None:
                    self._reply(404, {"status": "error", "message": "no such job"})
                    return
                job["polls"] = int(str(job["polls"])) + 1
                if int(str(job["polls"])) <= wb.polls_until_done:
                    self._reply(200, {"status": "pending", "job_id": job["id"]})
                elif wb.capture_fails:
                    self._reply(
                        200,
                        {
                            "status": "error",
                            "status_ext": "error:blocked-url",
                            "message": "This URL is excluded.",
                        },
                    )
                else:
                    url = str(job["url"])
                    wb.add(url, wb.capture_stamp)
                    self._reply(
                        200,
                        {
                            "status": "success",
                            "job_id": job["id"],
                            "original_url": url,
                            "timestamp": wb.capture_stamp,
                        },
                    )
            elif parts.path.startswith("/web/"):
                body = wb.pages.get(self.path)
                self._reply(200 if body else 404, body or b"not archived")
            else:
                self._reply(404, {"message": "unknown endpoint"})

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            wb.hits["POST " + parts.path] += 1
            length = int(self.headers.get("Content-Length", "0"))
            form = parse_qs(self.rfile.read(length).decode())
            if parts.path != "/save":
                self._reply(404, {"message": "unknown endpoint"})
                return
            if self._trouble("save") or not self._authorised():
                return
            with lock:
                job_id = f"spn2-{len(wb.jobs) + 1:04d}"
                wb.jobs[job_id] = {"id": job_id, "url": form["url"][0], "polls": 0}
            self._reply(200, {"url": form["url"][0], "job_id": job_id})

        def log_message(self, format: str, *args: object) -> None:
            pass

    with running(Handler) as wb.base:
        yield wb
