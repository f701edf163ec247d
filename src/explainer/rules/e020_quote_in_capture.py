"""E020: every quote is found in its source's capture, after fair normalisation."""

from collections.abc import Iterator

from ..model import Cite
from ..problems import Problem
from ..textnorm import closest_passage
from .base import Context, Rule, at


def check(ctx: Context, cite: Cite) -> Iterator[Problem]:
    capture = ctx.capture(cite.source)
    if capture is None or cite.source not in ctx.ds.source_by_id:
        return  # E030 / E033 report these
    if ctx.quote_found(cite):
        return
    cap = ctx.ds.captures[cite.source]
    near = closest_passage(cite.quote, cap.passages)
    hint = f'; closest passage: "{near}"' if near else ""
    yield Problem(
        at(cite, "quote"),
        "E020",
        f"quote not found in {cap.path}: copy it verbatim from the capture "
        f"(use … to skip words){hint}",
    )


RULE = Rule(
    "E020",
    "quote-not-in-capture",
    "A quote that does not appear verbatim in its source's capture.",
    "cite",
    check,
)
