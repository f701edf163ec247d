"""A check shared among processes finds what one process finds, in the same order."""

from __future__ import annotations

import importlib
import os
import random
import re
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, Project
from explainer import forked, load
from explainer.check import PARALLEL_MIN_CLAIMS, auto_jobs, check
from explainer.rules import RULES_BY_CODE
from fresh import run_fresh

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate

# the module, not the function the package exports under the same name
check_module = importlib.import_module("explainer.check")


# Edits that keep the YAML well formed and break a rule of each scope: (line pattern,
# replacement). Some lines of each kind are edited, chosen by the seed.
MUTATIONS = [
    (r"(\s+quote: .*) hurt ", r"\1 killed "),  # a quote not in its capture
    (r"(\s+- text: \S+ said) \d+ ", r"\1 977 "),  # a number the quotes do not give
    (r"(\s+date:) '2020-(\d\d)-\d\d'", r"\1 '2020-\2-41'"),  # an impossible date
    (r"(\s+date:) '\d{4}-", r"\1 '2019-"),  # an event dated before its sources
    (r"(\s+- source:) \S+", r"\1 src-nowhere"),  # an unknown source
    (r"(\s+- )actor-\d+$", r"\1actor-9999"),  # an unknown actor
    (r"(\s+)title: ", r"\1titel: "),  # an unknown key, and a missing one
    (r"(\s+published:) '\d{4}-", r"\1 '2027-"),  # published after it was accessed
]


def broken(root: Path, seed: int) -> Path:
    """Synthetic data with errors of every rule scope, the YAML still well formed."""
    generate(root, 60)
    rng = random.Random(seed)
    for name in ("events.yaml", "sources.yaml"):
        path = root / "data" / name
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            for pattern, replacement in MUTATIONS:
                if re.match(pattern, line) and rng.random() < 0.04:
                    lines[i] = re.sub(pattern, replacement, line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "data"


# The bodies below run in a fresh interpreter (see fresh.py): forking needs a process
# with one thread, which a pytest session soon is not.


def _matches(tmp: str, seed: int) -> dict[str, object]:
    """The problems of broken data, checked in 1 to 4 processes; and which processes
    ran a share of the check."""
    root = Path(tmp)
    data = broken(root, seed)
    log = root / "pids"
    real = check_module._run_share

    def logged(*args: object) -> object:
        with log.open("a") as out:  # a file, since a child's memory is its own
            out.write(f"{os.getpid()}\n")
        return real(*args)  # type: ignore[arg-type]

    alone = check(load(data, root=root))
    check_module._run_share = logged
    shared = {jobs: check(load(data, root=root), jobs=jobs) for jobs in (2, 3, 4)}
    return {
        "scopes": sorted({RULES_BY_CODE[p.code].scope for p in alone}),
        "same": [shared[jobs] == alone for jobs in (2, 3, 4)],
        "processes": len(set(log.read_text().split())),
        "parent_ran_a_share": str(os.getpid()) in log.read_text().split(),
    }


@pytest.mark.parametrize("seed", range(6))
def test_shared_check_matches_one_process(tmp_path: Path, seed: int) -> None:
    found = run_fresh("test_check_parallel", "_matches", tmp_path, seed)
    assert found["scopes"] == ["cite", "claim", "dataset", "event"], "every scope finds something"
    assert found["same"] == [True, True, True]
    # the parent, then 1, 2 and 3 children: 7 processes
    assert found["processes"] == 7 and found["parent_ran_a_share"]


def _fails_in_children(tmp: str) -> bool:
    root = Path(tmp)
    data = broken(root, 2)
    expected = check(load(data, root=root))
    parent = os.getpid()
    real = check_module._run_share

    def fails(*args: object) -> object:
        if os.getpid() != parent:
            raise RuntimeError("a child that dies")
        return real(*args)  # type: ignore[arg-type]

    check_module._run_share = fails
    return check(load(data, root=root), jobs=3) == expected != []


def test_a_failed_child_share_is_done_here(tmp_path: Path) -> None:
    assert run_fresh("test_check_parallel", "_fails_in_children", tmp_path) is True


def test_the_fixture_checks_the_same_shared(project: Project) -> None:
    project.replace("events.yaml", "2024-01-16", "2024-01-40")
    ds = load(project.data, root=project.root)
    assert check(ds, jobs=2) == check(ds) != []


def test_no_fork_while_another_thread_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = broken(tmp_path, 3)

    def no_fork(*_: object) -> None:
        raise AssertionError("forked with a second thread running")

    monkeypatch.setattr(check_module, "Child", no_fork)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        found = check(load(data, root=tmp_path), jobs=2)
    finally:
        stop.set()
        thread.join()
    assert found == check(load(data, root=tmp_path))


def test_auto_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = load(ROOT / "data", root=ROOT)
    assert sum(1 for _ in small.claims()) < PARALLEL_MIN_CLAIMS
    generate(tmp_path, PARALLEL_MIN_CLAIMS // 3 + 1)
    large = load(tmp_path / "data", root=tmp_path)
    monkeypatch.setattr(check_module, "cpus", lambda: 2)
    assert (auto_jobs(small), auto_jobs(large)) == (1, 2)
    monkeypatch.setattr(check_module, "cpus", lambda: 1)
    assert auto_jobs(large) == 1
