"""E011: fields with a fixed set of values use one of them."""

from collections.abc import Iterator

from .. import schema as s
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule, did_you_mean
from .walk import documents


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Enum):
            ftype = fv.field.type
            if not isinstance(ftype, s.Enum) or not isinstance(fv.value, YScalar):
                continue
            value = fv.value.raw
            if fv.value.kind in ("str", "bool") and value not in ftype.values and value.strip():
                yield Problem(
                    fv.value.loc,
                    "E011",
                    f'{fv.field.name} "{value}" is not allowed'
                    f"{did_you_mean(str(value), ftype.values)}; use one of: "
                    + ", ".join(ftype.values),
                )


RULE = Rule(
    "E011", "invalid-choice", "A value outside the allowed set (kind, verdict).", "dataset", check
)
