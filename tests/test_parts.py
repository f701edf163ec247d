"""Splitting a long timeline into parts: by year, and by month inside a crowded year."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT
from explainer import load
from explainer.actorpages import plan, sync
from explainer.export import events_ics
from explainer.parts import (
    PART_LIMIT,
    SOURCE_PART_LIMIT,
    TIMELINE,
    event_pages,
    source_parts,
    timeline_parts,
)
from explainer.render import PageContext, Renderer

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory):
    """800 events, one a day from 1 January 2020: 366 in 2020, 365 in 2021, 69 in 2022;
    two sources each, published one and two days later."""
    root = tmp_path_factory.mktemp("big")
    generate(root, 800)
    return load(root / "data", root=root)


def test_a_timeline_within_the_limit_stays_one_page() -> None:
    ds = load(ROOT / "data", root=ROOT)
    assert len(ds.events) <= PART_LIMIT
    assert timeline_parts(ds) == [] and source_parts(ds) == []
    assert set(event_pages(ds, timeline_parts(ds)).values()) == {TIMELINE}


def test_a_long_timeline_is_split_by_year(big) -> None:
    split = timeline_parts(big, limit=400)
    assert [(p.key, len(p.items)) for p in split] == [("2020", 366), ("2021", 365), ("2022", 69)]
    assert split[0].path == "timeline/2020.md"


def test_a_crowded_year_is_split_by_month(big) -> None:
    split = timeline_parts(big, limit=365)
    keys = [p.key for p in split]
    assert keys[:12] == [f"2020-{m:02d}" for m in range(1, 13)]
    assert keys[12:] == ["2021", "2022"]
    assert split[1].title == "February 2020" and len(split[1].items) == 29


def test_every_event_has_exactly_one_home(big) -> None:
    homes = event_pages(big, timeline_parts(big, limit=400))
    assert len(homes) == len(big.events)
    assert homes["event-00000"] == "timeline/2020.md"
    assert homes["event-00799"] == "timeline/2022.md"


def test_overview_lists_every_event_and_links_to_its_part(big) -> None:
    r = Renderer(big, part_limit=400)
    out = r.timeline(PageContext("timeline.md"))
    assert out.count('class="ex-event ex-brief"') == 800
    assert "(timeline/2021.md#event-00400)" in out
    assert "The timeline is in 3 parts" in out
    assert '<form class="ex-filters"' in out  # the filters work on the overview
    assert "ex-evidence" not in out  # no claims, so no evidence, on the overview


def test_a_part_holds_its_events_in_full_with_their_evidence(big) -> None:
    r = Renderer(big, part_limit=400)
    out = r.timeline_part("2021", PageContext("timeline/2021.md"))
    assert out.startswith("# Timeline: 2021\n")
    assert "[All events](../timeline.md)" in out
    assert "Previous: [2020](2020.md)" in out and "Next: [2022](2022.md)" in out
    assert out.count('<div class="ex-event"') == 365
    assert out.count('class="ex-ref"') == 365 * 3 * 2
    assert "{#event-00400}" in out and "{#event-00000}" not in out


def test_links_to_events_follow_them_to_their_part(big) -> None:
    r = Renderer(big, part_limit=400)
    actor = r.actor("actor-0000", PageContext("actors/actor-0000.md"))
    assert "(../timeline/2020.md#event-00000)" in actor
    sources = r.source_part("2022", PageContext("sources/2022.md"))
    assert "(../timeline/2022.md#claim-event-00799-1)" in sources
    assert '"url":"https://example.org/x/timeline/2021/#event-00400"' in Renderer(
        big, site_url="https://example.org/x/", part_limit=400
    ).event_jsonld(big.event_by_id["event-00400"])


def test_calendar_links_go_to_the_part(big) -> None:
    ics = events_ics(big, "https://example.org/x/")
    assert "URL:https://example.org/x/timeline/2021/#event-00400" in ics.replace("\r\n ", "")


def test_part_pages_are_generated_and_removed_with_the_data(big, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync(plan(big, docs))
    assert sorted(p.name for p in (docs / "timeline").glob("*.md")) == [
        "2020.md",
        "2021.md",
        "2022.md",
    ]
    assert 'timeline_part("2021")' in (docs / "timeline" / "2021.md").read_text()
    assert sorted(p.name for p in (docs / "sources").glob("*.md")) == [
        "2020.md",
        "2021.md",
        "2022.md",
    ]
    assert plan(big, docs) == []
    small = load(ROOT / "data", root=ROOT)
    stale = [c for c in plan(small, docs) if c.path.parent.name in ("timeline", "sources")]
    assert {c.action for c in stale} == {"delete"} and len(stale) == 6


def test_many_sources_are_split_by_publication_date(big) -> None:
    split = source_parts(big)
    assert len(big.sources) == 1600 > SOURCE_PART_LIMIT
    assert [(p.key, len(p.items)) for p in split] == [("2020", 729), ("2021", 730), ("2022", 141)]
    assert all(s.published.year == 2021 for s in split[1].items)


def test_sources_overview_links_each_part_and_a_part_lists_its_sources(big) -> None:
    r = Renderer(big)
    overview = r.sources(PageContext("sources.md"))
    assert '[2021](sources/2021.md) <span class="ex-count">730 sources</span>' in overview
    assert "Cited by" not in overview
    part = r.source_part("2021", PageContext("sources/2021.md"))
    assert part.startswith("# Sources: 2021\n")
    assert "[All sources](../sources.md)" in part
    assert part.count("Cited by 3 claims") == 730
