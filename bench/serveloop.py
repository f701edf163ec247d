"""`mkdocs serve` on a project, driven from outside: start it on a free port of
127.0.0.1, read what it serves over HTTP, and wait (with a bound) for a change to show.

The development server answers a request only once any rebuild in progress has
finished, so the first answer that holds an edit marks the moment a reader reloading
the page (or the live-reload script doing it for them) would see the change.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MOUNT = "/explainer/"  # the path part of site_url in mkdocs.yml


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`mkdocs serve` (with --dirty, as `make serve` runs it, unless dirty=False) in
    project; its terminal output goes to log."""

    def __init__(self, project: Path, log: Path, dirty: bool = True) -> None:
        self.port = free_port()
        self.log = log
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        if dirty:
            cmd.append("--dirty")
        self._out = log.open("wb")
        self.proc = subprocess.Popen(
            cmd, cwd=project, env=ENV, stdout=self._out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._out.close()

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}{MOUNT}{page}"

    def get(self, page: str, timeout: float = 5.0) -> str | None:
        """The page's text, or None: not served (yet), or held back past the timeout
        (the server holds requests while it rebuilds, and after a failed rebuild)."""
        try:
            with urllib.request.urlopen(self.url(page), timeout=timeout) as reply:
                return str(reply.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
            return None

    def output(self) -> str:
        self._out.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(
        self, page: str, ok: Callable[[str], bool], timeout: float, poll: float = 0.05
    ) -> float:
        """Seconds until the page is served with ok(text) true; fails after timeout."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited:\n{self.output()[-3000:]}")
            text = self.get(page, timeout=max(1.0, timeout - (time.perf_counter() - start)))
            if text is not None and ok(text):
                return time.perf_counter() - start
            time.sleep(poll)
        raise TimeoutError(
            f"{page} not as expected after {timeout:.0f} s:\n{self.output()[-3000:]}"
        )

    def wait_for_log(self, needle: str, timeout: float, after: int = 0) -> str:
        """The terminal output from offset `after` once it holds needle."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            text = self.output()[after:]
            if needle in text:
                return text
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise TimeoutError(f"{needle!r} not in the output:\n{self.output()[-3000:]}")


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a data file the way an editor saves it: the whole file written at once."""
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{old!r} not in {path}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
