"""E037: a capture holds text; an empty file proves nothing."""

from collections.abc import Iterator

from ..problems import Loc, Problem
from .base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for cap in ctx.ds.captures.values():
        if not cap.passages:
            yield Problem(
                Loc(cap.path, cap.first_line, 1),
                "E037",
                "capture is empty; paste the passages of the source that the claims quote",
            )


RULE = Rule("E037", "empty-capture", "A capture file with no text.", "dataset", check)
