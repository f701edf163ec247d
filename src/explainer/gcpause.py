"""Pausing Python's cyclic garbage collector around allocation-heavy work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Loading and checking make hundreds of thousands of small acyclic objects; the
    cyclic collector would rescan the growing heap over and over (super-linear time).
    Reference counting still frees everything; only cycle detection waits."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
