"""E022: every date the claim mentions is supported by one of its quotes."""

from collections.abc import Iterator

from ..dates import mentions, supports
from ..model import ClaimRef
from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    found = [m for m in mentions(claim.text) if m.relative is None]
    if not found:
        return
    evidence = [e for e in (ctx.evidence(c) for c in claim.cite) if e is not None]
    for mention in found:
        if not any(supports(mention, e) for e in evidence):
            resolved = sorted({d for e in evidence for d in e.dates})
            seen = ", ".join(d.isoformat() for d in resolved) or "no dates"
            yield Problem(
                at(claim, "text"),
                "E022",
                f'claim mentions "{mention.text}" but no cited quote supports that date '
                f"(the quotes give: {seen}); quote a passage that states it, or a weekday "
                "or 'yesterday' that the source's published date resolves to it",
            )


RULE = Rule(
    "E022",
    "date-not-in-quote",
    "A date in the claim that no quote states or implies (weekday, yesterday...).",
    "claim",
    check,
)
