"""Where each event and source is shown: one page, or one page per year (or month).

A small explainer reads best with one timeline page and one sources page. A large one
cannot: a page's HTML grows with every entry, and so do the browser's and the build's
work on it. Above a limit the page becomes an overview, and the entries move to one
page per year; a year that alone holds more than the limit is split by month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import Dataset, Event, Source

# About 150 KB of gzipped HTML for events shaped like the flagship's (3 claims, 2
# citations each), and as much for sources with their backlinks: inside the page-weight
# budget for phones with room to spare.
PART_LIMIT = 400
SOURCE_PART_LIMIT = 1000
TIMELINE = "timeline.md"
SOURCES = "sources.md"

T = TypeVar("T")


@dataclass(frozen=True)
class Part(Generic[T]):
    key: str  # "2024", or "2024-01" when a year is split by month
    title: str  # "2024", or "January 2024"
    items: tuple[T, ...]
    folder: str  # "timeline" or "sources"

    @property
    def path(self) -> str:
        """The page's source path relative to docs/."""
        return f"{self.folder}/{self.key}.md"


def split(
    items: Sequence[T], day: Callable[[T], dt.date], limit: int, folder: str
) -> list[Part[T]]:
    """Items (in date order) in parts by year, or by month inside a crowded year; empty
    when they all fit on one page."""
    if len(items) <= limit:
        return []
    years: dict[int, list[T]] = {}
    for item in items:
        years.setdefault(day(item).year, []).append(item)
    out: list[Part[T]] = []
    for year, in_year in years.items():
        if len(in_year) <= limit:
            out.append(Part(str(year), str(year), tuple(in_year), folder))
            continue
        months: dict[int, list[T]] = {}
        for item in in_year:
            months.setdefault(day(item).month, []).append(item)
        for month, in_month in months.items():
            name = dt.date(year, month, 1).strftime("%B %Y")
            out.append(Part(f"{year}-{month:02d}", name, tuple(in_month), folder))
    return out


def timeline_parts(ds: Dataset, limit: int = PART_LIMIT) -> list[Part[Event]]:
    return split(ds.events_in_order(), lambda e: e.date, limit, "timeline")


def source_parts(ds: Dataset, limit: int = SOURCE_PART_LIMIT) -> list[Part[Source]]:
    """Sources in parts by publication date."""
    ordered = sorted(ds.sources, key=lambda s: s.published)
    return split(ordered, lambda s: s.published, limit, "sources")


def event_pages(ds: Dataset, parts: list[Part[Event]]) -> dict[str, str]:
    """Event id -> the source path of the page that shows it in full, given the
    timeline's parts (none: every event is on the timeline page)."""
    if not parts:
        return {e.id: TIMELINE for e in ds.events}
    return {e.id: part.path for part in parts for e in part.items}


def page_url(path: str) -> str:
    """The site-relative URL MkDocs gives a page source (directory URLs)."""
    return path.removesuffix(".md") + "/"
