"""Page fingerprints: after a data change, every page whose rendering changes is among
the pages whose fingerprint changed (so a rebuild of those alone is never stale), and
a change shows up only on the pages that show it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from explainer import load
from explainer.deps import Fingerprints, changed, handwritten_pages, macro_calls, site_file
from explainer.deps import site_url as page_site_url
from explainer.render import PageContext, Renderer

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate

# What the site's hand-written pages call, rendered the way the macros module does.
HANDWRITTEN = {
    "timeline.md": ("timeline",),
    "sources.md": ("source_list",),
    "actors/index.md": ("actor_index",),
    "background.md": ("topics",),
    "fact-check.md": ("factchecks",),
    "methodology.md": ("rule_table",),
    "data.md": (),
}
LIMITS = {"part_limit": 10, "source_part_limit": 30}


def renderer(data: Path) -> Renderer:
    return Renderer(load(data, root=data.parent), **LIMITS)


def rendered(r: Renderer) -> dict[str, str]:
    """Every page's text, as a full build renders it."""
    out = {path: text for (path, _, _), (text, _) in r.generated().items()}
    calls: dict[str, Callable[[PageContext], str]] = {
        "timeline": r.timeline,
        "source_list": r.sources,
        "actor_index": r.actor_index,
        "topics": r.topics,
        "factchecks": r.factchecks,
    }
    for path, macros in HANDWRITTEN.items():
        page = PageContext(path)
        out[path] = "".join(calls[m](page) for m in macros if m in calls)
    return out


def prints(r: Renderer) -> dict[str, str]:
    return Fingerprints(r).pages(HANDWRITTEN)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def compare(data: Path, change: Callable[[], None]) -> tuple[set[str], set[str]]:
    """(pages whose text changed, pages whose fingerprint changed) across the change."""
    before = renderer(data)
    text_before, prints_before = rendered(before), prints(before)
    change()
    after = renderer(data)
    text_after, prints_after = rendered(after), prints(after)
    differ = {
        p for p in text_before.keys() | text_after.keys() if text_before.get(p) != text_after.get(p)
    }
    return differ, changed(prints_before, prints_after)


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    generate(tmp_path, 40)
    return tmp_path / "data"


@pytest.fixture
def flagship(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_a_claim_edit_changes_only_the_pages_that_show_the_claim(synthetic: Path) -> None:
    events = synthetic / "events.yaml"
    differ, stale = compare(
        synthetic, lambda: edit(events, "Actor0030 said", "Actor0030 told reporters")
    )
    assert differ <= stale
    # the event's timeline part, and the sources page listing the claims citing its sources
    assert any(p.startswith("timeline/") for p in differ)
    assert any(p.startswith("sources") for p in stale)
    # a handful of pages, not the site
    assert len(stale) <= 4, stale
    assert "actors/actor-0001.md" not in stale


def test_an_actor_rename_reaches_every_page_that_names_it(synthetic: Path) -> None:
    actors = synthetic / "actors.yaml"
    differ, stale = compare(synthetic, lambda: edit(actors, "name: Actor0003", "name: Zeta Front"))
    assert differ <= stale
    assert {"actors/actor-0003.md", "actors/index.md", "timeline.md"} <= differ


def test_a_publisher_change_reaches_every_citation_of_the_source(synthetic: Path) -> None:
    sources = synthetic / "sources.yaml"
    differ, stale = compare(
        synthetic,
        lambda: edit(sources, "publisher: Publisher 7\n", "publisher: Renamed Post\n", -1),
    )
    assert differ <= stale
    # Publisher 7 published the sources of events 6 and 7 (January), and the source
    # list shows publishers
    assert "timeline/2020-01.md" in differ
    assert any(p.startswith("sources") for p in differ)


def test_moving_an_event_to_another_part_rebuilds_the_pages_linking_to_it(synthetic: Path) -> None:
    events = synthetic / "events.yaml"
    differ, stale = compare(
        synthetic, lambda: edit(events, "date: '2020-01-03'", "date: '2020-02-27'")
    )
    assert differ <= stale
    assert len(differ) > 2


def test_a_line_added_above_the_records_changes_no_page(synthetic: Path) -> None:
    """Positions are not content: a comment at the top moves every record down a line."""
    events = synthetic / "events.yaml"
    differ, stale = compare(
        synthetic,
        lambda: events.write_text("# a comment\n" + events.read_text(encoding="utf-8")),
    )
    assert differ == stale == set()


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("actors.yaml", "name: Iran\n", "name: Islamic Republic of Iran\n"),
        ("sources.yaml", "publisher: Reuters\n", "publisher: Reuters News\n"),
        ("sources.yaml", "publisher: Dawn\n", "publisher: Dawn News\n"),
        ("actors.yaml", "name: Jaish al-Adl\n", "name: Jaish ul-Adl\n"),
    ],
)
def test_flagship_changes_are_all_covered(flagship: Path, file: str, old: str, new: str) -> None:
    differ, stale = compare(flagship, lambda: edit(flagship / file, old, new))
    assert differ, "the change shows on some page"
    assert differ <= stale


def test_flagship_topic_and_fact_check_edits_are_covered(flagship: Path) -> None:
    def change() -> None:
        for name in ("topics.yaml", "factchecks.yaml"):
            edit(flagship / name, "- text: ", "- text: In short, ")

    differ, stale = compare(flagship, change)
    assert {"background.md", "fact-check.md"} <= differ <= stale


def test_stats_follow_the_counts(synthetic: Path) -> None:
    before = Fingerprints(renderer(synthetic)).macro("stats")
    edit(synthetic / "sources.yaml", "publisher: Publisher 7\n", "publisher: Publisher 99\n", 1)
    assert Fingerprints(renderer(synthetic)).macro("stats") != before


def test_an_unknown_macro_depends_on_everything(synthetic: Path) -> None:
    before = Fingerprints(renderer(synthetic)).pages({"x.md": ("something_new",)})
    edit(synthetic / "events.yaml", "Actor0030 said", "Actor0030 told reporters")
    after = Fingerprints(renderer(synthetic)).pages({"x.md": ("something_new",)})
    assert before["x.md"] != after["x.md"]


def test_macro_calls_are_read_from_page_sources(tmp_path: Path) -> None:
    assert macro_calls('# Home\n\n{{ stats() }} and {{timeline_part("2020")}} {{ stats() }}') == (
        "stats",
        "timeline_part",
    )
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "iran.md").write_text('{{ actor_page("iran") }}')
    (tmp_path / "actors" / "index.md").write_text("{{ actor_index() }}")
    (tmp_path / "index.md").write_text("{{ config.site_name }} {{ stats() }}")
    assert handwritten_pages(tmp_path) == {
        "actors/index.md": ("actor_index",),
        "index.md": ("stats",),
    }


@pytest.mark.parametrize(
    ("src", "file", "url"),
    [
        ("index.md", "index.html", ""),
        ("timeline.md", "timeline/index.html", "timeline/"),
        ("actors/index.md", "actors/index.html", "actors/"),
        ("timeline/2020-01.md", "timeline/2020-01/index.html", "timeline/2020-01/"),
    ],
)
def test_where_a_page_is_built(src: str, file: str, url: str) -> None:
    assert site_file(src) == file
    assert page_site_url(src) == url
