"""E007: ids are unique within their file (and claim ids within their record)."""

from collections.abc import Iterator

from ..problems import Problem
from ..yamltree import YMap, YScalar, YSeq
from .base import Context, Rule
from .walk import documents


def _ids(items: tuple) -> Iterator[YScalar]:
    for item in items:
        if isinstance(item, YMap):
            node = item.get("id")
            if isinstance(node, YScalar) and node.kind == "str":
                yield node


def _dupes(nodes: Iterator[YScalar], what: str) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for node in nodes:
        value = str(node.value)
        if value in first:
            yield Problem(
                node.loc,
                "E007",
                f'duplicate {what} id "{value}" (first on line {first[value]}); ids must be unique',
            )
        else:
            first[value] = node.loc.line


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        if not isinstance(doc.root, YSeq):
            continue
        yield from _dupes(_ids(doc.root.items), doc.spec.record.name)
        for item in doc.root.items:
            claims = item.get("claims") if isinstance(item, YMap) else None
            if isinstance(claims, YSeq):
                yield from _dupes(_ids(claims.items), "claim")


RULE = Rule("E007", "duplicate-id", "Two records in one file share an id.", "dataset", check)
