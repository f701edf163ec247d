"""E032: every event id a record refers to exists (related events, key figures,
questions, days of the strip), and no event is related to itself."""

from collections.abc import Iterator

from ..problems import Loc, Problem
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
                yield _unknown(at(event, f"related.{i}"), other, known)
    for figure in ctx.ds.figures:
        if figure.event not in known:
            yield _unknown(at(figure, "event"), figure.event, known)
    for question in ctx.ds.questions:
        for i, other in enumerate(question.events):
            if other not in known:
                yield _unknown(at(question, f"events.{i}"), other, known)
    for day in ctx.ds.days:
        if day.event not in known:
            yield _unknown(at(day, "event"), day.event, known)


def _unknown(loc: Loc, value: str, known: object) -> Problem:
    return Problem(loc, "E032", f'unknown event "{value}"{did_you_mean(value, known)}; fix the id')


RULE = Rule(
    "E032",
    "unknown-event",
    "An event id (related, figure, question or day) that does not exist.",
    "dataset",
    check,
    cross_file=True,
)
