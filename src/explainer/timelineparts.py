"""Where each event is shown: one timeline page, or one page per year (or month).

A small explainer reads best as one page. A large one cannot be one page: its HTML
grows with every event, and so do the browser's and the build's work on it. Above
PART_LIMIT events the timeline page becomes an overview listing every event, and the
events with their claims and evidence move to one page per year; a year that alone
holds more than PART_LIMIT events is split by month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Dataset, Event

# About 150 KB of gzipped HTML for events shaped like the flagship's (3 claims,
# 2 citations each): inside the page-weight budget for phones with room to spare.
PART_LIMIT = 400
TIMELINE = "timeline.md"
PARTS_DIR = "timeline"


@dataclass(frozen=True)
class Part:
    key: str  # "2024", or "2024-01" when a year is split by month
    title: str  # "2024", or "January 2024"
    events: tuple[Event, ...]

    @property
    def path(self) -> str:
        """The page's source path relative to docs/."""
        return f"{PARTS_DIR}/{self.key}.md"


def parts(ds: Dataset, limit: int = PART_LIMIT) -> list[Part]:
    """The timeline's parts in date order; empty when every event fits on one page."""
    events = ds.events_in_order()
    if len(events) <= limit:
        return []
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.date.year, []).append(event)
    out: list[Part] = []
    for year, in_year in years.items():
        if len(in_year) <= limit:
            out.append(Part(str(year), str(year), tuple(in_year)))
            continue
        months: dict[int, list[Event]] = {}
        for event in in_year:
            months.setdefault(event.date.month, []).append(event)
        for month, in_month in months.items():
            name = dt.date(year, month, 1).strftime("%B %Y")
            out.append(Part(f"{year}-{month:02d}", name, tuple(in_month)))
    return out


def event_pages(ds: Dataset, limit: int = PART_LIMIT) -> dict[str, str]:
    """Event id -> the source path of the page that shows it in full."""
    split = parts(ds, limit)
    if not split:
        return {e.id: TIMELINE for e in ds.events}
    return {e.id: part.path for part in split for e in part.events}
