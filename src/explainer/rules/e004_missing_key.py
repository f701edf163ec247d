"""E004: required files and required keys are present."""

from collections.abc import Iterator

from ..problems import Loc, Problem
from ..schema import RecordSpec
from .base import Context, Rule

_REQUIRED: dict[int, tuple[RecordSpec, frozenset[str]]] = {}


def _required(spec: RecordSpec) -> frozenset[str]:
    got = _REQUIRED.get(id(spec))
    if got is None or got[0] is not spec:  # the spec is held, so its id stays its own
        got = _REQUIRED[id(spec)] = (spec, frozenset(f.name for f in spec.fields if f.required))
    return got[1]


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
        for (spec, node), names in zip(ctx.records(doc), ctx.keys(doc), strict=True):
            if _required(spec).issubset(names):
                continue  # nothing missing: most records
            present = set(names)
            for f in spec.fields:
                if f.required and f.name not in present:
                    yield Problem(
                        node.loc,
                        "E004",
                        f'{spec.name} is missing required key "{f.name}" ({f.doc})',
                    )


RULE = Rule("E004", "missing-key", "A required file or key is missing.", "dataset", check)
