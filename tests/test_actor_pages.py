"""docs/actors/ is generated from actors.yaml and must not drift."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, Project
from explainer import load
from explainer.actorpages import page_source, plan, sync


def test_committed_actor_pages_match_the_data() -> None:
    changes = plan(load(ROOT / "data", root=ROOT), ROOT / "docs")
    assert not changes, [f"{c.action} {c.path}" for c in changes]


def test_plan_creates_updates_and_deletes(project: Project, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    (docs / "actors" / "index.md").write_text("index")
    (docs / "actors" / "iran.md").write_text("stale")
    (docs / "actors" / "gone.md").write_text("old")
    ds = load(project.data, root=project.root)
    actions = {c.path.name: c.action for c in plan(ds, docs)}
    assert actions == {"iran.md": "update", "pakistan.md": "create", "gone.md": "delete"}
    sync(plan(ds, docs))
    assert plan(ds, docs) == []
    assert (docs / "actors" / "pakistan.md").read_text() == page_source("pakistan")
    assert (docs / "actors" / "index.md").read_text() == "index"


def test_page_source_holds_only_the_id() -> None:
    assert page_source("iran").endswith('{{ actor_page("iran") }}\n')
