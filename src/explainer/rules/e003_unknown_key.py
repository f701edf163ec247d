"""E003: every key is one the contract knows, so a typo cannot pass silently."""

from collections.abc import Iterator

from ..problems import Problem
from .base import Context, Rule, did_you_mean
from .walk import documents


def check(ctx: Context) -> Iterator[Problem]:
    for doc in documents(ctx.ds):
        for (spec, node), names in zip(ctx.records(doc), ctx.keys(doc), strict=True):
            if spec.name_set.issuperset(names):
                continue  # every key known: most records
            for key, _ in node.items:
                name = key.value if type(key.value) is str else str(key.value)
                if spec.get(name) is None:
                    allowed = ", ".join(spec.names)
                    yield Problem(
                        key.loc,
                        "E003",
                        f'unknown key "{name}" in {spec.name}{did_you_mean(name, spec.names)}; '
                        f"allowed keys: {allowed}",
                    )


RULE = Rule(
    "E003", "unknown-key", "A key that the data contract does not define.", "dataset", check
)
