"""Positions in data files and the problems reported against them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")


class Loc(NamedTuple):
    """A 1-based line and column in a file, the path relative to the project root.

    A named tuple, not a dataclass: the loader makes one per YAML value.
    """

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    loc: Loc
    code: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def text(self) -> str:
        """The message on one line: values quoted from data may hold line breaks."""
        return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode(), self.message)

    def __str__(self) -> str:
        return f"{self.loc}: {self.code} {self.text}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.loc.path, self.loc.line, self.loc.col, self.code)
