"""E035: every source is cited at least once; unused ones are clutter or a lost citation."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context) -> Iterator[Problem]:
    cited = ctx.ds.cited_source_ids
    for src in ctx.ds.sources:
        if src.id not in cited:
            yield Problem(
                at(src, "id"),
                "E035",
                f'source "{src.id}" is never cited; cite it from a claim or remove it',
            )


RULE = Rule(
    "E035", "unused-source", "A source that no claim cites.", "dataset", check, cross_file=True
)
