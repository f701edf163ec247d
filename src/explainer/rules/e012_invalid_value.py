"""E012: numbers lie in their range and patterned values match their pattern."""

from collections.abc import Iterator

from .. import schema as s
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule
from .walk import documents


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Number, s.Pattern):
            ftype, node = fv.field.type, fv.value
            if not isinstance(node, YScalar):
                continue
            if isinstance(ftype, s.Number) and node.kind in ("int", "float"):
                v = node.value
                if not (ftype.minimum <= v <= ftype.maximum):  # type: ignore[operator]
                    yield Problem(
                        node.loc,
                        "E012",
                        f"{fv.field.name} {v} is out of range; it must lie between "
                        f"{ftype.minimum:g} and {ftype.maximum:g}",
                    )
            elif (
                isinstance(ftype, s.Pattern)
                and node.kind == "str"
                and not ftype.regex.match(str(node.value))
            ):
                yield Problem(
                    node.loc,
                    "E012",
                    f'{fv.field.name} "{node.value}" is not {ftype.hint}',
                )


RULE = Rule(
    "E012",
    "invalid-value",
    "A number out of range or a value not matching its pattern.",
    "dataset",
    check,
)
