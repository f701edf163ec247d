"""Which captured sources are copies of one story, and how many independent publishers
support a claim.

Two captures *share a passage* when at least COPY_WORDS words follow one another, the
same after normalisation, in both. Words inside double quotation marks do not count:
independent reporters quote the same speaker word for word, but two outlets do not
write the same narration around the quote unless one copied the other (or both
copied one wire or press release).

Found by hashing every run of SHINGLE words (a shingle); only pairs of captures that
share several uncommon shingles are then compared in full, so the cost grows with the
size of the captures, not with the number of pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate, chain

from .model import Capture, Claim, Dataset, Source
from .textnorm import normalize

# ~30 words (about 200 characters) in a row: longer than any set phrase, the name of
# an office or a dateline, shorter than a copied paragraph. Measured on the flagship
# data once quotations are set aside: outlets reprinting a sentence or two of the same
# press release share 20 to 28 words; the one longer run (31 words) is a ministry's
# readout that one outlet reprinted whole and another in large part.
COPY_WORDS = 30
SHINGLE = 8
# A shingle found in more captures than this is boilerplate ("said in a statement
# on ..."); it is not used to find candidates, only to measure them.
COMMON = 64

_WORD = re.compile(r"\w+")
# A quotation: from an opening mark to the closing one, or to the end of the paragraph
# (a quotation running over paragraphs reopens each of them).
_QUOTED = re.compile(r'"[^"\n]*(?:"|$)', re.MULTILINE)


@dataclass(frozen=True)
class SharedPassage:
    """Two sources whose captures share a passage: `later` repeats `earlier`."""

    earlier: Source
    later: Source
    words: int  # length of the longest shared run
    excerpt: str  # its first words, normalised


def segments(capture: Capture) -> list[tuple[str, list[int]]]:
    """The capture's words outside quotations, in runs that a quotation or a passage
    break interrupts (a line break does not: captures may be wrapped); each run as its
    words joined by single spaces, and where each word starts."""
    out: list[tuple[str, list[int]]] = []
    for passage in capture.passages:
        run: list[str] = []
        # line by line, so that an unclosed quotation ends with its paragraph
        for line in passage.split("\n"):
            for k, piece in enumerate(_QUOTED.split(normalize(line))):
                if k:  # a quotation stood here
                    _flush(run, out)
                    run = []
                run += _words(piece)
        _flush(run, out)
    return out


# ASCII text is split by bytes.translate, several times faster than the regular
# expression; both split on exactly the characters that are not \w.
_NOT_WORD = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes([32] * 128)


def _words(text: str) -> list[str]:
    if text.isascii():
        return text.encode().translate(_NOT_WORD).decode().split()
    return _WORD.findall(text)


def _flush(run: list[str], out: list[tuple[str, list[int]]]) -> None:
    if len(run) >= SHINGLE:
        # where each word starts in the joined run, summed in C: len + 1 for the space
        starts = list(accumulate(map(_PLUS_ONE, map(len, run)), initial=0))
        out.append((" ".join(run), starts))


_PLUS_ONE = (1).__add__


def _shingles(run: tuple[str, list[int]]) -> list[int]:
    """The hash of every SHINGLE words in a row of a run: slices of one string, far
    cheaper than a tuple of words per position."""
    text, starts = run
    return [hash(text[starts[i] : starts[i + SHINGLE] - 1]) for i in range(len(starts) - SHINGLE)]


def _longest_run(a: list[list[int]], b: list[list[int]]) -> tuple[int, int, int]:
    """The longest run of consecutive shingles of a found consecutively in b:
    (run length in shingles, segment of a, index of its first shingle)."""
    where: dict[int, list[tuple[int, int]]] = {}
    for s, seg in enumerate(b):
        for j, h in enumerate(seg):
            where.setdefault(h, []).append((s, j))
    best = (0, 0, 0)
    for s, seg in enumerate(a):
        prev: dict[tuple[int, int], int] = {}
        for i, h in enumerate(seg):
            cur: dict[tuple[int, int], int] = {}
            for sb, j in where.get(h, ()):
                run = cur[(sb, j)] = prev.get((sb, j - 1), 0) + 1
                if run > best[0]:
                    best = (run, s, i - run + 1)
            prev = cur
    return best


def _run_bound(a: list[list[int]], b: frozenset[int]) -> int:
    """The longest run of consecutive shingles of a that are all somewhere in b: at
    least the true longest shared run, and much cheaper to find."""
    best = 0
    for seg in a:
        run = 0
        for h in seg:
            if h in b:
                run += 1
                if run > best:
                    best = run
            else:
                run = 0
    return best


def shared_passages(ds: Dataset) -> list[SharedPassage]:
    """Every pair of sources whose captures share a passage of at least COPY_WORDS
    words, the earlier source first (by published date, then file order)."""
    order = {src.id: n for n, src in enumerate(ds.sources)}
    ids = [sid for sid in ds.captures if sid in ds.source_by_id]
    runs = [segments(ds.captures[sid]) for sid in ids]
    hashes = [[_shingles(run) for run in capture] for capture in runs]
    # Counted in C: most shingles are in one capture only, and only the others are
    # looked at one by one.
    held = [frozenset().union(*capture) for capture in hashes]
    shared = {h for h, n in Counter(chain.from_iterable(held)).items() if 1 < n <= COMMON}
    holders: dict[int, list[int]] = {}
    for n, mine in enumerate(held):
        for h in mine & shared if len(mine) > len(shared) else shared & mine:
            got = holders.get(h)
            if got is None:
                holders[h] = [n]
            else:
                got.append(n)
    counts: dict[tuple[int, int], int] = {}
    for owners in holders.values():  # each list is in capture order
        for x, a in enumerate(owners):
            for b in owners[x + 1 :]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
    # A copied passage of COPY_WORDS words has COPY_WORDS - SHINGLE + 1 shingles, some
    # of which may be common: a quarter of them in common makes a pair worth measuring.
    enough = max(1, (COPY_WORDS - SHINGLE + 1) // 4)
    out: list[SharedPassage] = []
    for (a, b), n in counts.items():
        if n < enough:
            continue
        if _run_bound(hashes[a], held[b]) + SHINGLE - 1 < COPY_WORDS:
            continue
        earlier, later = ds.source_by_id[ids[a]], ds.source_by_id[ids[b]]
        if (later.published, order[later.id]) < (earlier.published, order[earlier.id]):
            earlier, later, a, b = later, earlier, b, a
        run, seg, start = _longest_run(hashes[a], hashes[b])
        length = run + SHINGLE - 1 if run else 0
        if length >= COPY_WORDS:
            text, starts = runs[a][seg]
            excerpt = text[starts[start] : starts[min(start + 12, len(starts) - 1)] - 1]
            out.append(SharedPassage(earlier, later, length, excerpt))
    out.sort(key=lambda p: (order[p.later.id], order[p.earlier.id]))
    return out


def publisher_key(src: Source) -> str:
    """Who a source's words come from: the wire for wire copy (`via` names the site)."""
    return " ".join(src.publisher.split()).casefold()


class Corroboration:
    """Counts the independent publishers behind each claim: the distinct publishers of
    its cited sources, where copies of one story (a shared passage) count once."""

    def __init__(self, sources: Mapping[str, Source], copies: Iterable[SharedPassage]) -> None:
        self._sources = sources
        self._copies: dict[str, set[str]] = {}
        for p in copies:
            self._copies.setdefault(p.earlier.id, set()).add(p.later.id)
            self._copies.setdefault(p.later.id, set()).add(p.earlier.id)

    def publishers(self, source_ids: Iterable[str]) -> int:
        cited = list(dict.fromkeys(s for s in source_ids if s in self._sources))
        group = {sid: sid for sid in cited}

        def root(sid: str) -> str:
            while group[sid] != sid:
                group[sid] = group[group[sid]]
                sid = group[sid]
            return sid

        by_publisher: dict[str, str] = {}
        for sid in cited:
            first = by_publisher.setdefault(publisher_key(self._sources[sid]), sid)
            group[root(sid)] = root(first)
        for sid in cited:
            for other in self._copies.get(sid, ()):
                if other in group:
                    group[root(sid)] = root(other)
        return len({root(sid) for sid in cited})

    def of(self, claim: Claim) -> int:
        return self.publishers(c.source for c in claim.cite)
