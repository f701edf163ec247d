"""What a rehearsal does in place of each `uses:` action. It cannot run actions (they
are JavaScript or containers fetched from GitHub), so each one it knows has a stand-in
that checks what can be checked here; any other action fails the rehearsal until it is
added to this table.

- `actions/checkout`: the fresh clone; the workspace gets the rehearsed commit.
- `actions/setup-python`: this machine's `python3`, whose version must start with
  `python-version`.
- `actions/upload-artifact`: `path` must exist and hold files (`if-no-files-found`
  honoured); the files are kept for later jobs of the rehearsal.
- `actions/upload-pages-artifact`: `path` must exist and hold files; kept as the
  `github-pages` artifact.
- `actions/download-artifact`: copies an artifact an earlier job of the rehearsal uploaded.
- `actions/deploy-pages`: skipped and reported; a rehearsal never publishes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class StepFailed(Exception):
    """A stand-in found what GitHub's action would fail on."""


@dataclass
class Outcome:
    note: str  # what the stand-in did, for the report
    skipped: bool = False  # stood in without checking anything (deploy)


@dataclass
class ActionContext:
    workspace: Path
    artifacts: Path  # uploads of this rehearsal, one folder per artifact name
    commit: str
    source: Path  # the repository the clone is made from
    env: Mapping[str, str]  # the step's environment (PATH for python3)
    python: Callable[[Mapping[str, str]], str]  # version of python3 on the step's PATH


def _files(path: Path) -> int:
    if path.is_file():
        return 1
    return sum(1 for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _path(ctx: ActionContext, given: Any, action: str) -> Path:
    if not given:
        raise StepFailed(f"{action}: `with: path` is required")
    lines = [line.strip() for line in str(given).splitlines() if line.strip()]
    if len(lines) != 1 or any(c in lines[0] for c in "*?!"):
        raise StepFailed(f"{action}: a rehearsal checks one plain path, not {given!r}")
    return ctx.workspace / lines[0]


def checkout(ctx: ActionContext, with_: Mapping[str, Any]) -> Outcome:
    unsupported = set(with_) - {"persist-credentials", "fetch-depth"}
    if unsupported:
        raise StepFailed(f"actions/checkout: a rehearsal cannot stand in for {sorted(unsupported)}")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=ctx.workspace, check=True, capture_output=True)

    try:
        git("init", "--quiet", ".")
        git("fetch", "--quiet", "--depth=1", str(ctx.source), ctx.commit)
        git("checkout", "--quiet", "--detach", "FETCH_HEAD")
    except subprocess.CalledProcessError as e:
        raise StepFailed(
            f"actions/checkout: git {e.cmd[1]} failed: {e.stderr.decode().strip()}"
        ) from e
    return Outcome(f"cloned {ctx.commit[:12]} into the workspace")


def setup_python(ctx: ActionContext, with_: Mapping[str, Any]) -> Outcome:
    wanted = str(with_.get("python-version", "")).strip()
    if not wanted:
        raise StepFailed("actions/setup-python: a rehearsal needs an explicit `python-version`")
    have = ctx.python(ctx.env)
    if have != wanted and not have.startswith(wanted + "."):
        raise StepFailed(
            f"actions/setup-python: the workflow asks for Python {wanted}, this machine's "
            f"python3 is {have}; rehearse where python3 is {wanted}"
        )
    return Outcome(f"python3 here is {have}")


def upload(ctx: ActionContext, with_: Mapping[str, Any], *, pages: bool = False) -> Outcome:
    action = "actions/upload-pages-artifact" if pages else "actions/upload-artifact"
    path = _path(ctx, with_.get("path", "_site/" if pages else None), action)
    name = "github-pages" if pages else str(with_.get("name") or "artifact")
    count = _files(path)
    if count == 0:
        rule = "error" if pages else str(with_.get("if-no-files-found", "warn"))
        problem = (
            f"{path.relative_to(ctx.workspace)} {'is empty' if path.exists() else 'does not exist'}"
        )
        if rule == "error":
            raise StepFailed(f"{action}: {problem}; nothing to upload")
        return Outcome(f"{problem}; nothing uploaded (if-no-files-found: {rule})")
    target = ctx.artifacts / name
    if target.exists():
        raise StepFailed(f"{action}: an artifact named {name!r} was already uploaded in this run")
    if path.is_dir():
        shutil.copytree(path, target)
    else:
        target.mkdir(parents=True)
        shutil.copy2(path, target / path.name)
    return Outcome(f"{count} file(s) from {path.relative_to(ctx.workspace)} kept as {name!r}")


def download(ctx: ActionContext, with_: Mapping[str, Any]) -> Outcome:
    name = str(with_.get("name") or "")
    source = ctx.artifacts / name
    if not name or not source.is_dir():
        raise StepFailed(f"actions/download-artifact: no artifact named {name!r} in this run")
    target = ctx.workspace / str(with_.get("path") or ".")
    shutil.copytree(source, target, dirs_exist_ok=True)
    return Outcome(f"artifact {name!r} copied to {target.relative_to(ctx.workspace)}")


def deploy_pages(ctx: ActionContext, with_: Mapping[str, Any]) -> Outcome:
    return Outcome("not run: a rehearsal never publishes to GitHub Pages", skipped=True)


STAND_INS: dict[str, Callable[[ActionContext, Mapping[str, Any]], Outcome]] = {
    "actions/checkout": checkout,
    "actions/setup-python": setup_python,
    "actions/upload-artifact": upload,
    "actions/upload-pages-artifact": lambda ctx, w: upload(ctx, w, pages=True),
    "actions/download-artifact": download,
    "actions/deploy-pages": deploy_pages,
}


def stand_in(uses: str) -> Callable[[ActionContext, Mapping[str, Any]], Outcome] | None:
    """The stand-in for `owner/name@ref`, or None when the rehearsal has none."""
    return STAND_INS.get(uses.split("@", 1)[0])
