"""Quote normalisation: the shortcuts for plain ASCII and for quotes without an
ellipsis give what the full treatment gives."""

from __future__ import annotations

import unicodedata

import pytest

from explainer import textnorm
from explainer.textnorm import find_part, normalize, quote_parts


def _parts_the_long_way(quote: str) -> tuple[str, ...]:
    raw = unicodedata.normalize("NFKC", quote).translate(textnorm._TRANSLATE)
    raw = raw.strip().strip("\"'").strip()
    return tuple(p for p in (normalize(x) for x in textnorm._ELLIPSIS.split(raw)) if p)


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
    ],
)
def test_quote_parts_shortcuts(quote: str) -> None:
    assert quote_parts(quote) == _parts_the_long_way(quote)


def test_parts_match_on_word_boundaries_only() -> None:
    hay = normalize("Two children were killed, officials said.")
    assert find_part(hay, "two children") == 0
    assert find_part(hay, "wo children") == -1
    assert find_part(hay, "said.") == len(hay) - len("said.")
    assert find_part(hay, "s said") == -1
