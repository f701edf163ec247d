"""Polite HTTP GET for `explainer capture` and `explainer verify --online`.

urllib only: short timeouts, a user agent that says who is asking, a bounded
number of retries with exponential backoff for failures that may pass (network
errors, 429, 5xx), and every redirect hop recorded so a moved page can be reported.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from importlib import metadata
from typing import IO, Any
from urllib.parse import urlsplit


def _version() -> str:
    try:
        return metadata.version("explainer")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "0"


USER_AGENT = (
    f"explainer/{_version()} (checks that quoted passages are still on the cited pages; "
    "one request per source, weekly)"
)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_BACKOFF = 30.0


@dataclass(frozen=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    redirects: tuple[tuple[int, str], ...]  # (status, target) of each hop, in order
    content_type: str  # e.g. "text/html", lowercased, without parameters
    charset: str | None
    body: bytes
    attempts: int

    @property
    def permanent_redirect(self) -> bool:
        return any(code in (301, 308) for code, _ in self.redirects)


class FetchError(Exception):
    """A page that could not be had: the last HTTP status (if any) and why."""

    def __init__(self, url: str, reason: str, status: int | None, attempts: int) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts


class _RecordingRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, hops: list[tuple[int, str]]) -> None:
        self.hops = hops

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web URL", headers, fp)
        self.hops.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class Fetcher:
    timeout: float = 20.0
    retries: int = 2  # further attempts after the first, for failures that may pass
    backoff: float = 2.0  # seconds before the first retry; doubles for each further one
    max_bytes: int = 8_000_000
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def get(self, url: str) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http or https URL", None, 0)
        attempts = 0
        while True:
            attempts += 1
            try:
                return self._once(url, attempts)
            except FetchError as exc:
                retryable = exc.status is None or exc.status in RETRY_STATUSES
                if not retryable or attempts > self.retries:
                    raise
                self.sleep(min(self.backoff * 2 ** (attempts - 1), MAX_BACKOFF))

    def _once(self, url: str, attempts: int) -> Response:
        hops: list[tuple[int, str]] = []
        opener = urllib.request.build_opener(_RecordingRedirects(hops))
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                "Accept-Language": "en;q=1.0, *;q=0.5",
            },
        )
        try:
            with opener.open(request, timeout=self.timeout) as resp:
                body = resp.read(self.max_bytes)
                headers: Any = resp.headers
                return Response(
                    url=url,
                    final_url=resp.geturl(),
                    status=resp.status,
                    redirects=tuple(hops),
                    content_type=headers.get_content_type(),
                    charset=headers.get_content_charset(),
                    body=body,
                    attempts=attempts,
                )
        except urllib.error.HTTPError as exc:
            exc.close()
            raise FetchError(url, f"HTTP {exc.code} {exc.reason}", exc.code, attempts) from None
        except TimeoutError:
            raise FetchError(url, f"no answer within {self.timeout:g} s", None, attempts) from None
        except urllib.error.URLError as exc:
            raise FetchError(url, f"cannot connect: {exc.reason}", None, attempts) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:  # resets, bad replies
            raise FetchError(url, f"connection failed: {exc}", None, attempts) from None
