"""When each page's content last changed, from the project's git history.

The rule: a page last changed on the date of the newest commit that touched its source
(docs/<page>.md) or, for a page that calls a macro, any of the data files the macros read
(the YAML files directly in data/; captures are evidence, not page content). The date is
the commit's (committer) date in UTC, so every clone of the same commit says the same,
whatever the files' times on disk. Uncommitted edits do not count until they are committed.

A shallow clone (CI checks out one commit unless told otherwise) knows only its newest
commits: a file untouched by them is dated by the oldest commit it has, the latest date
its last change can have. Without git, or outside a repository, there is no date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_COMMIT = "\x01"


@dataclass(frozen=True)
class History:
    """Path (relative to the project root) -> the date of the newest commit touching it."""

    changed: dict[str, dt.date]
    shallow: bool = False

    def last_changed(self, paths: Iterable[str]) -> dt.date | None:
        dates = [self.changed[p] for p in paths if p in self.changed]
        return max(dates, default=None)

    def data_files(self, data_dir: str) -> list[str]:
        """The committed YAML files directly in the data folder."""
        prefix = data_dir.rstrip("/") + "/"
        return sorted(
            p
            for p in self.changed
            if p.startswith(prefix) and "/" not in p[len(prefix) :] and p.endswith(".yaml")
        )


def read(root: Path) -> History | None:
    """The history of every file under root, in one pass over git log; None without git."""
    log = _git(root, "log", "--root", "--no-renames", "--relative", "--name-only",
               f"--format={_COMMIT}%ct", "--", ".")  # fmt: skip
    if log is None:
        return None
    changed: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            stamp = int(line[1:])
            day = dt.datetime.fromtimestamp(stamp, dt.UTC).date()
        elif line and day is not None:
            changed.setdefault(line, day)  # newest first: the first seen is the latest
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    return History(changed, shallow=(shallow or "").strip() == "true")


def page_sources(page_src: str, docs_dir: str, data_files: Iterable[str] = ()) -> list[str]:
    """The files a page is made from, relative to the project root: its source and, if it
    calls a macro, the data files."""
    return [f"{docs_dir}/{page_src}", *data_files]


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
