"""E004: required files and required keys are present."""

from collections.abc import Iterator

from ..problems import Loc, Problem
from .base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for doc in ctx.ds.documents:
        if not doc.exists:
            if doc.spec.required:
                yield Problem(
                    Loc(doc.path),
                    "E004",
                    f"missing required file {doc.spec.filename}; create it with a list of "
                    f"{doc.spec.record.name}s",
                )
            continue
        for spec, node in ctx.records(doc):
            present = set(node.keys())
            for f in spec.fields:
                if f.required and f.name not in present:
                    yield Problem(
                        node.loc,
                        "E004",
                        f'{spec.name} is missing required key "{f.name}" ({f.doc})',
                    )


RULE = Rule("E004", "missing-key", "A required file or key is missing.", "dataset", check)
