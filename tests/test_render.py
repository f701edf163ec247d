"""Rendering: fixture data in, expected Markdown out (snapshots in tests/snapshots/).

Run with UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended change, then
review the diff.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, Project
from explainer import load
from explainer.render import PageContext, Renderer, link

SNAPSHOTS = Path(__file__).parent / "snapshots"


def snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no snapshot {name}; run with UPDATE_SNAPSHOTS=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; see UPDATE_SNAPSHOTS"


@pytest.fixture
def renderer(project: Project) -> Renderer:
    project.replace(
        "events.yaml",
        "  actors: [iran, pakistan]",
        "  actors: [iran, pakistan]\n  place: {name: Panjgur, lat: 26.96, lon: 64.09}",
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: killed two children\n      contested: true",
    )
    return Renderer(load(project.data, root=project.root))


def test_timeline_snapshot(renderer: Renderer) -> None:
    snapshot("timeline.md", renderer.timeline(PageContext("timeline.md")))


def test_actor_page_snapshot(renderer: Renderer) -> None:
    snapshot("actor-iran.md", renderer.actor("iran", PageContext("actors/iran.md")))


def test_actor_index_snapshot(renderer: Renderer) -> None:
    snapshot("actor-index.md", renderer.actor_index(PageContext("actors/index.md")))


def test_sources_snapshot(renderer: Renderer) -> None:
    snapshot("sources.md", renderer.sources(PageContext("sources.md")))


def test_first_mention_only_is_linked(renderer: Renderer) -> None:
    out = renderer.timeline(PageContext("timeline.md"))
    assert out.count("[Iran](actors/iran.md)") == 2  # one in a claim, one in the actor list
    assert out.count("[Pakistan](actors/pakistan.md)") == 2


def test_contested_claim_gets_a_badge(renderer: Renderer) -> None:
    out = renderer.timeline(PageContext("timeline.md"))
    assert out.count("sources differ") == 2  # the event meta line and the claim


@pytest.mark.parametrize(
    ("src", "dst", "expected"),
    [
        ("timeline.md", "actors/iran.md", "actors/iran.md"),
        ("actors/iran.md", "actors/pakistan.md", "pakistan.md"),
        ("actors/iran.md", "timeline.md", "../timeline.md"),
    ],
)
def test_relative_links(src: str, dst: str, expected: str) -> None:
    assert link(src, dst) == expected


def test_mentions_list_each_record_once() -> None:
    ds = load(ROOT / "data", root=ROOT)
    r = Renderer(ds)
    checked = 0
    for actor in ds.actors:
        page = r.actor(actor.id, PageContext(f"actors/{actor.id}.md"))
        if "## Mentioned in" not in page:
            continue
        section = page.split("## Mentioned in", 1)[1].split("\n\n", 2)[1]
        items = [line for line in section.splitlines() if line.startswith("- ")]
        titles = [line.split("](", 1)[0] for line in items]
        assert len(titles) == len(set(titles)), actor.id
        checked += 1
    assert checked > 10


def test_archive_link_says_archived_only_for_a_recorded_snapshot() -> None:
    import datetime as dt

    from explainer.model import Source
    from explainer.problems import Loc
    from explainer.render import archive_link

    src = Source(
        "s", "T", "P", dt.date(2024, 1, 17), 'https://e.org/a?b=1&c="x"', dt.date(2024, 2, 1),
        "news", Loc("data/sources.yaml"),
    )  # fmt: skip
    unchecked = archive_link(src)
    assert ">Search the archive</a>" in unchecked and "Archived copy" not in unchecked
    search = "https://web.archive.org/web/*/https://e.org/a?b=1&amp;c=&quot;x&quot;"
    assert f'href="{search}"' in unchecked
    snap = "https://web.archive.org/web/20240117093012/https://e.org/a"
    recorded = archive_link(replace(src, archived=snap))
    assert recorded == (
        f'<a class="ex-archive" href="{snap}" rel="noopener noreferrer">'
        "Archived copy, 17 January 2024</a>"
    )
    other = archive_link(replace(src, archived="https://archive.ph/abc12"))
    assert ">Archived copy</a>" in other  # another archive: no date it could vouch for
