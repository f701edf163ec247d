"""E005: every value has the type the contract expects (text, list, mapping, ...)."""

from collections.abc import Iterator

from .. import schema as s
from ..problems import Loc, Problem
from ..yamltree import YMap, YNode, YScalar, YSeq, describe
from .base import Context, Rule
from .walk import documents


def expected(ftype: s.FieldType) -> str:
    if isinstance(ftype, s.ListOf):
        return "a list"
    if isinstance(ftype, s.Record):
        return "a mapping"
    if isinstance(ftype, s.Bool):
        return "true or false"
    if isinstance(ftype, s.Number):
        return "a number"
    if isinstance(ftype, s.Date):
        return "a date (YYYY-MM-DD)"
    return "text"


def fits(ftype: s.FieldType, node: YNode) -> bool:
    if isinstance(ftype, s.ListOf):
        return isinstance(node, YSeq)
    if isinstance(ftype, s.Record):
        return isinstance(node, YMap)
    if not isinstance(node, YScalar):
        return False
    if isinstance(ftype, s.Bool):
        return node.kind == "bool"
    if isinstance(ftype, s.Number):
        return node.kind in ("int", "float")
    if isinstance(ftype, s.Date):
        return node.kind in ("timestamp", "str")
    if isinstance(ftype, s.Enum):
        return node.kind in ("str", "bool")  # `verdict: false` names a choice
    return node.kind == "str"


_KINDS: dict[type, frozenset[str]] = {}


def _scalar_kinds(ftype: s.FieldType) -> frozenset[str]:
    """The scalar kinds that fit ftype (none for lists and maps). fits() asks only what
    class ftype is, so the answer is kept per class."""
    got = _KINDS.get(type(ftype))
    if got is None:
        got = _KINDS[type(ftype)] = frozenset(
            kind
            for kind in ("str", "int", "float", "bool", "null", "timestamp", "other")
            if fits(ftype, YScalar(None, "", kind, Loc("")))
        )
    return got


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        if doc.root is None:
            continue
        if not isinstance(doc.root, YSeq):
            yield Problem(
                doc.root.loc,
                "E005",
                f"{doc.spec.filename} must be a list of {doc.spec.record.name}s "
                f"(each starting with '- id:'), not {describe(doc.root)}",
            )
            continue
        for item in doc.root.items:
            if not isinstance(item, YMap):
                yield Problem(
                    item.loc,
                    "E005",
                    f"each entry of {doc.spec.filename} must be a mapping of keys, "
                    f"not {describe(item)}",
                )
        known = _KINDS
        for fv in ctx.fields(doc):
            ftype = fv.field.type if fv.item_of is None else fv.item_of.item  # scalar_type
            value = fv.value
            # most values are scalars of an accepted kind: settle those with one lookup
            if type(value) is YScalar:
                kinds = known.get(type(ftype))
                if value.kind in (_scalar_kinds(ftype) if kinds is None else kinds):
                    continue
            if fv.item_of is not None and isinstance(ftype, s.Record):
                continue
            if fv.item_of is None and isinstance(fv.field.type, s.ListOf):
                if not isinstance(fv.value, YSeq):
                    yield _problem(fv.value, fv.field.name, fv.field.type)
                elif isinstance(fv.field.type.item, s.Record):
                    for item in fv.value.items:
                        if not isinstance(item, YMap):
                            yield _problem(
                                item, f"each item of {fv.field.name}", fv.field.type.item
                            )
                continue
            if not fits(ftype, fv.value):
                name = fv.field.name if fv.item_of is None else f"each item of {fv.field.name}"
                yield _problem(fv.value, name, ftype)


def _problem(node: YNode, name: str, ftype: s.FieldType) -> Problem:
    hint = ""
    if isinstance(node, YScalar) and expected(ftype) == "text" and node.kind != "str":
        hint = "; put the value in quotes to make it text"
    return Problem(
        node.loc,
        "E005",
        f"{name} must be {expected(ftype)}, not {describe(node)}{hint}",
    )


RULE = Rule(
    "E005",
    "wrong-type",
    "A value of the wrong type (text, number, list, mapping...).",
    "dataset",
    check,
)
