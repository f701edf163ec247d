"""E025: a source cannot have been read before it was published."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context) -> Iterator[Problem]:
    for src in ctx.ds.sources:
        if src.published > src.accessed:
            yield Problem(
                at(src, "published"),
                "E025",
                f"published {src.published.isoformat()} is after accessed "
                f"{src.accessed.isoformat()}; one of the two dates is wrong",
            )


RULE = Rule(
    "E025",
    "published-after-accessed",
    "A source whose published date is later than its accessed date.",
    "dataset",
    check,
)
