"""Work in a forked child: the answer comes back, or is computed here when it cannot."""

from __future__ import annotations

import os
import threading

import pytest

from explainer import forked
from fresh import run_fresh

# Forking bodies run in a fresh interpreter (see fresh.py): a pytest session soon has
# more than one thread, and then nothing forks.


def _child_pid() -> list[int]:
    return [os.getpid(), forked.Child(os.getpid).result()]


def test_child_answers_from_another_process() -> None:
    parent, child = run_fresh("test_forked", "_child_pid")
    assert child != parent


def _answer_here_if_the_child_fails() -> str:
    parent = os.getpid()

    def answer() -> str:
        if os.getpid() != parent:
            raise ValueError("only in the child")
        return "here"

    return forked.Child(answer).result()


def test_child_that_fails_is_answered_here() -> None:
    assert run_fresh("test_forked", "_answer_here_if_the_child_fails") == "here"


def _answer_here_if_the_child_says_nothing() -> int:
    parent = os.getpid()

    def answer() -> int:
        if os.getpid() != parent:
            os._exit(0)  # a clean exit, but nothing written
        return 7

    return forked.Child(answer).result()


def test_child_that_exits_without_answer_is_answered_here() -> None:
    assert run_fresh("test_forked", "_answer_here_if_the_child_says_nothing") == 7


def _beside_on_two_cores() -> list[object]:
    forked.cpus = lambda: 2
    pending = forked.beside(os.getpid)
    return [type(pending).__name__, pending.result() != os.getpid()]


def test_beside_forks_when_it_can() -> None:
    assert run_fresh("test_forked", "_beside_on_two_cores") == ["Child", True]


def test_beside_works_here_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "cpus", lambda: 1)
    pending = forked.beside(os.getpid)
    assert isinstance(pending, forked.Done)
    assert pending.result() == os.getpid()


def test_beside_works_here_beside_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "cpus", lambda: 2)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pending = forked.beside(os.getpid)
    finally:
        stop.set()
        thread.join()
    assert isinstance(pending, forked.Done)
    assert pending.result() == os.getpid()
