"""Reading dates in claims and resolving dates in quotes against publication."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.dates import mentions, resolve, supports

PUBLISHED = dt.date(2024, 1, 17)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 January 2024", dt.date(2024, 1, 16)),
        ("January 16, 2024", dt.date(2024, 1, 16)),
        ("January 16", dt.date(2024, 1, 16)),
        ("Jan. 16", dt.date(2024, 1, 16)),
        ("16 Jan", dt.date(2024, 1, 16)),
        ("16th of January", dt.date(2024, 1, 16)),
        ("2024-01-16", dt.date(2024, 1, 16)),
        ("on Tuesday", dt.date(2024, 1, 16)),
        ("late Tuesday night", dt.date(2024, 1, 16)),
        ("yesterday", dt.date(2024, 1, 16)),
        ("last night", dt.date(2024, 1, 16)),
        ("on Wednesday", dt.date(2024, 1, 17)),
        ("today", dt.date(2024, 1, 17)),
        ("on Thursday", dt.date(2024, 1, 11)),  # the most recent Thursday
        ("December 31", dt.date(2023, 12, 31)),  # the nearest year
    ],
)
def test_resolve(text: str, expected: dt.date) -> None:
    assert expected in resolve(text, PUBLISHED).dates


def test_weekday_naming_an_explicit_date_is_not_a_second_date() -> None:
    assert resolve("on Thursday, January 18, 2024", PUBLISHED).dates == {dt.date(2024, 1, 18)}


def test_ranges() -> None:
    assert resolve("a visit on 22-24 April 2024", PUBLISHED).dates == {
        dt.date(2024, 4, 22),
        dt.date(2024, 4, 24),
    }
    assert dt.date(2024, 4, 24) in resolve("April 22-24, 2024", PUBLISHED).dates


@pytest.mark.parametrize(
    "text", ["they may strike", "a march on the capital", "2024-02-30", "32 May"]
)
def test_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED).dates == frozenset()


def test_month_mentions() -> None:
    (m,) = mentions("in late January")
    assert (m.month, m.day, m.year) == (1, None, None)
    evidence = resolve("on Tuesday", PUBLISHED)
    assert supports(m, evidence)
    assert not supports(mentions("in February")[0], evidence)


def test_month_year_needs_the_year() -> None:
    evidence = resolve("on Tuesday", PUBLISHED)
    assert supports(mentions("January 2024")[0], evidence)
    assert not supports(mentions("January 2023")[0], evidence)


def test_full_date_needs_the_year() -> None:
    evidence = resolve("January 16", PUBLISHED)
    assert supports(mentions("16 January 2024")[0], evidence)
    assert not supports(mentions("16 January 2023")[0], evidence)


def test_date_forms_are_grouped_in_their_original_order() -> None:
    # the grouped pattern tries, at each position, the forms that can start there in
    # the order of _ALTERNATIVES; every form must be in exactly one group
    from explainer.dates import _ALTERNATIVES, _CAPITAL_FIRST, _DIGIT_FIRST

    order = [kind for kind, _ in _ALTERNATIVES]
    assert sorted([*_DIGIT_FIRST, *_CAPITAL_FIRST, "relative"]) == sorted(order)
    for group in (_DIGIT_FIRST, _CAPITAL_FIRST):
        assert [k for k in order if k in group] == list(group)
    assert order[-1] == "relative"


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, January 16, 2024 and 22-24 April, yesterday",
        "16th of January 2024; Jan. 16; April 22-24, 2024; May 2023; in March",
        "2024-01-16 and 16 Jan and Monday, January 18, and last night",
        "Earlier today, THIS MORNING, tonight and tomorrow",
        "Anyday Tuesdays 3 Januaryx 1999-13-40",
    ],
)
def test_grouped_pattern_finds_what_the_flat_one_finds(text: str) -> None:
    import re

    from explainer.dates import _ALTERNATIVES, _DATES, _alt

    flat = re.compile(
        r"(?=[0-9A-Zytle])(?:" + "|".join(_alt(kind, t) for kind, t in _ALTERNATIVES) + ")"
    )
    assert [(m.span(), m.lastgroup, m.groupdict()) for m in _DATES.finditer(text)] == [
        (m.span(), m.lastgroup, m.groupdict()) for m in flat.finditer(text)
    ]
