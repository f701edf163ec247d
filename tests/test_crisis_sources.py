"""Every date and casualty figure of the crisis itself rests on two independent publishers,
or its sentence carries the page's "one source" marker.

The crisis runs from Iran's strike (16 January 2024) to the foreign ministers' meeting
in Islamabad (29 January 2024). A claim gives a date when the date parser finds a day,
a weekday or a relative day in it; a casualty figure when it has a number and speaks of
killing, death or injury.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from explainer import load
from explainer.dates import mentions
from explainer.model import ClaimRef
from explainer.numbers import numbers
from explainer.render import PageContext, Renderer

DATASET = load(ROOT / "data", root=ROOT)
RENDERER = Renderer(DATASET)
CRISIS = (dt.date(2024, 1, 16), dt.date(2024, 1, 29))
CASUALTY = re.compile(r"\b(?:kill|dead|die|death|injur|wound|casualt|bod(?:y|ies)\b)", re.I)


def gives_date(text: str) -> bool:
    return any(m.day is not None or m.weekday is not None or m.relative is not None
               for m in mentions(text))  # fmt: skip


def gives_casualty_figure(text: str) -> bool:
    return bool(numbers(text)) and CASUALTY.search(text) is not None


def crisis_facts() -> list[ClaimRef]:
    return [
        ref
        for ref in DATASET.claims()
        if ref.event is not None
        and CRISIS[0] <= ref.event.date <= CRISIS[1]
        and (gives_date(ref.claim.text) or gives_casualty_figure(ref.claim.text))
    ]


FACTS = crisis_facts()


def test_the_crisis_has_dated_and_counted_claims() -> None:
    # the selection must find the claims it is about, or the test below proves nothing
    assert len(FACTS) >= 10
    assert any(gives_casualty_figure(r.claim.text) for r in FACTS)
    assert any(gives_date(r.claim.text) for r in FACTS)


@pytest.mark.parametrize("ref", FACTS, ids=[r.key for r in FACTS])
def test_two_publishers_or_marked(ref: ClaimRef) -> None:
    publishers = DATASET.corroboration.of(ref.claim)
    html = RENDERER.claim(ref, PageContext(RENDERER.claim_home(ref)), [])
    marked = "[one source](" in html
    assert publishers >= 2 or marked, f"{ref.claim.loc}: one publisher and no marker"
    assert marked == (publishers < 2)


@pytest.mark.parametrize(
    ("text", "date", "figure"),
    [
        ("Pakistan said two children were killed.", False, True),
        ("Tipu returned on January 17.", True, False),
        ("On Saturday Raisi received the envoy.", True, False),
        ("Nine people were shot dead on 27 January.", True, True),
        ("The ministers met and agreed to cooperate.", False, False),
        ("Three ministers met.", False, False),
    ],
)
def test_what_counts_as_a_date_or_a_casualty_figure(text: str, date: bool, figure: bool) -> None:
    assert gives_date(text) is date
    assert gives_casualty_figure(text) is figure
