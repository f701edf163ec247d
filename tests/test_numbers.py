"""Reading numbers and counted figures from text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from explainer.numbers import as_written, digitize, figures, numbers


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("two children and three girls", {2, 3}),
        ("killed 84 people", {84}),
        ("more than 1,500 people", {1500}),
        ("one thousand five hundred", {1500}),
        ("twenty-one dead", {21}),
        ("a six-year-old boy", {6}),
        ("four-year-old and 6-year-old", {4, 6}),
        ("a $10 billion target", {10_000_000_000}),
        ("ten billion dollars", {10_000_000_000}),
        ("2.5 per cent", {Decimal("2.5")}),
        ("the fourth anniversary", {4}),
        ("no one was hurt", set()),
        ("for the first time", set()),
        ("one another", set()),
        ("a one-sided account", set()),
        ("a second strike", set()),
    ],
)
def test_numbers(text: str, values: set) -> None:
    assert set(numbers(text)) == {Decimal(v) for v in values}


def test_scaled_quote_vouches_for_bare_number() -> None:
    assert Decimal(10) in numbers("a $10 billion target", vouching=True)
    assert Decimal(10) not in numbers("a $10 billion target")


@pytest.mark.parametrize(
    ("text", "thing", "value"),
    [
        ("two children were killed", "child", 2),
        ("two innocent children", "child", 2),
        ("nine people died", "person", 9),
        ("3 women", "woman", 3),
        ("900 kilometres", "kilometre", 900),
    ],
)
def test_figures(text: str, thing: str, value: int) -> None:
    assert figures(text)[thing] == {Decimal(value)}


@pytest.mark.parametrize("text", ["on 16 January 2024", "in 2023", "Jan. 16"])
def test_dates_are_not_figures(text: str) -> None:
    assert figures(text) == {}


def test_as_written_keeps_the_contributors_words() -> None:
    assert as_written("Pakistan said three children died", Decimal(3)) == "three"
    assert as_written("about 1,500 people", Decimal(1500)) == "1,500"


TRICKY = [
    "no one was hurt",
    "At First light, one-sided talks",
    "the ſecond day",  # long s: folds to s in the pattern, not in str.lower()
    "the fİrst day",  # dotted capital I
    "ＦＩＲＳＴ and ＯＮＥ",  # full width: NFKC makes them ASCII
    "a six-year-old and twenty-one others",
    "10 billion dollars, 3 Thousand people, 2 MILLION",
    "10\u00a0billion",
    "plain text with nothing to change",
    "",
]


def _digitize_every_step(text: str) -> str:
    """digitize() as it was, with every substitution always applied."""
    import contextlib
    import unicodedata

    from text_to_num import alpha2digit

    from explainer import numbers as n

    text = unicodedata.normalize("NFKC", text)
    text = n._NOT_COUNTS.sub(lambda m: n._protect(m.group(0)), text)
    text = n._HYPHENATED.sub(" ", text)
    text = n._SCALE_AFTER_DIGIT.sub(lambda m: m.group(1) + n._protect(m.group(2)), text)
    with contextlib.suppress(Exception):  # as digitize does
        text = alpha2digit(text, "en", threshold=0)
    return text.replace(n._JOINER, "")


@pytest.mark.parametrize("text", TRICKY)
def test_skipped_substitutions_change_nothing(text: str) -> None:
    # digitize() skips a substitution when ASCII text lacks the words it needs
    assert digitize(text) == _digitize_every_step(text)
