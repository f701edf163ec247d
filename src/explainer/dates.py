"""Dates mentioned in text, and what a quote's dates mean given when it was published.

A claim mentions dates in the project's own words ("16 January 2024", "January 16",
"Tuesday"). A quote may state a date explicitly or relative to its publication
("on Tuesday", "yesterday"); we resolve those against the source's `published` date
the way a reader of that day would.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Capitalised only: "may" and "march" are also verbs.
_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|and)\s*"


def _alt(kind: str, template: str) -> str:
    # group names must be unique across the alternation, so each carries its kind
    return f"(?P<{kind}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<{kind}_\1>", template) + ")"


_YEAR_OPT = r"(?:,?\s+" + _YEAR.format(n="y") + r")?"
# One alternation, tried left to right at each position: longer forms come first, so
# "16 January 2024" is one date rather than a day and a month-year.
_ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    (  # 22-24 April 2024, 22 and 24 April
        "dd_range",
        r"\b" + _DAY.format(n="d") + _DASH + _DAY.format(n="d2") + r"\s+(?:of\s+)?"
        + _MONTH.format(n="m") + _YEAR_OPT + r"\b",
    ),
    (  # April 22-24, 2024
        "md_range",
        r"\b" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + _DASH
        + _DAY.format(n="d2") + _YEAR_OPT + r"\b",
    ),
    (  # 16 January 2024, 16th of January, 16 Jan
        "dm",
        r"\b" + _DAY.format(n="d") + r"\s+(?:of\s+)?" + _MONTH.format(n="m") + _YEAR_OPT
        + r"(?!\w)",
    ),
    (  # January 16, 2024, Jan. 16
        "md",
        r"\b" + _MONTH.format(n="m") + r"\s+" + _DAY.format(n="d") + r"(?![\d,]\d)"
        + _YEAR_OPT + r"(?!\w)",
    ),
    ("my", r"\b" + _MONTH.format(n="m") + r",?\s+" + _YEAR.format(n="y") + r"\b"),
    (  # in January, late January (not May: a verb more often than not)
        "m",
        r"\b(?P<m>January|February|March|April|June|July|August|September|October"
        r"|November|December)\b",
    ),
    ("weekday", r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"),
    (
        "relative",
        r"(?i:\b(?P<r>yesterday|today|tonight|tomorrow|last night|this morning"
        r"|this evening|earlier today)\b)",
    ),
]  # fmt: skip
# Every form starts at a word boundary, with a digit, a capital letter or a relative
# word; the lookahead lets the engine skip other positions (most letters are inside a
# word) without trying each alternative there.
_FORMS = {kind: _alt(kind, t) for kind, t in _ALTERNATIVES}
# Grouped by the character a form starts with (the relative words start with a letter
# of either case): at a digit only the digit forms are tried, at a capital only the
# month and weekday forms, each group in the order of _ALTERNATIVES, so that the first
# form to match at a position is the same as with one flat alternation.
_DIGIT_FIRST = ("iso", "dd_range", "dm")
_CAPITAL_FIRST = ("md_range", "md", "my", "m", "weekday")
_DATES = re.compile(
    r"(?=\b[0-9A-Zytle])(?:"
    + r"(?=[0-9])(?:" + "|".join(_FORMS[k] for k in _DIGIT_FIRST) + ")"
    + r"|(?=[A-Z])(?:" + "|".join(_FORMS[k] for k in _CAPITAL_FIRST) + ")"
    + "|" + _FORMS["relative"]
    + ")"
)  # fmt: skip
_GROUPS: dict[str, dict[str, str]] = {
    kind: {
        name.removeprefix(f"{kind}_"): name
        for name in _DATES.groupindex
        if name.startswith(f"{kind}_")
    }
    for kind, _ in _ALTERNATIVES
}


_RELATIVE_DAYS = {
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this evening": 0,
    "earlier today": 0,
    "tomorrow": 1,
}


@dataclass(frozen=True)
class Mention:
    """A date as written; unknown parts are None."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    relative: int | None = None  # days from publication


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


# Any date expression contains one of these; text without any is skipped cheaply.
_HINT = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|days\b|night|tomorrow"
    r"|this morning|this evening",
    re.I,
)


@lru_cache(maxsize=65536)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every date expression in text, in order, longest form at each position."""
    if not _HINT.search(text):
        return ()
    out: list[tuple[int, int, Mention]] = []
    for m in _DATES.finditer(text):
        kind = m.lastgroup or ""  # the outermost group closes last: it names the form
        names = _GROUPS[kind]

        def g(name: str, m: re.Match[str] = m, names: dict[str, str] = names) -> str | None:
            full = names.get(name)
            return m.group(full) if full else None

        raw_m, raw_y = g("m"), g("y")
        month = int(raw_m or 0) if kind == "iso" else MONTHS[raw_m.lower()] if raw_m else None
        year = int(raw_y) if raw_y else None
        found: list[Mention]
        if kind in ("iso", "dm", "md", "dd_range", "md_range"):
            days = [int(x) for x in (g("d"), g("d2")) if x]
            if not all(1 <= d <= 31 for d in days):
                continue
            found = [Mention(m.group(0), year, month, d) for d in days]
        elif kind == "my":
            found = [Mention(m.group(0), year, month)]
        elif kind == "m":
            found = [Mention(m.group(0), None, month)]
        elif kind == "weekday":
            found = [Mention(m.group(0), weekday=WEEKDAYS.index((g("w") or "").lower()))]
        else:
            found = [Mention(m.group(0), relative=_RELATIVE_DAYS[(g("r") or "").lower()])]
        out.extend((m.start(), m.end(), f) for f in found)
    # "Thursday, January 18" names one day, not two: the weekday belongs to the date
    dated_starts = {a for a, _, f in out if f.day is not None}
    return tuple(
        f
        for a, b, f in out
        if not (f.weekday is not None and any(0 < s - b <= 3 for s in dated_starts))
    )


@dataclass(frozen=True)
class Evidence:
    """What the dates of one quote establish, read on the source's publication date."""

    dates: frozenset[dt.date]
    months: frozenset[tuple[int, int]]  # (year, month)


def _closest_year(month: int, day: int, published: dt.date) -> int | None:
    best: tuple[int, int] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        if _valid(y, month, day):
            gap = abs((dt.date(y, month, day) - published).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return best[1] if best else None


_NO_EVIDENCE = Evidence(frozenset(), frozenset())


def resolve(text: str, published: dt.date) -> Evidence:
    found = mentions(text)
    if not found:  # most quotes: nothing to resolve
        return _NO_EVIDENCE
    dates: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for m in found:
        if m.day is not None and m.month is not None:
            year = m.year if m.year is not None else _closest_year(m.month, m.day, published)
            if year is not None and _valid(year, m.month, m.day):
                dates.add(dt.date(year, m.month, m.day))
        elif m.month is not None:
            year = m.year
            if year is None:  # the nearest such month to publication
                candidates = [
                    (abs((published.year - y) * 12 + published.month - m.month), y)
                    for y in (published.year - 1, published.year, published.year + 1)
                ]
                year = min(candidates)[1]
            months.add((year, m.month))
        elif m.weekday is not None:
            back = (published.weekday() - m.weekday) % 7
            dates.add(published - dt.timedelta(days=back))
        elif m.relative is not None:
            dates.add(published + dt.timedelta(days=m.relative))
    months.update((d.year, d.month) for d in dates)
    return Evidence(frozenset(dates), frozenset(months))


def supports(mention: Mention, evidence: Evidence) -> bool:
    """Whether a claim's date mention is borne out by a quote's resolved dates."""
    if mention.relative is not None:
        return True  # relative words in our own prose are narrative, not dates
    if mention.weekday is not None:
        return any(d.weekday() == mention.weekday for d in evidence.dates)
    if mention.day is not None:
        return any(
            d.month == mention.month
            and d.day == mention.day
            and (mention.year is None or d.year == mention.year)
            for d in evidence.dates
        )
    return any(
        month == mention.month and (mention.year is None or year == mention.year)
        for year, month in evidence.months
    )
