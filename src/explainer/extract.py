"""The readable text of a fetched page, the way a person copying passages sees it."""

from __future__ import annotations

import re

import trafilatura

from .httpfetch import Response

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})


class NotText(Exception):
    """The response is not a web page or plain text (a PDF, an image...)."""


def decode(resp: Response) -> str:
    candidates = [resp.charset]
    m = _META_CHARSET.search(resp.body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    for charset in [*candidates, "utf-8"]:
        if not charset:
            continue
        try:
            return resp.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return resp.body.decode("cp1252", errors="replace")


def main_text(resp: Response) -> str | None:
    """The article text without navigation and boilerplate, paragraphs one per line."""
    if resp.content_type == "text/plain":
        return decode(resp).strip() or None
    if resp.content_type not in HTML_TYPES:
        raise NotText(resp.content_type)
    text = trafilatura.extract(
        decode(resp),
        url=resp.final_url,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
    )
    return text.strip() if text and text.strip() else None


def page_text(resp: Response) -> str:
    """Every visible text of the page: a second chance for a quote that the article
    extraction dropped (a dateline, a caption, a fact box)."""
    if resp.content_type == "text/plain":
        return decode(resp)
    if resp.content_type not in HTML_TYPES:
        raise NotText(resp.content_type)
    return trafilatura.html2txt(decode(resp)) or ""
