"""E024: a source cannot report an event dated after its own publication."""

from collections.abc import Iterator

from ..model import Event
from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context, event: Event) -> Iterator[Problem]:
    for claim in event.claims:
        for cite in claim.cite:
            src = ctx.ds.source_by_id.get(cite.source)
            if src is not None and src.published < event.date:
                yield Problem(
                    at(cite, "source"),
                    "E024",
                    f'source "{src.id}" was published {src.published.isoformat()}, before the '
                    f"event's date {event.date.isoformat()}; check both dates or cite a later "
                    "report",
                )


RULE = Rule(
    "E024",
    "source-before-event",
    "A source cited for an event but published before the event's date.",
    "event",
    check,
)
