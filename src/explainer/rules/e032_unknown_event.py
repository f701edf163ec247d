"""E032: every related event id exists, and no event is related to itself."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule, at, did_you_mean


def check(ctx: Context) -> Iterator[Problem]:
    known = ctx.ds.event_by_id
    for event in ctx.ds.events:
        for i, other in enumerate(event.related):
            if other == event.id:
                yield Problem(
                    at(event, f"related.{i}"),
                    "E032",
                    f'event "{event.id}" lists itself as related; remove it',
                )
            elif other not in known:
                yield Problem(
                    at(event, f"related.{i}"),
                    "E032",
                    f'unknown event "{other}"{did_you_mean(other, known)}; fix the id',
                )


RULE = Rule(
    "E032",
    "unknown-event",
    "A related event id that does not exist.",
    "dataset",
    check,
    cross_file=True,
)
