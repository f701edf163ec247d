"""E002: no key appears twice in one mapping (PyYAML would silently keep the last)."""

from collections.abc import Iterator

from ..problems import Problem
from ..yamltree import YMap, YNode, YScalar, YSeq
from .base import Context, Rule
from .walk import documents


def _maps(node: YNode | None) -> Iterator[YMap]:
    """Every mapping in document order. A stack, not recursive generators, and scalars
    are never pushed: they are most of the nodes and hold no mapping."""
    stack = [node]
    while stack:
        node = stack.pop()
        if type(node) is YMap:
            yield node
            inner = [v for _, v in node.items if type(v) is not YScalar]
        elif type(node) is YSeq:
            inner = [v for v in node.items if type(v) is not YScalar]
        else:
            continue
        if inner:
            inner.reverse()  # popped in document order
            stack += inner


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for node in _maps(doc.root):
            if len({key.value for key, _ in node.items}) == len(node.items):
                continue  # no key repeats: the common case, in one set
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
