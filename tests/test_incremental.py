"""Invalidation between two builds in one process: which built files go, which search
entries stay, when the config forces a full rebuild, and when copies of one story are
taken over from the last build."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT
from explainer import load
from explainer.incremental import (
    Served,
    config_signature,
    forget,
    merge_search,
    reuse_passages,
)
from explainer.render import Renderer

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate


def built_site(site: Path) -> None:
    for rel in ("index.html", "timeline/index.html", "actors/index.html", "actors/a/index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("<html></html>")
    (site / "assets").mkdir()
    (site / "assets" / "x.css").write_text("")


def test_forget_removes_the_built_files_of_the_given_pages(tmp_path: Path) -> None:
    built_site(tmp_path)
    assert forget(tmp_path, {"timeline.md", "actors/a.md", "actors/gone.md"}) == 2
    assert not (tmp_path / "timeline" / "index.html").exists()
    assert not (tmp_path / "actors" / "a" / "index.html").exists()
    assert (tmp_path / "index.html").exists()
    assert (tmp_path / "actors" / "index.html").exists()


def test_forget_every_page_removes_all_html_and_nothing_else(tmp_path: Path) -> None:
    built_site(tmp_path)
    assert forget(tmp_path, None) == 4
    assert list(tmp_path.rglob("*.html")) == []
    assert (tmp_path / "assets" / "x.css").exists()
    assert forget(tmp_path / "missing", None) == 0


def test_search_keeps_pages_not_rebuilt_and_drops_pages_gone() -> None:
    previous = [
        {"location": "", "title": "Home"},
        {"location": "timeline/", "title": "Timeline"},
        {"location": "timeline/#2024", "title": "2024"},
        {"location": "timeline/2024/", "title": "Timeline: 2024"},
        {"location": "actors/gone/", "title": "Gone"},
    ]
    current = [{"location": "timeline/", "title": "Timeline (new)"}]
    pages = ["index.md", "timeline.md", "timeline/2024.md"]
    merged = merge_search(previous, current, pages)
    assert [e["title"] for e in merged] == ["Home", "Timeline: 2024", "Timeline (new)"]


def test_a_full_build_keeps_nothing_of_the_previous_index() -> None:
    previous = [{"location": "", "title": "Old home"}]
    current = [{"location": "", "title": "Home"}, {"location": "a/", "title": "A"}]
    assert merge_search(previous, current, ["index.md", "a.md"]) == current


def test_config_signature_follows_config_and_theme_files(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A\n")
    theme = tmp_path / "overrides"
    theme.mkdir()
    (theme / "main.html").write_text("x")
    before = config_signature([config, theme])
    assert config_signature([config, theme]) == before
    (theme / "main.html").write_text("xy")
    after = config_signature([config, theme])
    assert after != before
    config.write_text("site_name: B, longer\n")
    assert config_signature([config, theme]) != after


def test_a_config_change_rebuilds_every_page(tmp_path: Path) -> None:
    generate(tmp_path, 10)
    ds = load(tmp_path / "data", root=tmp_path)
    served = Served(tmp_path / "site", "config-1", {}, renderer=Renderer(ds))
    same = served.compare(Renderer(ds), tmp_path / "docs", "config-1")
    assert same.pages == set()
    other = served.compare(Renderer(ds), tmp_path / "docs", "config-2")
    assert other.pages is None
    assert other.prints is not None and same.prints is not None
    assert other.prints.keys() == same.prints.keys()


def test_copies_of_one_story_are_reused_only_while_captures_and_sources_stand(
    tmp_path: Path,
) -> None:
    generate(tmp_path, 10)
    data = tmp_path / "data"
    first = load(data, root=tmp_path)
    passages = first.shared_passages
    again = load(data, root=tmp_path)
    reuse_passages(again, first)
    assert again.__dict__["shared_passages"] is passages

    capture = next((data / "captures").iterdir())
    capture.write_text(capture.read_text() + "One more sentence of this report.\n")
    changed = load(data, root=tmp_path)
    reuse_passages(changed, first)
    assert "shared_passages" not in changed.__dict__

    sources = data / "sources.yaml"
    sources.write_text(sources.read_text().replace("Publisher 3\n", "Publisher 33\n", 1))
    republished = load(data, root=tmp_path)
    reuse_passages(republished, changed)  # changed never found its copies: nothing to take
    assert "shared_passages" not in republished.__dict__
    fresh = load(data, root=tmp_path)
    fresh.shared_passages  # noqa: B018 - found, and cached on the dataset
    reuse_passages(republished, fresh)
    assert republished.__dict__["shared_passages"] is fresh.__dict__["shared_passages"]
    edited = load(data, root=tmp_path)
    edited.shared_passages  # noqa: B018
    sources.write_text(sources.read_text().replace("Publisher 33\n", "Publisher 34\n", 1))
    moved = load(data, root=tmp_path)
    reuse_passages(moved, edited)
    assert "shared_passages" not in moved.__dict__
