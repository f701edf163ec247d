"""E036: an actor named in an event's claim is listed in that event's actors."""

from collections.abc import Iterator

from ..model import ClaimRef
from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    event = ref.event
    if event is None:
        return
    for actor in ctx.ds.actor_names.named_in(ref.claim.text):
        if actor.id not in event.actors:
            yield Problem(
                at(ref.claim, "text"),
                "E036",
                f'claim names {actor.name} but the event does not list actor "{actor.id}"; '
                "add it to the event's actors",
            )


RULE = Rule(
    "E036",
    "actor-not-listed",
    "An actor named in an event's claim text but missing from the event's actors.",
    "claim",
    check,
    cross_file=True,
)
