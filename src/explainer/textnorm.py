"""Normalisation a careful human accepts when comparing a quote with its source.

NFKC, curly and straight quotes, dash variants, whitespace and case are
forgiven; an ellipsis in a quote may skip text. Nothing looser: a match must
start and end on word boundaries, so "wo children" never matches "two children".
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
# "…" is matched before NFKC would turn it into three dots that a sentence's own full
# stop could join ("Sarmachars. … the" must split after the full stop, not before it).
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.|\.\s\.\s\.)\s*")


def normalize(text: str) -> str:
    if not text.isascii():  # NFKC and the quote/dash table change nothing in ASCII
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    elif "`" in text:
        text = text.replace("`", "'")
    if "--" in text:  # "word -- word" and "word - word" are the same dash to a reader
        text = re.sub(r"\s*-{2,3}\s*", " - ", text)
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=65536)  # a quote is often cited from more than one source
def quote_parts(quote: str) -> tuple[str, ...]:
    """The pieces of a quote between ellipses, normalised; empty pieces dropped."""
    # quote marks made straight (but "…" kept whole: see _ELLIPSIS), then the ones around
    # the whole quote dropped: they are the contributor's, not the source's
    if quote.isascii():
        raw = quote.replace("`", "'") if "`" in quote else quote
    else:
        raw = quote.translate(_TRANSLATE)
    raw = raw.strip().strip("\"'").strip()
    # an ellipsis is "…" or three dots; without either there is one piece
    pieces = _ELLIPSIS.split(raw) if "…" in raw or raw.count(".") >= 3 else [raw]
    return tuple(p for p in (normalize(x) for x in pieces) if p)


def _is_word(c: str) -> bool:
    return c.isalnum()


def find_part(hay: str, part: str, start: int = 0) -> int:
    """Index of part in hay at or after start, on word boundaries; -1 if absent."""
    n, size = len(part), len(hay)
    # a boundary only matters where the part itself starts or ends inside a word
    word_start, word_end = _is_word(part[0]), _is_word(part[-1])
    i = hay.find(part, start)
    while i >= 0:
        ok_start = not word_start or i == 0 or not _is_word(hay[i - 1])
        ok_end = not word_end or i + n >= size or not _is_word(hay[i + n])
        if ok_start and ok_end:
            return i
        i = hay.find(part, i + 1)
    return -1


@dataclass(frozen=True)
class NormalizedCapture:
    passages: tuple[str, ...]  # normalised, in order

    def contains(self, quote: str) -> bool:
        """All parts of the quote appear in order; each part within one passage."""
        parts = quote_parts(quote)
        if not parts:
            return False
        p_idx, pos = 0, 0
        for part in parts:
            while p_idx < len(self.passages):
                i = find_part(self.passages[p_idx], part, pos)
                if i >= 0:
                    pos = i + len(part)
                    break
                p_idx, pos = p_idx + 1, 0
            else:
                return False
        return True


def normalize_capture(passages: tuple[str, ...]) -> NormalizedCapture:
    return NormalizedCapture(tuple(normalize(p) for p in passages))


_SENTENCE = re.compile(r"(?<=[.!?\"”])\s+|\n+")


def closest_passage(quote: str, passages: tuple[str, ...], limit: int = 160) -> str | None:
    """The sentence of the capture most like the quote, to help fix a near miss."""
    target = normalize(quote)
    if not target:
        return None
    best, best_ratio = None, 0.0
    for passage in passages:
        sentences = [x for x in _SENTENCE.split(passage) if x.strip()]
        # also try pairs, since quotes often run across a sentence boundary
        windows = sentences + [a + " " + b for a, b in itertools.pairwise(sentences)]
        for sentence in windows:
            matcher = difflib.SequenceMatcher(None, target, normalize(sentence), autojunk=False)
            if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = sentence, ratio
    if best is None or best_ratio < 0.3:
        return None
    best = _SPACE.sub(" ", best).strip()
    return best if len(best) <= limit else best[: limit - 1] + "…"
