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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from importlib import metadata
from typing import IO, Any
from urllib.parse import urlencode, urlsplit


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
# A server that asks for a longer pause than this (Retry-After) is given up on for this
# run rather than holding a weekly job for minutes per request.
MAX_RETRY_AFTER = 120.0


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

    def __init__(
        self,
        url: str,
        reason: str,
        status: int | None,
        attempts: int,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts
        self.retry_after = retry_after  # seconds the server asked us to wait (429, 503)


def _retry_after(headers: Message | None) -> float | None:
    """Retry-After in seconds; the HTTP-date form is rare enough to treat as absent."""
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


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

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        return self._request(url, None, headers)

    def post(
        self, url: str, form: Mapping[str, str], headers: Mapping[str, str] | None = None
    ) -> Response:
        """A form POST (the web archive's Save Page Now), retried like a GET."""
        return self._request(url, urlencode(form).encode("ascii"), headers)

    def _request(self, url: str, data: bytes | None, headers: Mapping[str, str] | None) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http or https URL", None, 0)
        attempts = 0
        while True:
            attempts += 1
            try:
                return self._once(url, attempts, data, headers or {})
            except FetchError as exc:
                retryable = exc.status is None or exc.status in RETRY_STATUSES
                if not retryable or attempts > self.retries:
                    raise
                if exc.retry_after is not None and exc.retry_after > MAX_RETRY_AFTER:
                    raise
                pause = min(self.backoff * 2 ** (attempts - 1), MAX_BACKOFF)
                self.sleep(max(pause, exc.retry_after or 0.0))

    def _once(
        self, url: str, attempts: int, data: bytes | None, extra: Mapping[str, str]
    ) -> Response:
        hops: list[tuple[int, str]] = []
        opener = urllib.request.build_opener(_RecordingRedirects(hops))
        request = urllib.request.Request(
            url,
            data=data,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                "Accept-Language": "en;q=1.0, *;q=0.5",
                **extra,
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
            wait = _retry_after(exc.headers)
            reason = f"HTTP {exc.code} {exc.reason}"
            if wait is not None:
                reason += f" (asked to retry after {wait:g} s)"
            raise FetchError(url, reason, exc.code, attempts, wait) from None
        except TimeoutError:
            raise FetchError(url, f"no answer within {self.timeout:g} s", None, attempts) from None
        except urllib.error.URLError as exc:
            raise FetchError(url, f"cannot connect: {exc.reason}", None, attempts) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:  # resets, bad replies
            raise FetchError(url, f"connection failed: {exc}", None, attempts) from None
