"""E041: every proper name in a claim is vouched for by the claim's own evidence.

A name (place, person, organisation, publication) must be in a quote, in a cited
source's title, publisher, via or author, or be a name or alias of an actor those
mention. Not names: the first word of a sentence when it is a common word ("The", "After"),
months, weekdays and titles such as "Mr"; a nationality ("Iranian") counts as its country.
"""

from collections.abc import Iterator

from ..claimwords import words
from ..model import ClaimRef
from ..problems import Problem
from ..speakers import FUNCTION
from ..vocabulary import wordset
from .base import Context, Rule, at

CALENDAR = wordset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday"""
)
TITLES = wordset("mr mrs ms dr sr jr st prof gen lt col maj capt")


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    if not claim.cite:
        return
    candidates = [
        w
        for w in words(claim.text)
        if w.capital
        and w.folded not in CALENDAR
        and w.folded not in TITLES
        and not (w.initial and w.folded in FUNCTION)
    ]
    if not candidates:
        return
    pool = ctx.evidence_of(claim).all_words
    common = ctx.capture_words.is_common
    missing = [
        w.text
        for w in candidates
        if not pool.vouches(w.text) and not (w.initial and common(w.text))
    ]
    if missing:
        names = ", ".join(f'"{m}"' for m in dict.fromkeys(missing))
        yield Problem(
            at(claim, "text"),
            "E041",
            f"claim names {names} but no quote, cited source (title, publisher, via, "
            "author) or actor they mention does; quote the passage that names it, or "
            "leave the name out",
        )


RULE = Rule(
    "E041",
    "name-not-in-quote",
    "A proper name in a claim that no quote, cited source record or actor alias vouches for.",
    "claim",
    check,
    cross_file=True,
)
