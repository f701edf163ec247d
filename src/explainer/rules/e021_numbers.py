"""E021: every number in a claim appears in at least one of its quotes."""

from collections.abc import Iterator
from decimal import Decimal

from ..model import ClaimRef
from ..numbers import as_written, numbers
from ..problems import Problem
from .base import Context, Rule, at


def _show(value: Decimal) -> str:
    return format(value, ",f") if value >= 10000 else format(value, "f")


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    claimed = numbers(claim.text)
    if not claimed or not claim.cite:
        return
    vouched: set[Decimal] = set()
    for cite in claim.cite:
        vouched.update(numbers(cite.quote, vouching=True))
    first = claim.cite[0].quote
    shown = first if len(first) <= 80 else first[:79] + "…"
    for value in claimed:
        if value not in vouched:
            yield Problem(
                at(claim, "text"),
                "E021",
                f'claim says "{as_written(claim.text, value)}" but no cited quote contains '
                f'{_show(value)} (quote: "{shown}"); quote the passage with that figure or '
                "correct the claim",
            )


RULE = Rule(
    "E021",
    "number-not-in-quote",
    "A number in the claim (digits or words) that none of its quotes contains.",
    "claim",
    check,
)
