"""E010: required lists are not empty and text is not blank."""

from collections.abc import Iterator

from .. import schema as s
from ..problems import Problem
from ..yamltree import YScalar, YSeq
from .base import Context, Rule
from .walk import documents, scalar_type

_TEXTUAL = (s.Text, s.Slug, s.Ref, s.Url, s.Enum, s.Pattern)


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields(doc):
            value = fv.value
            if type(value) is YScalar:
                # only blank text and nulls can be empty; most scalars are neither
                kind = value.kind
                if kind != "null" and (kind != "str" or str(value.value).strip()):
                    continue
            elif type(value) is not YSeq:
                continue  # a mapping is neither a list nor text
            ftype = scalar_type(fv)
            if fv.item_of is None and isinstance(ftype, s.ListOf):
                if isinstance(fv.value, YSeq) and len(fv.value.items) < ftype.min_items:
                    yield Problem(
                        fv.value.loc,
                        "E010",
                        f"{fv.field.name} needs at least {ftype.min_items} item(s); "
                        f"it is empty ({fv.field.doc})",
                    )
            elif isinstance(ftype, _TEXTUAL) and isinstance(fv.value, YScalar):
                if fv.value.kind == "str" and not str(fv.value.value).strip():
                    yield Problem(fv.value.loc, "E010", f"{fv.field.name} is empty; fill it in")
                elif fv.value.kind == "null":
                    yield Problem(fv.value.loc, "E010", f"{fv.field.name} has no value; fill it in")


RULE = Rule(
    "E010", "empty-value", "A required list is empty or a text value is blank.", "dataset", check
)
