"""The loader keeps positions, reads captures, and never raises on bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import Project
from explainer import load
from explainer.load import parse_capture


def test_positions_of_values(project: Project) -> None:
    ds = load(project.data, root=project.root)
    event = ds.events[0]
    assert event.loc.line == 1
    assert event.at["date"].line == 2 and event.at["date"].col == 9
    claim = event.claims[1]
    assert claim.at["text"].line == project.line_of("events.yaml", "Pakistan said two")
    assert claim.cite[1].at["quote"].line == project.line_of("events.yaml", "killed two children")
    assert event.at["actors.1"].col > event.at["actors.0"].col


def test_model_is_immutable(project: Project) -> None:
    ds = load(project.data, root=project.root)
    with pytest.raises(AttributeError):
        ds.events[0].title = "changed"  # type: ignore[misc]
    assert isinstance(ds.events[0].claims, tuple)
    assert ds.events[0].date == dt.date(2024, 1, 16)


def test_capture_passages_and_header() -> None:
    cap = parse_capture(
        "x",
        "data/captures/x.txt",
        "---\nurl: https://example.org\nretrieved: 2024-01-01\n---\nFirst.\n[…]\nSecond.\n[...]\n",
    )
    assert cap.passages == ("First.", "Second.")
    assert cap.header == {"url": "https://example.org", "retrieved": "2024-01-01"}
    assert cap.first_line == 5


def test_duplicate_keys_are_kept_for_the_rules(project: Project) -> None:
    project.replace("events.yaml", "  title: Iran", "  title: First\n  title: Iran")
    ds = load(project.data, root=project.root)
    assert ds.events[0].title == "First"  # the first occurrence wins, and E002 reports the rest


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "---\n",
        "[",
        "- - - -",
        "42",
        "- id: [a, {b: c}]",
        "? [a]\n: b\n",
        "- !!python/object:os.system x",
    ],
)
def test_garbage_never_raises(project: Project, garbage: str) -> None:
    project.write("events.yaml", garbage)
    ds = load(project.data, root=project.root)
    assert ds.events == ()
    assert all(p.loc.path for p in project.problems())


def test_built_records_equal_what_their_constructor_makes(project: Project) -> None:
    # the builder fills each frozen record's fields directly; nothing may tell the
    # difference from calling the dataclass itself
    ds = load(project.data, root=project.root)
    records = [*ds.events, *ds.actors, *ds.sources, *ds.topics, *ds.factchecks]
    records += [c for r in records for c in getattr(r, "claims", ())]
    records += [c for r in records for c in getattr(r, "cite", ())]
    assert len({type(r) for r in records}) >= 5
    for r in records:
        again = type(r)(**{f.name: getattr(r, f.name) for f in dataclasses.fields(r)})
        assert again == r and vars(again) == vars(r)
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.loc = None  # type: ignore[misc]
