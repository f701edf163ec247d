"""The downloads: calendar line folding, JSON records, one CSV row per citation."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ROOT
from explainer import load
from explainer.export import _fold, _json, downloads

DATASET = load(ROOT / "data", root=ROOT)


@pytest.mark.parametrize(
    "line",
    [
        "SUMMARY:short",
        "DESCRIPTION:" + "a" * 300,
        "DESCRIPTION:" + "ایران و پاکستان " * 30,  # two octets a letter
        "DESCRIPTION:" + "x" * 62 + "€" * 40,  # a three-octet character across the cut
        "LOCATION:" + "😀" * 50,
    ],
)
def test_calendar_lines_fold_at_75_octets_without_splitting_a_character(line: str) -> None:
    folded = _fold(line)
    pieces = folded.split("\r\n ")
    assert all(len(p.encode("utf-8")) <= (75 if i == 0 else 74) for i, p in enumerate(pieces))
    assert "".join(pieces) == line
    assert (len(pieces) > 1) == (len(line.encode("utf-8")) > 75)


def test_json_download_is_one_record_per_line_and_valid() -> None:
    rows = [{"id": "a", "text": "ایران"}, {"id": "b", "n": 2}]
    text = _json(rows)
    assert json.loads(text) == rows
    assert text.count("\n") == len(rows) + 2
    assert json.loads(_json([])) == []


def test_downloads_hold_every_record() -> None:
    files = downloads(DATASET, "https://example.org/x/", "X")
    assert len(json.loads(files["events.json"])) == len(DATASET.events)
    assert len(json.loads(files["sources.json"])) == len(DATASET.sources)
    rows = list(csv.reader(io.StringIO(files["claims.csv"])))
    assert len(rows) - 1 == sum(len(ref.claim.cite) for ref in DATASET.claims())
    assert files["events.ics"].count("BEGIN:VEVENT") == len(DATASET.events)
