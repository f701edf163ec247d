"""E013: text fields are plain text; the generator adds links and markup itself."""

import re
from collections.abc import Iterator

from .. import schema as s
from ..problems import Problem
from ..yamltree import YScalar
from .base import Context, Rule
from .walk import documents, scalar_type

# HTML tags, Markdown links/images/autolinks, template syntax, script URLs.
MARKUP = re.compile(
    r"<\s*[A-Za-z!/?]"
    r"|\]\s*[(\[]"
    r"|\{\{|\{%|\{#"
    r"|\b(?:javascript|vbscript|data)\s*:"
    r"|\[\^",
    re.I,
)
# Quotes are verbatim evidence, so only template syntax and tags are refused there.
QUOTE_MARKUP = re.compile(r"<\s*[A-Za-z!/?]|\{\{|\{%|\{#", re.I)
# Each form needs one of these characters; most text has none, and looking for a
# character costs far less than trying every alternative at every position.
MARKUP_CHARS = "<]{:["
QUOTE_MARKUP_CHARS = "<{"


def _may_hold(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for fv in ctx.fields_of(doc, s.Text):
            if not isinstance(scalar_type(fv), s.Text) or not isinstance(fv.value, YScalar):
                continue
            if fv.value.kind != "str":
                continue
            quote = fv.field.name == "quote"
            text = str(fv.value.value)
            if not _may_hold(text, QUOTE_MARKUP_CHARS if quote else MARKUP_CHARS):
                continue
            m = (QUOTE_MARKUP if quote else MARKUP).search(text)
            if m:
                yield Problem(
                    fv.value.loc,
                    "E013",
                    f"{fv.field.name} contains markup ({m.group(0).strip()!r}); write plain "
                    "text - the generator escapes it and adds links itself",
                )


RULE = Rule(
    "E013",
    "markup-in-text",
    "Text containing HTML, Markdown links or template syntax.",
    "dataset",
    check,
)
