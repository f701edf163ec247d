"""E023: an event's date is supported by at least one quote among its claims."""

from collections.abc import Iterator

from ..model import Event
from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context, event: Event) -> Iterator[Problem]:
    resolved = set()
    for claim in event.claims:
        for cite in claim.cite:
            ev = ctx.evidence(cite)
            if ev is None:
                continue
            if event.date in ev.dates:
                return
            resolved |= ev.dates
    seen = ", ".join(sorted(d.isoformat() for d in resolved)) or "no dates"
    yield Problem(
        at(event, "date"),
        "E023",
        f"no quote in this event's claims supports its date {event.date.isoformat()} "
        f"(the quotes give: {seen}); cite a passage that states the date, or a weekday "
        "or 'yesterday' that its source's published date resolves to it",
    )


RULE = Rule(
    "E023",
    "event-date-unsupported",
    "An event whose date no quote in its claims states or implies.",
    "event",
    check,
)
