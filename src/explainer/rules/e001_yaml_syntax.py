"""E001: every data file and capture can be read and parsed."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for p in ctx.ds.load_problems:
        if p.code == "E001":
            yield p


RULE = Rule(
    "E001",
    "yaml-syntax",
    "A data file or capture cannot be read: YAML syntax error, bad encoding or alias loop.",
    "dataset",
    check,
)
