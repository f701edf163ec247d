"""The Internet Archive's Wayback Machine: find a recorded snapshot of a source's page,
and ask for one where none exists.

Three endpoints, each answered in JSON:
- the availability API (`archive.org/wayback/available?url=…&timestamp=…`) gives the
  snapshot closest to a date, or none;
- Save Page Now (`web.archive.org/save`, a POST with the account's S3 keys) starts a
  capture and answers a job id;
- the job's status (`web.archive.org/save/status/<job>`) says when the capture exists.

Nothing here trusts an answer it cannot read: a malformed reply is an error with a
reason, never a snapshot. Only the URL of a snapshot the archive itself reports as a
successful (HTTP 200) capture is ever recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlencode

from .httpfetch import FetchError, Response

AVAILABILITY = "https://archive.org/wayback/available"
SAVE = "https://web.archive.org/save"
SNAPSHOT = "https://web.archive.org/web/"
# A recorded snapshot: web.archive.org/web/<14-digit timestamp>/<original URL>
_SNAPSHOT_RE = re.compile(r"^https?://web\.archive\.org/web/(\d{14})(?:[a-z]{2}_)?/(\S+)$")


class Http(Protocol):
    def get(self, url: str, headers: dict[str, str] | None = None) -> Response: ...
    def post(
        self, url: str, form: dict[str, str], headers: dict[str, str] | None = None
    ) -> Response: ...


class ArchiveError(Exception):
    """The archive could not be asked, or answered something that cannot be used."""


@dataclass(frozen=True)
class Snapshot:
    url: str  # https://web.archive.org/web/<timestamp>/<original>
    taken: dt.datetime  # UTC

    @property
    def timestamp(self) -> str:
        return f"{self.taken:%Y%m%d%H%M%S}"


def parse_snapshot(url: str) -> Snapshot | None:
    """A Wayback snapshot URL with its capture time; None for any other address."""
    m = _SNAPSHOT_RE.match(url)
    if m is None:
        return None
    try:
        taken = dt.datetime.strptime(m.group(1), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return Snapshot(f"{SNAPSHOT}{m.group(1)}/{m.group(2)}", taken)


def search_url(url: str) -> str:
    """The archive's list of every capture of url: honest when none has been checked."""
    return f"{SNAPSHOT}*/{url}"


def _json(resp: Response, what: str) -> Any:
    try:
        return json.loads(resp.body.decode(resp.charset or "utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ArchiveError(f"the {what} answered something that is not JSON") from None


def _asked(call: Any, what: str) -> Response:
    try:
        return call()
    except FetchError as exc:
        raise ArchiveError(f"the {what} failed: {exc.reason}") from None


def closest(http: Http, url: str, when: dt.date) -> Snapshot | None:
    """The successful snapshot of url closest to when, or None if the archive has none."""
    query = urlencode({"url": url, "timestamp": f"{when:%Y%m%d}"})
    resp = _asked(lambda: http.get(f"{AVAILABILITY}?{query}"), "availability API")
    doc = _json(resp, "availability API")
    snapshots = doc.get("archived_snapshots") if isinstance(doc, dict) else None
    if not isinstance(snapshots, dict):
        raise ArchiveError("the availability API answered without 'archived_snapshots'")
    found = snapshots.get("closest")
    if found is None:
        return None
    if not isinstance(found, dict):
        raise ArchiveError("the availability API answered a 'closest' that is not an object")
    if found.get("available") is not True or str(found.get("status")) != "200":
        return None  # only redirects or errors were captured: nothing a reader could use
    snap = parse_snapshot(str(found.get("url", "")).replace("http://", "https://", 1))
    if snap is None or f"{snap.taken:%Y%m%d%H%M%S}" != str(found.get("timestamp")):
        raise ArchiveError(f"the availability API answered a malformed snapshot: {found!r}")
    return snap


@dataclass(frozen=True)
class Keys:
    """Save Page Now needs an archive.org account's S3 keys."""

    access: str
    secret: str

    def headers(self) -> dict[str, str]:
        return {"Accept": "application/json", "Authorization": f"LOW {self.access}:{self.secret}"}


def request_capture(http: Http, keys: Keys, url: str) -> str:
    """Ask Save Page Now for a capture of url; returns the job id to poll."""
    resp = _asked(lambda: http.post(SAVE, {"url": url}, keys.headers()), "Save Page Now request")
    doc = _json(resp, "Save Page Now request")
    job = doc.get("job_id") if isinstance(doc, dict) else None
    if not isinstance(job, str) or not re.fullmatch(r"[\w.:-]{1,200}", job):
        message = doc.get("message") if isinstance(doc, dict) else None
        raise ArchiveError(f"Save Page Now gave no job id: {message or repr(doc)}")
    return job


def capture_status(http: Http, keys: Keys, job: str) -> Snapshot | None:
    """The snapshot a Save Page Now job made, None while pending; an error if it failed."""
    resp = _asked(
        lambda: http.get(f"{SAVE}/status/{quote(job, safe='')}", keys.headers()),
        "Save Page Now status",
    )
    doc = _json(resp, "Save Page Now status")
    status = doc.get("status") if isinstance(doc, dict) else None
    if status == "pending":
        return None
    if status != "success":
        why = (doc.get("message") or doc.get("status_ext")) if isinstance(doc, dict) else None
        raise ArchiveError(f"Save Page Now could not capture the page: {why or repr(doc)}")
    stamp, original = str(doc.get("timestamp", "")), str(doc.get("original_url", ""))
    snap = parse_snapshot(f"{SNAPSHOT}{stamp}/{original}")
    if snap is None:
        raise ArchiveError(f"Save Page Now answered a malformed capture: {doc!r}")
    return snap
