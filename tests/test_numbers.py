"""Reading numbers and counted figures from text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from explainer.numbers import as_written, figures, numbers


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
