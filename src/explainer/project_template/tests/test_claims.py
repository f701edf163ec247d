"""This explainer's data, checked claim by claim: a failing claim is a named failing test."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import check, check_claim, check_event, load
from explainer.rules import RULES, Context

ROOT = Path(__file__).resolve().parent.parent
DATASET = load(ROOT / "data", root=ROOT)
CTX = Context(DATASET)
CLAIMS = list(DATASET.claims())


def _fmt(problems) -> str:
    return "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("ref", CLAIMS, ids=[r.key for r in CLAIMS])
def test_claim(ref) -> None:
    problems = check_claim(CTX, ref)
    assert not problems, _fmt(problems)


@pytest.mark.parametrize("event", DATASET.events, ids=[e.id for e in DATASET.events])
def test_event_date(event) -> None:
    problems = check_event(CTX, event)
    assert not problems, _fmt(problems)


def test_files_and_references() -> None:
    """Everything the per-claim and per-event tests do not cover: shape and integrity."""
    problems = check(DATASET, [r for r in RULES if r.scope == "dataset"], CTX)
    assert not problems, _fmt(problems)
