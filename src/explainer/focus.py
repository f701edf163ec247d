"""The timeline's focus: the stretch of days an explainer is about.

A reader who opens the timeline should meet the story first, not the years that led up
to it. An explainer names its focus window in `mkdocs.yml`:

    extra:
      explainer:
        focus:
          start: 2024-01-16
          end: 2024-01-29
          name: the crisis

The timeline then shows the events inside the window first, then the ones after it,
then, folded, the ones before it. Without a focus the timeline runs in date order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import Event

FOCUS_ID = "focus"
AFTER_ID = "after-focus"
BEFORE_ID = "before-focus"


class FocusError(ValueError):
    """The focus setting in mkdocs.yml cannot be used; the message says how to fix it."""


@dataclass(frozen=True)
class Focus:
    start: dt.date
    end: dt.date
    name: str = "the story"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def span(self) -> str:
        """ "16–29 January 2024", "30 January – 2 February 2024" or across years in full."""
        s, e = self.start, self.end
        if s == e:
            return f"{e.day} {e:%B %Y}"
        if (s.year, s.month) == (e.year, e.month):
            return f"{s.day}–{e.day} {e:%B %Y}"
        if s.year == e.year:
            return f"{s.day} {s:%B} – {e.day} {e:%B %Y}"
        return f"{s.day} {s:%B %Y} – {e.day} {e:%B %Y}"


@dataclass(frozen=True)
class Section:
    """One stretch of the timeline: an anchor id, a heading, its events in date order,
    and whether it starts folded."""

    id: str
    title: str
    label: str  # the title, short, for the line of links to each stretch
    events: tuple[Event, ...]
    folded: bool = False


def sections(events: Iterable[Event], focus: Focus) -> list[Section]:
    """Events (in date order) as the focus first, then after it, then before it; a
    stretch without events is left out."""
    inside: list[Event] = []
    after: list[Event] = []
    before: list[Event] = []
    for e in events:
        if e.date < focus.start:
            before.append(e)
        elif e.date > focus.end:
            after.append(e)
        else:
            inside.append(e)
    name = focus.name
    capital = name[:1].upper() + name[1:]
    out = [
        Section(FOCUS_ID, f"{capital}: {focus.span}", capital, tuple(inside)),
        Section(AFTER_ID, f"After {name}", f"After {name}", tuple(after)),
        Section(BEFORE_ID, f"Before {name}", f"Before {name}", tuple(before), folded=True),
    ]
    return [s for s in out if s.events]


def from_options(options: Mapping[str, object]) -> Focus | None:
    """The focus named under `extra.explainer.focus` in mkdocs.yml, if any."""
    raw = options.get("focus")
    if raw is None:
        return None
    where = "mkdocs.yml, extra.explainer.focus"
    if not isinstance(raw, Mapping):
        raise FocusError(f"{where}: expected a mapping with start, end and name")
    unknown = sorted(set(raw) - {"start", "end", "name"})
    if unknown:
        raise FocusError(f"{where}: unknown key(s) {', '.join(unknown)}; use start, end, name")
    start, end = (_date(raw.get(key), f"{where}.{key}") for key in ("start", "end"))
    if end < start:
        raise FocusError(f"{where}: end {end} is before start {start}; swap them")
    name = raw.get("name", "the story")
    if not isinstance(name, str) or not name.strip():
        raise FocusError(f"{where}.name: expected a short text such as 'the crisis'")
    return Focus(start, end, name.strip())


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FocusError(f"{where}: expected a date as YYYY-MM-DD, got {value!r}")
