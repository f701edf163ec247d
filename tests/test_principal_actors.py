"""The crisis's principal actors are profiled: who they are and what they did in it."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from explainer import load

DATASET = load(ROOT / "data", root=ROOT)
PRINCIPALS = [
    "iran",
    "pakistan",
    "jaish-al-adl",
    "irgc",
    "balochistan-liberation-front",
    "balochistan-liberation-army",
    "hossein-amir-abdollahian",
    "jalil-abbas-jilani",
]
CRISIS = (dt.date(2024, 1, 16), dt.date(2024, 1, 31))


@pytest.mark.parametrize("actor_id", PRINCIPALS)
def test_a_principal_actor_has_at_least_three_profile_claims(actor_id: str) -> None:
    actor = DATASET.actor_by_id[actor_id]
    assert len(actor.claims) >= 3, f"{actor.name} has {len(actor.claims)} profile claims"


@pytest.mark.parametrize("actor_id", PRINCIPALS)
def test_a_principal_actors_profile_cites_reporting_from_the_crisis(actor_id: str) -> None:
    """At least one profile claim rests on a source published during the crisis, so the
    profile says what the actor did then, not only who it is."""
    actor = DATASET.actor_by_id[actor_id]
    published = {
        DATASET.source_by_id[c.source].published for claim in actor.claims for c in claim.cite
    }
    assert any(CRISIS[0] <= day <= CRISIS[1] for day in published), actor.name
