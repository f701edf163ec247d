"""Run the rules over a dataset."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from .forked import Child, can_fork, cpus
from .gcpause import paused
from .model import ClaimRef, Dataset, Event, statement_cites
from .problems import Problem
from .rules import RULES, Context, Rule

# statement_cites lives with the model now (the rule context lists cites too); it is
# still importable from here
__all__ = ["auto_jobs", "check", "check_claim", "check_event", "statement_cites"]


def _items(rule: Rule, ctx: Context) -> list[Any]:
    """What a rule of each scope runs over, one call per item."""
    if rule.scope == "event":
        return list(ctx.ds.events)
    if rule.scope == "claim":
        return ctx.claims
    if rule.scope == "cite":
        return ctx.cites
    raise ValueError(f"unknown rule scope {rule.scope!r}")  # pragma: no cover - see tests


def _run(rule: Rule, ctx: Context, part: tuple[int, int] = (0, 1)) -> Iterator[Problem]:
    """The rule's problems, over the part-th of `of` equal slices of its items."""
    if rule.scope == "dataset":
        yield from rule.fn(ctx)
        return
    items = _items(rule, ctx)
    k, of = part
    for item in items[len(items) * k // of : len(items) * (k + 1) // of]:
        yield from rule.fn(ctx, item)


# Below this many claims a check takes a fraction of a second and a second process
# would not pay for itself.
PARALLEL_MIN_CLAIMS = 2_000

# One share of a check: (rule index, slice) pairs, run in one process.
Share = list[tuple[int, tuple[int, int]]]


def _shares(rules: Sequence[Rule], jobs: int) -> list[Share]:
    """Split a check into `jobs` shares of about equal cost. The dataset rules stay
    together, since the shape rules among them share one walk over every field; the
    rules run per event, claim or citation split their items among the other shares.
    On the benchmark data the two halves cost about the same."""
    whole = [(i, (0, 1)) for i, r in enumerate(rules) if r.scope == "dataset"]
    per_item = [i for i, r in enumerate(rules) if r.scope != "dataset"]
    if jobs < 2:
        return [whole + [(i, (0, 1)) for i in per_item]]
    of = jobs - 1
    return [whole] + [[(i, (k, of)) for i in per_item] for k in range(of)]


def _run_share(rules: Sequence[Rule], ctx: Context, share: Share) -> list[list[Problem]]:
    return [list(_run(rules[i], ctx, part)) for i, part in share]


def check(
    ds: Dataset, rules: Iterable[Rule] = RULES, ctx: Context | None = None, jobs: int = 1
) -> list[Problem]:
    """Every problem in the dataset, sorted by file, line, column and code.

    With jobs > 1 (and a fork-capable, single-threaded process) the work is shared
    with jobs - 1 forked processes; the answer is the same, in the same order."""
    ctx = ctx or Context(ds)
    chosen = [r for r in rules if not (r.cross_file and not ctx.complete)]
    if jobs > 1 and not can_fork():
        jobs = 1
    shares = _shares(chosen, jobs)
    if jobs > 1:  # listed once, before forking, rather than once in each process
        ctx.claims, ctx.cites  # noqa: B018
    with paused():
        children = [Child(partial(_run_share, chosen, ctx, share)) for share in shares[1:]]
        found = [_run_share(chosen, ctx, shares[0])] + [c.result() for c in children]
    # in the order one process would have found them: by rule, then by item
    by_rule: dict[int, list[Problem]] = {}
    for share, lists in zip(shares, found, strict=True):
        for (i, _), problems in zip(share, lists, strict=True):
            by_rule.setdefault(i, []).extend(problems)
    seen: set[Problem] = set()
    out: list[Problem] = []
    for i in sorted(by_rule):
        for p in by_rule[i]:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return sorted(out, key=Problem.sort_key)


def auto_jobs(ds: Dataset) -> int:
    """Two processes for a large dataset on a machine with a second core, else one."""
    if cpus() < 2 or sum(1 for _ in ds.claims()) < PARALLEL_MIN_CLAIMS:
        return 1
    return 2


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
