"""E030: every cited source id exists in sources.yaml."""

from collections.abc import Iterator

from ..model import Cite
from ..problems import Problem
from .base import Context, Rule, at, did_you_mean


def check(ctx: Context, cite: Cite) -> Iterator[Problem]:
    if cite.source in ctx.ds.source_by_id:
        return
    yield Problem(
        at(cite, "source"),
        "E030",
        f'unknown source "{cite.source}"{did_you_mean(cite.source, ctx.ds.source_by_id)}; '
        "add it to sources.yaml or fix the id",
    )


RULE = Rule(
    "E030",
    "unknown-source",
    "A cited source id that is not in sources.yaml.",
    "cite",
    check,
    cross_file=True,
)
