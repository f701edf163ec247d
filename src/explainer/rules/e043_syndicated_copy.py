"""E043: copies of one story count as one source, so the data must say they are copies.

Two captures from different publishers that share a passage of at least
COPY_WORDS words in a row (outside quotation marks; see syndication.py) are one
story. The later source must then carry the original's publisher, with the site
that republished it as `via`; two copies of one wire both carry the wire.

An official statement (`kind: official`) is written to be reprinted, and an outlet
that reprints part of it in its own story is not a copy of another outlet: no pair
with an official source is reported. The pair still counts as one publisher when
claims are counted (syndication.Corroboration).
"""

from collections.abc import Iterator

from ..problems import Problem
from ..syndication import COPY_WORDS, publisher_key
from .base import Context, Rule, at


def check(ctx: Context) -> Iterator[Problem]:
    for shared in ctx.ds.shared_passages:
        first, later = shared.earlier, shared.later
        if publisher_key(first) == publisher_key(later):
            continue
        if "official" in (first.kind, later.kind):
            continue
        yield Problem(
            at(later, "publisher"),
            "E043",
            f'source "{later.id}" ({later.publisher}) shares a {shared.words}-word passage '
            f'with "{first.id}" ({first.publisher}, {first.published.isoformat()}): '
            f'"{shared.excerpt} …"; if one copies the other, set publisher: {first.publisher} '
            f"and via: {later.publisher}; if both copy a wire, give both the wire as "
            "publisher and the site as via",
        )


RULE = Rule(
    "E043",
    "undeclared-copy",
    f"Sources of different publishers share {COPY_WORDS}+ words in a row, and the copy "
    "does not name the original.",
    "dataset",
    check,
    cross_file=True,
)
