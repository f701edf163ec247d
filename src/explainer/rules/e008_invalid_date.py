"""E008: dates are real calendar dates written as YYYY-MM-DD."""

from collections.abc import Iterator

from .. import schema as s
from ..model import parse_date
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule
from .walk import documents


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Date):
            if not isinstance(fv.field.type, s.Date) or not isinstance(fv.value, YScalar):
                continue
            if fv.value.kind not in ("timestamp", "str"):
                continue  # E005 reports it
            raw = fv.value.raw
            if parse_date(raw) is None:
                yield Problem(
                    fv.value.loc,
                    "E008",
                    f'{fv.field.name} "{raw}" is not a valid date; write a real date as '
                    "YYYY-MM-DD, e.g. 2024-01-16",
                )


RULE = Rule(
    "E008", "invalid-date", "A date that is not a real YYYY-MM-DD calendar date.", "dataset", check
)
