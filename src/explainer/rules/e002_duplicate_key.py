"""E002: no key appears twice in one mapping (PyYAML would silently keep the last)."""

from collections.abc import Iterator

from ..problems import Problem
from ..yamltree import YMap, YNode, YSeq
from .base import Context, Rule
from .walk import documents


def _maps(node: YNode | None) -> Iterator[YMap]:
    if isinstance(node, YMap):
        yield node
        for _, v in node.items:
            yield from _maps(v)
    elif isinstance(node, YSeq):
        for item in node.items:
            yield from _maps(item)


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for node in _maps(doc.root):
            first: dict[object, int] = {}
            for key, _ in node.items:
                if key.value in first:
                    yield Problem(
                        key.loc,
                        "E002",
                        f'duplicate key "{key.value}" (first on line {first[key.value]}); '
                        "keep one of them",
                    )
                else:
                    first[key.value] = key.loc.line


RULE = Rule("E002", "duplicate-key", "A key appears twice in the same mapping.", "dataset", check)
