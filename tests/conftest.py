"""Shared fixtures: a small valid dataset written as text, so tests can break one line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from explainer import Problem, check, load
from explainer.focus import from_options, sections
from explainer.model import Dataset, Event

ROOT = Path(__file__).resolve().parent.parent

SOURCES = """\
- id: wire-2024-01-17
  title: Iran strikes targets in Pakistan
  publisher: Example Wire
  published: 2024-01-17
  url: https://example.org/news/iran-strikes
  accessed: 2024-02-01
  kind: wire
- id: paper-2024-01-18
  title: A village mourns
  publisher: Example Paper
  published: 2024-01-18
  url: https://example.com/village
  accessed: 2024-02-01
  kind: news
"""

ACTORS = """\
- id: iran
  name: Iran
  kind: state
  claims:
    - text: Iran shares a long border with Pakistan.
      cite:
        - source: wire-2024-01-17
          quote: "Iran and Pakistan share a long border"
- id: pakistan
  name: Pakistan
  kind: state
  aliases: [Islamabad]
  claims: []
"""

EVENTS = """\
- id: iran-strike
  date: 2024-01-16
  title: Iran strikes targets in Pakistan
  actors: [iran, pakistan]
  claims:
    - text: Iran struck targets in Pakistan, state media reported.
      cite:
        - source: wire-2024-01-17
          quote: Iran launched attacks on Tuesday in Pakistan
    - text: Pakistan said two children were killed.
      cite:
        - source: wire-2024-01-17
          quote: Pakistan said two children were killed
        - source: paper-2024-01-18
          quote: killed two children
"""

CAPTURES = {
    "wire-2024-01-17": (
        "Iran launched attacks on Tuesday in Pakistan, state media reported. "
        "Pakistan said two children were killed and three girls were injured.\n"
        "[…]\n"
        "Iran and Pakistan share a long border of about 900 kilometres.\n"
    ),
    "paper-2024-01-18": "The strike on January 16 killed two children, residents said.\n",
}


@dataclass
class Project:
    """A temporary project root with a data/ directory."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    def write(self, name: str, text: str) -> Path:
        path = self.data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, name: str, needle: str, occurrence: int = 1) -> int:
        """1-based line of the n-th line containing needle."""
        lines = (self.data / name).read_text(encoding="utf-8").splitlines()
        hits = [i for i, line in enumerate(lines, 1) if needle in line]
        assert len(hits) >= occurrence, f"{needle!r} not found {occurrence} time(s) in {name}"
        return hits[occurrence - 1]

    def problems(self) -> list[Problem]:
        return check(load(self.data, root=self.root))

    def codes(self) -> list[str]:
        return [p.code for p in self.problems()]

    def only(self, code: str) -> list[Problem]:
        return [p for p in self.problems() if p.code == code]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project(tmp_path)
    p.write("sources.yaml", SOURCES)
    p.write("actors.yaml", ACTORS)
    p.write("events.yaml", EVENTS)
    for sid, text in CAPTURES.items():
        p.write(f"captures/{sid}.txt", text)
    return p


@pytest.fixture
def assert_problem() -> Callable[..., Problem]:
    """Assert that exactly the expected code is reported on the expected line."""

    def _assert(project: Project, code: str, file: str, line: int) -> Problem:
        problems = project.problems()
        hits = [p for p in problems if p.code == code]
        assert hits, f"expected {code}, got {[str(p) for p in problems]}"
        assert any(p.loc.line == line and p.loc.path == f"data/{file}" for p in hits), (
            f"expected {code} at data/{file}:{line}, got {[str(p) for p in hits]}"
        )
        return next(p for p in hits if p.loc.line == line)

    return _assert


MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A strict MkDocs build of a project directory into site."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(site)],
        capture_output=True, text=True, env=BUILD_ENV, check=False, cwd=project,
    )  # fmt: skip


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def timeline_order(dataset: Dataset) -> list[Event]:
    """The events in the order the site's timeline shows them: its focus (from mkdocs.yml)
    first, or date order when it names none."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    focus = from_options((config.get("extra") or {}).get("explainer") or {})
    if focus is None:
        return dataset.events_in_order()
    return [e for s in sections(dataset.events_in_order(), focus) for e in s.events]


def site_path() -> str:
    """The path the site is published under (from site_url), e.g. /explainer/."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    url = config.get("site_url", "/")
    if isinstance(url, list):  # !ENV [NAME, default], resolved as MkDocs does
        url = os.environ.get(url[0]) or url[-1]
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"
