"""Numbers in text, whether written as digits ("1,500") or words ("two")."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType

from text_to_num import alpha2digit

# Idioms in which a number word is not a count; "first" and "second" mostly give order.
_NOT_COUNTS = re.compile(
    r"\b(no one|one another|each one|the one who|one-sided|at first|first|second)\b", re.I
)
_HYPHENATED = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_JOINER = "\u2060"  # invisible; splits a word so the number library skips it
_SCALES = {
    "thousand": Decimal(1000),
    "million": Decimal(10**6),
    "mn": Decimal(10**6),
    "billion": Decimal(10**9),
    "bn": Decimal(10**9),
    "trillion": Decimal(10**12),
}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?"
    r"(?:\s*(thousand|million|mn|billion|bn|trillion)\b)?",
    re.I,
)
_SCALE_AFTER_DIGIT = re.compile(r"(\d\s*)(thousand|million|billion|trillion)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=65536)  # numbers() and figures() both read every quote
def digitize(text: str) -> str:
    """Text with spelled-out numbers replaced by digits (ordinal words kept)."""
    text = unicodedata.normalize("NFKC", text)
    # Each substitution below needs a word that ASCII text can be searched for cheaply;
    # other text goes through the patterns, whose case folding reaches beyond ASCII.
    low = text.lower() if text.isascii() else None
    if low is None or "one" in low or "first" in low or "second" in low:
        text = _NOT_COUNTS.sub(lambda m: _protect(m.group(0)), text)
    # "six-year-old" hides a number from the library; "twenty-one" reads the same spaced
    if "-" in text:
        text = _HYPHENATED.sub(" ", text)
    # "10 billion" is read by our own pattern; the library would split it in two
    if low is None or "illion" in low or "thousand" in low:
        text = _SCALE_AFTER_DIGIT.sub(lambda m: m.group(1) + _protect(m.group(2)), text)
    # the library rejects some odd input; digits still count then
    with contextlib.suppress(Exception):
        text = alpha2digit(text, "en", threshold=0)
    return text.replace(_JOINER, "")


def _protect(words: str) -> str:
    return re.sub(r"\b(\w)", lambda m: m.group(1) + _JOINER, words)


def _value(digits: str, fraction: str | None, scale: str | None) -> Decimal | None:
    try:
        v = Decimal(digits.replace(",", "") + (fraction or ""))
    except InvalidOperation:
        return None
    if scale:
        v *= _SCALES[scale.lower()]
    return v.normalize()


@lru_cache(maxsize=65536)
def numbers(text: str, *, vouching: bool = False) -> Mapping[Decimal, str]:
    """Every number in text, as value -> how it was written (first occurrence).

    With vouching (for quotes), "10 billion" also stands for a bare "10", so a
    claim may say "$10 billion" or "10 billion dollars" against either.
    """
    found: dict[Decimal, str] = {}
    for m in _NUMBER.finditer(digitize(text)):
        v = _value(m.group(1), m.group(2), m.group(3))
        if v is None:
            continue
        found.setdefault(v, m.group(0))
        if vouching and m.group(3):
            plain = _value(m.group(1), m.group(2), None)
            if plain is not None:
                found.setdefault(plain, m.group(1))
    return MappingProxyType(found)


# Words that sit between a number and the thing it counts without changing it.
_MODIFIERS = frozenset(
    {
        "more",
        "other",
        "additional",
        "innocent",
        "young",
        "small",
        "little",
        "of",
        "the",
        "a",
        "an",
        "about",
        "nearly",
        "some",
    }
)
_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
_CLAUSE_END = re.compile(r"\s*[,;:.)]")
_RANGE = re.compile(r"\s*[-–]\s*\d")
_IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman"}


def _singular(word: str) -> str:
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def figures(text: str) -> Mapping[str, frozenset[Decimal]]:
    """Counts of things: 'two children' -> {'child': {2}}. Years and dates are not figures."""
    digits = digitize(text)
    out: dict[str, set[Decimal]] = {}
    for m in _NUMBER.finditer(digits):
        v = _value(m.group(1), m.group(2), m.group(3))
        if v is None or (1900 <= v <= 2100 and m.group(2) is None and not m.group(3)):
            continue
        tail = digits[m.end() : m.end() + 60]
        if _CLAUSE_END.match(tail) or _RANGE.match(tail):
            continue  # a number closing a clause, or a range, counts nothing here
        for word in _WORD.findall(tail)[:3]:
            lw = word.lower()
            if lw in _MODIFIERS:
                continue
            if lw not in _MONTHS:
                out.setdefault(_singular(lw), set()).add(v)
            break
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


def as_written(text: str, value: Decimal) -> str:
    """How text spells value ("three", "1,500"), for messages; falls back to the digits."""
    words = re.findall(r"[\w$,.'’-]+", unicodedata.normalize("NFKC", text))
    for size in range(1, 6):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size]).strip(".,")
            if value in numbers(chunk) and len(numbers(chunk)) == 1:
                return chunk
    return format(value, "f")
