"""Run the rules over a dataset."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .gcpause import paused
from .model import ClaimRef, Dataset, Event, statement_cites
from .problems import Problem
from .rules import RULES, Context, Rule

# statement_cites lives with the model now (the rule context lists cites too); it is
# still importable from here
__all__ = ["check", "check_claim", "check_event", "statement_cites"]


def _run(rule: Rule, ctx: Context) -> Iterator[Problem]:
    if rule.scope == "dataset":
        yield from rule.fn(ctx)
    elif rule.scope == "event":
        for event in ctx.ds.events:
            yield from rule.fn(ctx, event)
    elif rule.scope == "claim":
        for ref in ctx.claims:
            yield from rule.fn(ctx, ref)
    elif rule.scope == "cite":
        for cite in ctx.cites:
            yield from rule.fn(ctx, cite)
    else:  # pragma: no cover - guarded by a test over RULES
        raise ValueError(f"unknown rule scope {rule.scope!r}")


def check(ds: Dataset, rules: Iterable[Rule] = RULES, ctx: Context | None = None) -> list[Problem]:
    """Every problem in the dataset, sorted by file, line, column and code."""
    ctx = ctx or Context(ds)
    seen: set[Problem] = set()
    out: list[Problem] = []
    with paused():
        for rule in rules:
            if rule.cross_file and not ctx.complete:
                continue
            for p in _run(rule, ctx):
                if p not in seen:
                    seen.add(p)
                    out.append(p)
    return sorted(out, key=Problem.sort_key)


def check_claim(ctx: Context, ref: ClaimRef) -> list[Problem]:
    """The problems of one claim: its own rules and those of each of its citations."""
    out: list[Problem] = []
    for rule in RULES:
        if rule.scope == "claim":
            out.extend(rule.fn(ctx, ref))
        elif rule.scope == "cite":
            for cite in ref.claim.cite:
                out.extend(rule.fn(ctx, cite))
    return out


def check_event(ctx: Context, event: Event) -> list[Problem]:
    """The problems of one event as a whole (its date, its sources' dates)."""
    return [p for rule in RULES if rule.scope == "event" for p in rule.fn(ctx, event)]
