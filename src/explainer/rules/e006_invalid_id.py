"""E006: ids and tags are lowercase slugs, so they work as file names and anchors."""

from collections.abc import Iterator

from .. import schema as s
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule
from .walk import documents, scalar_type


def suggest(value: str) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return f' such as "{slug}"' if slug else ""


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Slug):
            if not isinstance(scalar_type(fv), s.Slug) or not isinstance(fv.value, YScalar):
                continue
            if fv.value.kind != "str":
                continue  # E005 reports it
            value = str(fv.value.value)
            if value and not s.SLUG_RE.match(value):
                yield Problem(
                    fv.value.loc,
                    "E006",
                    f'"{value}" is not a valid {fv.field.name}: use lowercase letters, digits '
                    f"and single hyphens{suggest(value)}",
                )


RULE = Rule(
    "E006",
    "invalid-id",
    "An id or tag that is not a lowercase slug (a-z, 0-9, -).",
    "dataset",
    check,
)
