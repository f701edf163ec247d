"""Editorial policy of the flagship site, checked over all of its data.

Every event date, and every casualty figure, rests on at least two independent
publishers (wire copy reprinted by several outlets is one publisher). A figure that
only one publisher gives may appear solely inside a claim marked contested, where the
page shows it as one account among others, with attribution.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from explainer import load
from explainer.numbers import numbers
from explainer.rules import Context

DATASET = load(ROOT / "data", root=ROOT)
CTX = Context(DATASET)
CASUALTY = re.compile(r"\b(kill|dead|death|died|injur|wound|hurt|casualt|toll|lives)", re.I)
CASUALTY_CLAIMS = [
    ref for ref in DATASET.claims() if CASUALTY.search(ref.claim.text) and numbers(ref.claim.text)
]


def publisher(source_id: str) -> str:
    return DATASET.source_by_id[source_id].publisher


@pytest.mark.parametrize("event", DATASET.events, ids=[e.id for e in DATASET.events])
def test_event_date_has_two_independent_publishers(event) -> None:
    publishers = {
        publisher(cite.source)
        for claim in event.claims
        for cite in claim.cite
        if event.date in CTX.evidence(cite).dates
    }
    assert len(publishers) >= 2, f"{event.date} is supported only by {sorted(publishers)}"


@pytest.mark.parametrize("ref", CASUALTY_CLAIMS, ids=[r.key for r in CASUALTY_CLAIMS])
def test_casualty_figures_have_two_publishers_or_are_shown_as_disputed(ref) -> None:
    if ref.claim.contested:
        assert len({publisher(c.source) for c in ref.claim.cite}) >= 2
        return
    for value in numbers(ref.claim.text):
        backing = {
            publisher(c.source) for c in ref.claim.cite if value in numbers(c.quote, vouching=True)
        }
        assert len(backing) >= 2, f"{value} is given only by {sorted(backing)}"


def test_quantities() -> None:
    publishers = {s.publisher for s in DATASET.sources}
    assert len(DATASET.events) >= 30
    assert len(DATASET.actors) >= 25
    assert len(DATASET.sources) >= 30
    assert len(publishers) >= 15
    assert sum(1 for _ in DATASET.claims()) >= 200
