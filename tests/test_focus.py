"""The timeline's focus window: the story first, then what followed, then, folded, what
led up to it."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest

from conftest import ROOT, Project
from explainer import load
from explainer.focus import Focus, FocusError, from_options, sections
from explainer.render import PageContext, Renderer

sys.path.insert(0, str(ROOT / "bench"))
from synth import generate

CRISIS = Focus(dt.date(2024, 1, 16), dt.date(2024, 1, 29), "the crisis")


def _headings(markdown: str) -> list[str]:
    return re.findall(r"^## (.*) \{#", markdown, re.M)


def _event_order(markdown: str) -> list[str]:
    return re.findall(
        r'^#### .* \{#([\w-]+)\}|class="ex-event ex-brief" id="([\w-]+)"', markdown, re.M
    )


def test_sections_put_the_focus_first_then_after_then_before() -> None:
    ds = load(ROOT / "data", root=ROOT)
    secs = sections(ds.events_in_order(), CRISIS)
    assert [s.id for s in secs] == ["focus", "after-focus", "before-focus"]
    assert [s.folded for s in secs] == [False, False, True]
    inside, after, before = (s.events for s in secs)
    assert all(CRISIS.start <= e.date <= CRISIS.end for e in inside)
    assert all(e.date > CRISIS.end for e in after) and all(e.date < CRISIS.start for e in before)
    assert len(inside) + len(after) + len(before) == len(ds.events)
    assert [e.date for e in before] == sorted(e.date for e in before)
    assert secs[0].title == "The crisis: 16–29 January 2024" and secs[0].label == "The crisis"


def test_empty_stretches_are_left_out() -> None:
    ds = load(ROOT / "data", root=ROOT)
    everything = Focus(dt.date(2000, 1, 1), dt.date(2030, 1, 1), "the story")
    assert [s.id for s in sections(ds.events_in_order(), everything)] == ["focus"]


@pytest.mark.parametrize(
    ("start", "end", "span"),
    [
        ("2024-01-16", "2024-01-16", "16 January 2024"),
        ("2024-01-16", "2024-01-29", "16–29 January 2024"),
        ("2024-01-30", "2024-02-02", "30 January – 2 February 2024"),
        ("2023-12-30", "2024-01-02", "30 December 2023 – 2 January 2024"),
    ],
)
def test_the_span_names_the_days(start: str, end: str, span: str) -> None:
    assert Focus(dt.date.fromisoformat(start), dt.date.fromisoformat(end)).span == span


def test_focus_is_read_from_the_options() -> None:
    focus = from_options(
        {"focus": {"start": dt.date(2024, 1, 16), "end": "2024-01-29", "name": "the crisis"}}
    )
    assert focus == CRISIS
    assert from_options({"data": "data"}) is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2024-01-16", "expected a mapping"),
        ({"start": "2024-01-16"}, r"focus\.end: expected a date as YYYY-MM-DD, got None"),
        ({"start": "16/01/2024", "end": "2024-01-29"}, r"focus\.start: expected a date"),
        ({"start": "2024-01-29", "end": "2024-01-16"}, "is before start"),
        ({"start": "2024-01-16", "end": "2024-01-29", "name": ""}, r"focus\.name"),
        ({"start": "2024-01-16", "end": "2024-01-29", "from": 1}, "unknown key"),
    ],
)
def test_a_bad_focus_is_named_in_mkdocs_yml(raw: object, message: str) -> None:
    with pytest.raises(FocusError, match=message) as err:
        from_options({"focus": raw})
    assert str(err.value).startswith("mkdocs.yml, extra.explainer.focus")


def test_the_timeline_opens_on_the_focus_and_folds_the_years_before() -> None:
    ds = load(ROOT / "data", root=ROOT)
    out = Renderer(ds, focus=CRISIS).timeline(PageContext("timeline.md"))
    assert _headings(out) == [
        "The crisis: 16–29 January 2024",
        "After the crisis",
        "Before the crisis",
    ]
    shown = [a or b for a, b in _event_order(out)]
    assert len(shown) == len(set(shown)) == len(ds.events)
    assert ds.event_by_id[shown[0]].date == CRISIS.start
    fold = out.index('<details class="ex-period" open markdown>')
    assert out.index("## Before the crisis") < fold < out.index("{#2015-07-14}")
    assert out.index("Jump to: [The crisis](#focus)") < out.index("## The crisis")
    assert out.count('id="ex-places"') == 1  # one map of every place


def test_without_a_focus_the_timeline_runs_by_year(project: Project) -> None:
    out = Renderer(load(project.data, root=project.root)).timeline(PageContext("timeline.md"))
    assert _headings(out) == ["2024"] and "ex-period" not in out


def test_a_split_timeline_overview_opens_on_the_focus_too(tmp_path) -> None:
    generate(tmp_path, 800)  # one event a day from 1 January 2020
    ds = load(tmp_path / "data", root=tmp_path)
    focus = Focus(dt.date(2021, 3, 1), dt.date(2021, 3, 31), "the spring")
    r = Renderer(ds, part_limit=400, focus=focus)
    out = r.timeline(PageContext("timeline.md"))
    shown = [b for _a, b in _event_order(out)]
    assert len(shown) == 800 and len(set(shown)) == 800
    assert [ds.event_by_id[i].date for i in shown[:31]] == [
        dt.date(2021, 3, d) for d in range(1, 32)
    ]
    assert "(timeline/2021.md#" + shown[0] + ")" in out  # links to the part holding it
    assert _headings(out) == [
        "The spring: 1–31 March 2021",
        "After the spring",
        "Before the spring",
    ]
    assert r.timeline_part("2020", PageContext("timeline/2020.md")).count("ex-permalink") > 0


def test_a_focus_without_events_leaves_the_timeline_in_date_order(project: Project) -> None:
    ds = load(project.data, root=project.root)
    elsewhere = Focus(dt.date(2030, 1, 1), dt.date(2030, 1, 31), "the future")
    out = Renderer(ds, focus=elsewhere).timeline(PageContext("timeline.md"))
    assert _headings(out) == ["2024"] and "ex-period" not in out
