"""Quote normalisation: the shortcuts for plain ASCII and for quotes without an
ellipsis give what the full treatment gives."""

from __future__ import annotations

import unicodedata

import pytest

from explainer import textnorm
from explainer.textnorm import find_part, normalize, quote_parts


def _parts_the_long_way(quote: str) -> tuple[str, ...]:
    raw = quote.translate(textnorm._TRANSLATE).strip().strip("\"'").strip()
    pieces = textnorm._ELLIPSIS.split(raw)
    return tuple(p for p in (normalize(unicodedata.normalize("NFKC", x)) for x in pieces) if p)


@pytest.mark.parametrize(
    "quote",
    [
        '"killed two children"',
        "`quoted` with backticks",
        "one . . . two",
        "one... two ...three",
        "one … two",
        "1.5 m. and 2.5 m.",
        "“curly” and ‘single’ — dash",
        "ﬁne ligature",
        "",
        "...",
        "Sarmachars. … the",
    ],
)
def test_quote_parts_shortcuts(quote: str) -> None:
    assert quote_parts(quote) == _parts_the_long_way(quote)


def test_an_ellipsis_after_a_full_stop_keeps_the_full_stop() -> None:
    # NFKC makes "…" three dots; split first, or ". …" becomes "." + "..." and the next
    # piece starts with a stray dot that no capture contains
    assert quote_parts("calling themselves Sarmachars. … the hideouts") == (
        "calling themselves sarmachars.",
        "the hideouts",
    )
    assert quote_parts("one. ... two") == ("one.", "two")


def test_parts_match_on_word_boundaries_only() -> None:
    hay = normalize("Two children were killed, officials said.")
    assert find_part(hay, "two children") == 0
    assert find_part(hay, "wo children") == -1
    assert find_part(hay, "said.") == len(hay) - len("said.")
    assert find_part(hay, "s said") == -1
