"""`explainer capture`: fetch a source and save its main text as data/captures/<id>.txt.

The file starts with a header the loader reads and the checker skips (see
load.parse_capture): where the text came from, when, and a sha256 of the text as
extracted, so a later reader can tell the capture from the page as it was then.
The contributor then trims the body to the passages the claims quote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from .extract import NotText, main_text
from .httpfetch import Fetcher, FetchError
from .load import HEADER_FENCE
from .schema import SLUG_RE

# Below this the extractor has found a menu or a cookie notice, not an article.
MIN_CHARACTERS = 80


class CaptureError(Exception):
    """A capture that could not be made; the message says what to do instead."""


@dataclass(frozen=True)
class Captured:
    path: Path
    url: str
    final_url: str
    sha256: str
    characters: int


def body_of(extracted: str) -> str:
    # one paragraph per line from the extractor; a blank line between paragraphs reads
    # like the hand-made captures and keeps passages easy to cut
    lines = [line.strip() for line in extracted.splitlines()]
    return "\n\n".join(line for line in lines if line) + "\n"


def sha256_of(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def render(url: str, final_url: str, retrieved: dt.date, body: str) -> str:
    header = [HEADER_FENCE, f"url: {url}"]
    if final_url != url:
        header.append(f"final-url: {final_url}")
    header += [
        f"retrieved: {retrieved.isoformat()}",
        f"sha256: {sha256_of(body)}",
        f"extractor: trafilatura {trafilatura.__version__}",
        HEADER_FENCE,
    ]
    return "\n".join(header) + "\n" + body


def capture(
    url: str,
    source_id: str,
    captures: Path,
    fetcher: Fetcher,
    *,
    today: dt.date | None = None,
    force: bool = False,
) -> Captured:
    if not SLUG_RE.match(source_id):
        raise CaptureError(f'--id "{source_id}" is not a source id (lowercase letters, digits, -)')
    path = captures / f"{source_id}.txt"
    if path.exists() and not force:
        raise CaptureError(
            f"{path.name} already exists in {captures.name}/; pass --force to replace it "
            "(its trimmed passages would be lost)"
        )
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        raise CaptureError(
            f"cannot fetch {url}: {exc.reason} (after {exc.attempts} attempt(s)); check the "
            "URL in a browser, or paste the passages by hand"
        ) from None
    try:
        text = main_text(resp)
    except NotText as exc:
        raise CaptureError(
            f"{url} is {exc} rather than a web page; copy the passages you quote into "
            f"{captures.name}/{source_id}.txt by hand"
        ) from None
    if not text or len(text) < MIN_CHARACTERS:
        raise CaptureError(
            f"found no article text at {url} ({len(text or '')} characters; a paywall, a "
            "cookie wall or a page built by scripts?); "
            f"copy the passages you quote into {captures.name}/{source_id}.txt by hand"
        )
    body = body_of(text)
    captures.mkdir(parents=True, exist_ok=True)
    path.write_text(render(url, resp.final_url, today or dt.date.today(), body), encoding="utf-8")
    return Captured(path, url, resp.final_url, sha256_of(body), len(body))
