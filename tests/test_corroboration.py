"""Independent publishers per claim: counted in the model, shown by a marker, exported."""

from __future__ import annotations

import csv
import io
import json

from conftest import CAPTURES, Project
from explainer import load
from explainer.export import downloads
from explainer.model import ClaimRef, Dataset
from explainer.render import PageContext, Renderer

# 40 words of narration that a copy of a story keeps word for word
STORY = (
    "Officials in the provincial capital said the strike hit a house on the edge of "
    "the village before dawn, and that rescue teams worked through the morning to clear "
    "the rubble while neighbours gathered outside the district hospital to wait for news."
)
ONE_SOURCE = "[one source]("


def _data(project: Project) -> Dataset:
    return load(project.data, root=project.root)


def _ref(ds: Dataset, key: str) -> ClaimRef:
    return next(ref for ref in ds.claims() if ref.key == key)


def _counts(project: Project) -> dict[str, int]:
    ds = _data(project)
    return {ref.key: ds.corroboration.of(ref.claim) for ref in ds.claims()}


def test_distinct_publishers_are_counted(project: Project) -> None:
    # the fixture: one claim on the wire alone, one on the wire and a paper
    assert _counts(project) == {
        "iran-strike/1": 1,
        "iran-strike/2": 2,
        "actors/iran/1": 1,
    }


def test_two_sources_of_one_publisher_count_once(project: Project) -> None:
    project.replace("sources.yaml", "publisher: Example Paper", "publisher: Example  WIRE")
    assert _counts(project)["iran-strike/2"] == 1


def test_wire_copy_counts_for_the_wire(project: Project) -> None:
    project.replace(
        "sources.yaml", "publisher: Example Paper", "publisher: Example Wire\n  via: Example Paper"
    )
    assert _counts(project)["iran-strike/2"] == 1


def test_syndicated_copies_count_once_even_before_the_data_says_so(project: Project) -> None:
    for sid in ("wire-2024-01-17", "paper-2024-01-18"):
        project.write(f"captures/{sid}.txt", CAPTURES[sid] + "[…]\n" + STORY + "\n")
    assert _counts(project)["iran-strike/2"] == 1
    assert [p.code for p in project.problems()] == ["E043"]


def test_same_speaker_quoted_by_two_publishers_counts_twice(project: Project) -> None:
    for sid in ("wire-2024-01-17", "paper-2024-01-18"):
        project.write(f"captures/{sid}.txt", CAPTURES[sid] + f'[…]\nHe said: "{STORY}"\n')
    assert _counts(project)["iran-strike/2"] == 2


def test_unknown_and_repeated_sources_do_not_add_publishers(project: Project) -> None:
    ds = _data(project)
    wire, paper = "wire-2024-01-17", "paper-2024-01-18"
    assert ds.corroboration.publishers([wire, wire, "no-such-source"]) == 1
    assert ds.corroboration.publishers([wire, paper, paper]) == 2
    assert ds.corroboration.publishers([]) == 0


def test_marker_on_single_publisher_claims_only(project: Project) -> None:
    ds = _data(project)
    renderer = Renderer(ds)
    single = renderer.claim(_ref(ds, "iran-strike/1"), PageContext("timeline.md"), [])
    double = renderer.claim(_ref(ds, "iran-strike/2"), PageContext("timeline.md"), [])
    assert ONE_SOURCE in single
    assert ONE_SOURCE not in double and "one source" not in double


def test_marker_links_to_the_method_and_explains_itself(project: Project) -> None:
    ds = _data(project)
    html = Renderer(ds).claim(_ref(ds, "actors/iran/1"), PageContext("actors/iran.md"), [])
    assert "[one source](../methodology.md#one-source)" in html
    assert 'title="only one independent publisher supports this sentence"' in html
    # its accessible name is its visible words; the title describes it
    assert "[one source](../methodology.md#one-source){ .ex-badge .ex-single title=" in html
    assert ".ex-badge .ex-single" in html


def test_marker_follows_the_count_not_the_number_of_citations(project: Project) -> None:
    project.replace(
        "sources.yaml", "publisher: Example Paper", "publisher: Example Wire\n  via: Example Paper"
    )
    ds = _data(project)
    html = Renderer(ds).claim(_ref(ds, "iran-strike/2"), PageContext("timeline.md"), [])
    assert html.count('class="ex-ref"') == 2 and ONE_SOURCE in html


def test_exports_carry_the_count(project: Project) -> None:
    project.replace("sources.yaml", "publisher: Example Paper", "publisher: Example Wire")
    files = downloads(_data(project))
    events = json.loads(files["events.json"])
    assert [c["publishers"] for c in events[0]["claims"]] == [1, 1]
    actors = json.loads(files["actors.json"])
    assert actors[0]["claims"][0]["publishers"] == 1
    rows = list(csv.DictReader(io.StringIO(files["claims.csv"])))
    assert {(r["claim"], r["publishers"]) for r in rows} == {
        ("iran-strike/1", "1"),
        ("iran-strike/2", "1"),
        ("actors/iran/1", "1"),
    }


def test_exports_count_two_publishers(project: Project) -> None:
    files = downloads(_data(project))
    claims = json.loads(files["events.json"])[0]["claims"]
    assert [c["publishers"] for c in claims] == [1, 2]
    rows = list(csv.DictReader(io.StringIO(files["claims.csv"])))
    assert [r["publishers"] for r in rows if r["claim"] == "iran-strike/2"] == ["2", "2"]
