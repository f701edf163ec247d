"""The words the captures use, to tell a word cut short from a whole one.

No dictionary ships with the checker: the captures themselves are the vocabulary. A
passage's last word is taken as cut when it appears nowhere else in the captures as a
word but does begin a longer word there ("gover" of "government"); its first word, when
it ends a longer word ("ence" of "evidence").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cached_property


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one string: long word lists stay readable."""
    return frozenset(text.split())


_LETTERS = re.compile(r"[^\W\d_]+")
_FIRST = re.compile(r"^[^\W\d_]+")


def last_word(text: str) -> str | None:
    """The letters a text ends with, if it ends with a letter (a regex anchored at the end
    would try every position of a long paragraph)."""
    end = len(text)
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:end] if i < end else None


# Endings that make another whole word of a whole word: inflections, and for names the
# demonyms and countries ("Kurd" is whole beside "Kurdistan").
_SUFFIXES = wordset("s ed d ing er ers ly")
_NAME_SUFFIXES = _SUFFIXES | wordset("i n an ian ese ish istan stan")
# The same for beginnings, written backwards as the reversed words are.
_PREFIXES = frozenset(p[::-1] for p in wordset("un re in non pre dis de co"))


def fold(word: str) -> str:
    """Case and accents forgiven: "Türkiye" and "turkiye" are one word (or text)."""
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Vocabulary:
    def __init__(self, passages: Iterable[str]) -> None:
        self._passages = tuple(passages)

    @cached_property
    def _counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for passage in self._passages:
            counts.update(fold(w) for w in _LETTERS.findall(passage))
        return counts

    @cached_property
    def _common(self) -> frozenset[str]:
        """Words the captures write with a small first letter: not names."""
        return frozenset(
            fold(w) for p in self._passages for w in _LETTERS.findall(p) if w[0].islower()
        )

    def is_common(self, word: str) -> bool:
        """Whether the captures use word as an ordinary word ("reports", "early"), which
        tells a sentence's first word from a name without a dictionary."""
        return fold(word) in self._common

    @cached_property
    def _sorted(self) -> list[str]:
        return sorted(self._counts)

    @cached_property
    def _reversed(self) -> list[str]:
        return sorted(w[::-1] for w in self._counts)

    @cached_property
    def _edges(self) -> Counter[str]:
        """How often each word is where a cut would be: a passage's first word, a line's
        last word."""
        counts: Counter[str] = Counter()
        for p in self._passages:
            m = _FIRST.search(p)
            if m is not None:
                counts[fold(m.group())] += 1
            for line in p.split("\n"):
                w = last_word(line)
                if w is not None:
                    counts[fold(w)] += 1
        return counts

    def _longer(self, ordered: list[str], key: str, endings: frozenset[str]) -> str | None:
        """A word of ordered that starts with key and is more than key plus an ending
        ("Kurd" is whole beside "Kurdistan"; "gover" is cut beside "government")."""
        i = bisect.bisect_right(ordered, key)
        while i < len(ordered) and ordered[i].startswith(key):
            if ordered[i][len(key) :] not in endings:
                return ordered[i]
            i += 1
        return None

    def cut_end(self, passage: str) -> tuple[str, str] | None:
        """(fragment, a whole word it begins) when the passage (or line) ends inside a
        word."""
        last = last_word(passage)
        if last is None:
            return None
        frag = fold(last)
        if self._counts[frag] > self._edges[frag]:
            return None  # a word in its own right elsewhere
        endings = _NAME_SUFFIXES if last[0].isupper() else _SUFFIXES
        if frag.endswith(("s", "x", "z", "ch", "sh")):
            endings = endings | {"es"}  # "box" is whole beside "boxes"; "principl" is not
        whole = self._longer(self._sorted, frag, endings)
        return (last, whole) if whole else None

    def cut_start(self, passage: str) -> tuple[str, str] | None:
        """(fragment, a whole word it ends) when the passage begins inside a word."""
        m = _FIRST.search(passage)
        if m is None or not m.group()[0].islower():
            return None  # a cut word starts with a small letter
        frag = fold(m.group())
        if self._counts[frag] > self._edges[frag]:
            return None
        whole = self._longer(self._reversed, frag[::-1], _PREFIXES)
        return (m.group(), whole[::-1]) if whole else None
