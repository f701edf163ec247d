"""Work done in forked child processes, on another core, with the answer sent back.

A forked child starts with the parent's memory as it is, so a loaded dataset is not
copied, pickled or parsed again: only the (usually empty) answer crosses the pipe.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def cpus() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is only safe from a process with one thread: a lock held by another
    thread (a logger's, say, under `mkdocs serve`) would stay locked in the child."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Child(Generic[T]):
    """fn() running in a forked child. result() waits for it; if the child failed for
    any reason, result() calls fn() here instead, so an answer is never skipped."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: answer, then leave without running any cleanup
            status = 1
            try:
                os.close(read)
                data = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._read = read

    def result(self) -> T:
        with os.fdopen(self._read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            try:
                return pickle.loads(data)  # our own child's answer, over our own pipe
            except (pickle.UnpicklingError, EOFError, ValueError):
                pass
        return self._fn()


class Done(Generic[T]):
    """An answer already computed, with the same result() as a Child's."""

    def __init__(self, value: T) -> None:
        self._value = value

    def result(self) -> T:
        return self._value


def beside(fn: Callable[[], T]) -> Child[T] | Done[T]:
    """fn() in a child on another core when there is one and forking is safe; otherwise
    here and now."""
    if cpus() > 1 and can_fork():
        return Child(fn)
    return Done(fn())
