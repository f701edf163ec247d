"""The bridge to mkdocs-macros, driven the way mkdocs-macros drives it, without a build."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from conftest import ROOT, Project
from explainer import load, macros
from explainer.render import PageContext, Renderer


class Env:
    """What define_env and the macros read of mkdocs-macros' plugin object."""

    def __init__(self, root: Path) -> None:
        self.conf: dict[str, Any] = {
            "config_file_path": str(root / "mkdocs.yml"),
            "site_url": "https://example.org/explainer/",
            "site_name": "Example",
            "extra": {"explainer": {"data": "data"}},
        }
        self.page: Any = None
        self.macros: dict[str, Any] = {}

    def macro(self, fn: Any) -> Any:
        self.macros[fn.__name__] = fn
        return fn

    def on(self, path: str) -> Env:
        """Be on the page whose source is docs/<path>."""
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=path), meta={})
        return self


def flagship(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def test_generated_pages_are_what_their_macro_renders(tmp_path: Path) -> None:
    root = flagship(tmp_path)
    env = Env(root)
    macros.define_env(env)
    fresh = Renderer(load(root / "data", root=root), env.conf["site_url"], env.conf["site_name"])
    for actor in ("iran", "pakistan", "jaish-al-adl"):
        path = f"actors/{actor}.md"
        expected = fresh.actor(actor, PageContext(path))
        assert env.on(path).macros["actor_page"](actor) == expected
        assert env.page.meta["title"]  # the page still gets its title


def test_a_page_that_calls_another_macro_first_is_rendered_in_turn(tmp_path: Path) -> None:
    root = flagship(tmp_path)
    env = Env(root)
    macros.define_env(env)
    path = "actors/iran.md"
    page = PageContext(path)
    fresh = Renderer(load(root / "data", root=root), env.conf["site_url"], env.conf["site_name"])
    first = fresh.timeline(page)  # numbers the page's evidence from 1 ...
    then = fresh.actor("iran", page)  # ... so the actor's evidence continues after it
    env.on(path)
    assert env.macros["timeline"]() == first
    assert env.macros["actor_page"]("iran") == then


@pytest.mark.parametrize(
    ("bad_data", "raised", "message"),
    [
        # the data is at fault: its errors are reported, not the renderer's exception
        (True, macros.DataError, r"data/events.yaml:\d+:\d+: E031 unknown actor"),
        # the data is fine: the renderer's own fault is not hidden
        (False, KeyError, "renderer"),
    ],
)
def test_when_rendering_breaks_the_verdict_decides_what_is_reported(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    bad_data: bool,
    raised: type[Exception],
    message: str,
) -> None:
    def breaks(self: Renderer) -> None:
        raise KeyError("renderer")

    monkeypatch.setattr(Renderer, "generated", breaks)
    if bad_data:
        project.replace("events.yaml", "[iran, pakistan]", "[nobody-known, pakistan]")
    with pytest.raises(raised, match=message):
        macros.define_env(Env(project.root))


def test_a_bad_focus_stops_the_build_with_a_message_not_a_traceback(project: Project) -> None:
    env = Env(project.root)
    env.conf["extra"]["explainer"]["focus"] = {"start": "2024-01-29", "end": "2024-01-16"}
    with pytest.raises(macros.ConfigError, match=r"extra\.explainer\.focus: end .* swap them"):
        macros.define_env(env)


def test_the_focus_reaches_the_timeline(project: Project) -> None:
    env = Env(project.root)
    env.conf["extra"]["explainer"]["focus"] = {"start": "2024-01-16", "end": "2024-01-16"}
    macros.define_env(env)
    out = env.on("timeline.md").macros["timeline"]()
    assert out.index("## The story: 16 January 2024 {#focus}") < out.index("{#2024-01-16}")


@pytest.mark.parametrize("custom_dir", [None, "overrides"])
def test_the_packages_override_sits_under_the_sites_own(custom_dir: str | None) -> None:
    own = ["/site/overrides"] if custom_dir else []
    theme = SimpleNamespace(custom_dir=custom_dir, dirs=[*own, "/material", "/mkdocs"])
    conf = {"theme": theme, "watch": ["data"]}
    macros._use_theme(conf)
    macros._use_theme(conf)  # `mkdocs serve` configures again: added once
    assert theme.dirs == [*own, str(macros.OVERRIDES), "/material", "/mkdocs"]
    assert conf["watch"] == ["data", str(macros.THEME)]
    assert (macros.OVERRIDES / "main.html").is_file()


def test_the_packages_assets_are_written_unless_the_site_brings_its_own(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "explainer.css").write_text("/* the site's own */", encoding="utf-8")
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "explainer.css").write_text("/* the site's own */", encoding="utf-8")
    macros._copy_assets(site, docs)
    shipped = macros.ASSETS / "explainer.js"
    assert (site / "assets" / "explainer.js").read_bytes() == shipped.read_bytes()
    assert (site / "assets" / "explainer.css").read_text(encoding="utf-8") == "/* the site's own */"
