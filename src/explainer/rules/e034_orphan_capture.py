"""E034: every capture belongs to a source, so stray evidence does not pile up."""

from collections.abc import Iterator

from ..problems import Loc, Problem
from .base import Context, Rule, did_you_mean


def check(ctx: Context) -> Iterator[Problem]:
    for cap in ctx.ds.orphan_captures:
        yield Problem(
            Loc(cap.path),
            "E034",
            f'capture has no source "{cap.source_id}" in sources.yaml'
            f"{did_you_mean(cap.source_id, ctx.ds.source_by_id)}; rename or delete it",
        )


RULE = Rule(
    "E034",
    "orphan-capture",
    "A capture file whose name matches no source id.",
    "dataset",
    check,
    cross_file=True,
)
