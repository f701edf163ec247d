"""E026: when the cited sources give different figures for the same thing, say so.

Precisely: a *figure* is a number followed (within three words, skipping
modifiers such as "more" or "innocent") by the thing it counts, reduced to its
singular ("two children" -> child: 2). Two quotes from different sources
*disagree* when both give figures for the same thing and share no value. A claim
whose quotes disagree must either be marked `contested: true` (the page shows a
"sources differ" badge) or state at least one figure from each side.
"""

from collections.abc import Iterator
from decimal import Decimal

from ..model import ClaimRef
from ..numbers import figures, numbers
from ..problems import Problem
from .base import Context, Rule, at


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    if claim.contested or len({c.source for c in claim.cite}) < 2:
        return
    per_source: dict[str, dict[str, set[Decimal]]] = {}
    for cite in claim.cite:
        found = figures(cite.quote)
        if found:
            mine = per_source.setdefault(cite.source, {})
            for thing, values in found.items():
                mine.setdefault(thing, set()).update(values)
    if len(per_source) < 2:
        return  # figures from fewer than two sources cannot disagree
    stated = set(numbers(claim.text))
    sources = list(per_source)
    reported: set[str] = set()
    for i, a in enumerate(sources):
        for b in sources[i + 1 :]:
            for thing in per_source[a].keys() & per_source[b].keys():
                va, vb = per_source[a][thing], per_source[b][thing]
                if va & vb or thing in reported:
                    continue
                if stated & va and stated & vb:
                    continue  # the claim gives both sides
                reported.add(thing)
                yield Problem(
                    at(claim, "text"),
                    "E026",
                    f'cited sources disagree on "{thing}": {_fmt(va)} in {a}, {_fmt(vb)} in '
                    f"{b}; state both figures with attribution or set contested: true",
                )


def _fmt(values: set[Decimal]) -> str:
    return "/".join(format(v, "f") for v in sorted(values))


RULE = Rule(
    "E026",
    "undisclosed-disagreement",
    "Quotes from different sources give different figures and the claim hides it.",
    "claim",
    check,
)
