"""The words of a claim, and what vouches for them.

A claim's words are vouched by its own evidence only: its quotes, the records of the
sources it cites (title, publisher, via, author), and the names of actors those quotes or
records mention (an actor's aliases stand for it). The rest of the capture is context,
not evidence. Matching forgives case, accents, plurals and demonyms ("Italian" is vouched
by "Italy", "Afghan" by "Afghanistan"), nothing looser. A capital does not stand for its
country: a claim says "Washington" only where a quote does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import NamedTuple

from .model import ActorNames, Claim, Source
from .vocabulary import fold, wordset

# Letter and digit runs: "Italy's" is "Italy" and "s", "Abu-Bakr" two words.
_WORD = re.compile(r"[^\W_]+")
# Where a sentence (or a quoted or bracketed phrase) starts: the text's start, or a full
# stop (? ! : ;) perhaps closing a quotation, then spaces and opening quotes or brackets.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'’”)\]»]*)[\s\"'‘“(\[«]*")

# Demonyms whose country the suffix rule below cannot find.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "turkish": ("turkey", "turkiye"),
    "british": ("britain", "uk"),
    "french": ("france",),
    "dutch": ("netherlands",),
    "american": ("america", "us", "usa"),
    "emirati": ("uae", "emirates"),
    "filipino": ("philippines",),
    "swiss": ("switzerland",),
}

# What turns a country's name into its people's: Ital-ian, Nepal-i, Afghan-istan.
_DEMONYM_ENDINGS = ("ian", "an", "i", "n", "ese", "ish", "istan", "stan")


class Word(NamedTuple):
    text: str
    start: int
    end: int
    folded: str
    capital: bool  # starts with a capital letter
    initial: bool  # first word of a sentence (or of a quoted or bracketed phrase)


@lru_cache(maxsize=65536)  # E040 and E041 both read every claim
def words(text: str) -> tuple[Word, ...]:
    # ASCII folds in one call for the whole text, with the words where they were
    lower = text.casefold() if text.isascii() else None
    starts = {m.end() for m in _SENTENCE_START.finditer(text)}
    out: list[Word] = []
    for m in _WORD.finditer(text):
        w = m.group()
        i, j = m.span()
        folded = lower[i:j] if lower is not None else fold(w)
        out.append(Word(w, i, j, folded, w[0].isupper(), i in starts))
    return tuple(out)


def _stems(word: str) -> Iterator[str]:
    yield word
    if word.endswith("s") and len(word) > 3:
        yield word[:-1]
    if word.endswith("es") and len(word) > 4:
        yield word[:-2]


class Pool:
    """The words some texts vouch for, with the forgiving look-up. The names of the
    actors the texts mention are added only when a word is not in the texts themselves."""

    def __init__(self, texts: tuple[str, ...], records: tuple[str, ...], names: ActorNames):
        self._texts = texts
        self._records = records
        self._names = names

    @cached_property
    def _direct(self) -> frozenset[str]:
        return _folded_words(self._texts) | _initials(self._records)

    @cached_property
    def _aliases(self) -> frozenset[str]:
        out: set[str] = set()
        for t in self._texts:
            out |= _alias_words(self._names, t)
        return frozenset(out)

    @cached_property
    def _acronyms(self) -> frozenset[str]:
        return _phrase_initials(self._texts)

    def __contains__(self, word: object) -> bool:
        """Whether the pool vouches for a folded word."""
        if not isinstance(word, str):
            return False
        if any(word in text_words(t) for t in self._texts):
            return True  # the usual case, without building the union of every text
        return vouched(word, self._direct) or vouched(word, self._aliases)

    def vouches(self, word: str) -> bool:
        """Whether the pool vouches for a word as written in a claim (not folded)."""
        if fold(word) in self:
            return True
        return is_acronym(word) and fold(word) in self._acronyms


@lru_cache(maxsize=65536)  # the same quotes and publishers recur across claims
def _alias_words(names: ActorNames, text: str) -> frozenset[str]:
    """Every name of every actor the text mentions."""
    return _folded_words(name for actor in names.named_in(text) for name in actor.names)


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """The words that would vouch for word: itself, its singular, its country."""
    out = list(_stems(word))
    out += DEMONYMS.get(word, ())
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)]
            # Chin-ese: China; Kurd-ish: Kurdistan
            out += [stem, stem + "a", stem + "e", stem + "y", stem + "istan"]
        # and the other way: "Afghan" from "Afghanistan"
        out.append(word + ending)
    return tuple(dict.fromkeys(out))


def vouched(word: str, pool: frozenset[str]) -> bool:
    if word in pool:
        return True
    if any(v in pool for v in _variants(word)):
        return True
    # transliterations differ by a letter: Qassem and Qasem, Tchaikovsky and Tchaikowsky
    return len(word) >= 5 and any(_one_edit(word, p) for p in pool if abs(len(p) - len(word)) <= 1)


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one inserted, deleted or changed letter, and the shorter has five
    letters or more (shorter names differ by a letter too often: Mali, Bali)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 5 or a == b:
        return a == b
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


@lru_cache(maxsize=65536)  # quotes and publishers recur across claims
def text_words(text: str) -> frozenset[str]:
    """The folded words of a text."""
    return frozenset(_WORD.findall(fold(text)))


def _folded_words(texts: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for t in texts:
        out |= text_words(t)
    return frozenset(out)


def _initials(texts: Iterable[str]) -> frozenset[str]:
    """ "ap" for "Associated Press": outlets are cited by their initials."""
    out = set()
    for t in texts:
        caps = [w for w in _WORD.findall(t) if w[0].isupper()]
        if len(caps) >= 2:
            out.add(fold("".join(w[0] for w in caps)))
    return frozenset(out)


def _phrase_initials(texts: Iterable[str]) -> frozenset[str]:
    """The initials of every run of two to five words: "ai" for "artificial
    intelligence", "fo" for "Foreign Office"."""
    out = set()
    for t in texts:
        firsts = [fold(w[0]) for w in _WORD.findall(t)]
        for n in range(2, 6):
            out.update("".join(firsts[i : i + n]) for i in range(len(firsts) - n + 1))
    return frozenset(out)


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


# A quote that credits words to someone holds one of these.
SPEECH = wordset(
    """said says say saying told tells tell telling reported reports reporting report
    according announced announces announcement statement statements stated claimed claims
    claiming claim warned warns warning added adds declared declares confirmed confirms
    quoted quoting quotes spokesperson spokesman spokeswoman spokespersons briefing
    insisted accused alleged denied described calling called urged asserted tweeted wrote
    posted noted asked responded reiterated stressed emphasised emphasized vowed demanded
    expressed affirmed maintained threatened acknowledged admitted citing cited
    interview remarks condemned protested summoned conveyed informed press"""
)


class Evidence:
    """What vouches for the words of one claim."""

    def __init__(
        self, claim: Claim, sources: dict[str, Source] | object, names: ActorNames
    ) -> None:
        self.claim = claim
        self._sources = [
            s
            for s in (sources.get(c.source) for c in claim.cite)  # type: ignore[attr-defined]
            if s is not None
        ]
        self._names = names

    @cached_property
    def quotes(self) -> tuple[str, ...]:
        return tuple(c.quote for c in self.claim.cite)

    @cached_property
    def record_texts(self) -> tuple[str, ...]:
        """Publisher, via and author of the cited sources: who is speaking in them."""
        out: list[str] = []
        for s in self._sources:
            out += [x for x in (s.publisher, s.via, s.author) if x]
        return tuple(out)

    @cached_property
    def titles(self) -> tuple[str, ...]:
        return tuple(s.title for s in self._sources)

    @cached_property
    def all_words(self) -> Pool:
        """Words any of the claim's evidence vouches for (E041)."""
        texts = (*self.quotes, *self.record_texts, *self.titles)
        return Pool(texts, self.record_texts, self._names)

    @cached_property
    def speaking_quotes(self) -> tuple[str, ...]:
        return tuple(q for q in self.quotes if not text_words(q).isdisjoint(SPEECH))

    @cached_property
    def speaker_words(self) -> Pool:
        """Words that may name a speaker (E040): those of quotes that credit words to
        someone, and the source records, with the names of the actors they mention."""
        texts = (*self.speaking_quotes, *self.record_texts)
        return Pool(texts, self.record_texts, self._names)
