"""E033: every cited source has a capture, data/captures/<id>.txt."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context) -> Iterator[Problem]:
    cited = ctx.ds.cited_source_ids
    for src in ctx.ds.sources:
        if src.id in cited and src.id not in ctx.ds.captures:
            yield Problem(
                at(src, "id"),
                "E033",
                f'source "{src.id}" is cited but has no capture; add '
                f"{ctx.ds.root}/captures/{src.id}.txt with the passages the claims quote",
            )


RULE = Rule(
    "E033",
    "missing-capture",
    "A cited source without a capture file.",
    "dataset",
    check,
    cross_file=True,
)
