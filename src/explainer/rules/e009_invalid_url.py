"""E009: links are absolute http or https URLs (never javascript:, data: or file:)."""

from collections.abc import Iterator

from .. import schema as s
from ..model import is_http_url
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule
from .walk import documents


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Url):
            if not isinstance(fv.field.type, s.Url) or not isinstance(fv.value, YScalar):
                continue
            if fv.value.kind != "str":
                continue
            if not is_http_url(str(fv.value.value)):
                yield Problem(
                    fv.value.loc,
                    "E009",
                    f"{fv.field.name} must be an absolute http:// or https:// URL without "
                    f"spaces, not {str(fv.value.value)[:80]!r}",
                )


RULE = Rule(
    "E009", "invalid-url", "A URL that is not an absolute http or https address.", "dataset", check
)
