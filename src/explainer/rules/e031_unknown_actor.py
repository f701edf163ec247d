"""E031: every actor id referenced by an event, relation or question exists in actors.yaml."""

from collections.abc import Iterator

from ..problems import Loc, Problem
from .base import Context, Rule, at, did_you_mean


def _problem(loc: Loc, value: str, known: object) -> Problem:
    return Problem(
        loc,
        "E031",
        f'unknown actor "{value}"{did_you_mean(value, known)}; add it to actors.yaml or fix the id',
    )


def check(ctx: Context) -> Iterator[Problem]:
    known = ctx.ds.actor_by_id
    for event in ctx.ds.events:
        for i, actor in enumerate(event.actors):
            if actor not in known:
                yield _problem(at(event, f"actors.{i}"), actor, known)
    for actor in ctx.ds.actors:
        for rel in actor.relations:
            if rel.actor not in known:
                yield _problem(at(rel, "actor"), rel.actor, known)
    for question in ctx.ds.questions:
        for i, actor in enumerate(question.actors):
            if actor not in known:
                yield _problem(at(question, f"actors.{i}"), actor, known)


RULE = Rule(
    "E031",
    "unknown-actor",
    "An actor id that is not in actors.yaml.",
    "dataset",
    check,
    cross_file=True,
)
