"""When a page last changed: from git history, the same on every clone of a commit."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from explainer import lastchanged


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.org",
         "-c", "commit.gpgsign=false", *args],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return done.stdout


def commit(repo: Path, files: dict[str, str], when: str) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"change {', '.join(files)}", when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project inside a repository (in a subfolder, as it may be), three commits deep."""
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q")
    project = top / "site"
    project.mkdir()
    commit(project, {"docs/index.md": "a", "docs/about.md": "a", "data/events.yaml": "[]",
                     "data/captures/x.txt": "x"}, "2024-01-02T23:30:00+00:00")  # fmt: skip
    commit(project, {"docs/about.md": "b"}, "2024-02-03T12:00:00+00:00")
    # 4 March in UTC, although still 3 March where it was committed
    commit(project, {"data/events.yaml": "[1]"}, "2024-03-03T22:00:00-05:00")
    return project


def test_each_file_is_dated_by_its_newest_commit_in_utc(repo: Path) -> None:
    history = lastchanged.read(repo)
    assert history is not None and not history.shallow
    assert history.changed == {
        "docs/index.md": dt.date(2024, 1, 2),
        "data/captures/x.txt": dt.date(2024, 1, 2),
        "docs/about.md": dt.date(2024, 2, 3),
        "data/events.yaml": dt.date(2024, 3, 4),
    }


def test_a_page_built_from_the_data_changes_when_the_data_does(repo: Path) -> None:
    history = lastchanged.read(repo)
    assert history is not None
    plain = lastchanged.page_sources("index.md", "docs")
    assert plain == ["docs/index.md"]
    assert history.last_changed(plain) == dt.date(2024, 1, 2)
    assert history.data_files("data") == ["data/events.yaml"]  # not its captures
    built = lastchanged.page_sources("index.md", "docs", history.data_files("data"))
    assert history.last_changed(built) == dt.date(2024, 3, 4)
    assert history.last_changed(["docs/never-committed.md"]) is None


def test_a_shallow_clone_dates_older_files_by_its_oldest_commit(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.parent}", str(clone))
    history = lastchanged.read(clone / "site")
    assert history is not None and history.shallow
    # index.md last changed in January, but the clone only knows the March commit
    assert history.changed["docs/index.md"] == dt.date(2024, 3, 4)


def test_without_a_repository_there_is_no_date(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assert lastchanged.read(tmp_path) is None


def test_the_project_itself_has_a_history() -> None:
    history = lastchanged.read(ROOT)
    assert history is not None
    assert "mkdocs.yml" in history.changed and "data/events.yaml" in history.changed
    assert all(not p.startswith("/") for p in history.changed)
