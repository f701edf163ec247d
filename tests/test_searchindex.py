"""The search index cut into small files (explainer.searchindex)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer.searchindex import SearchIndexError, build, fold, term_key, words

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}


def site(tmp_path: Path, docs: list[dict[str, str]]) -> Path:
    (tmp_path / "search").mkdir(parents=True)
    index = {"config": dict(CONFIG), "docs": docs}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index))
    return tmp_path


DOCS = [
    {"location": "", "title": "Home", "text": "<p>An explainer.</p>"},
    {"location": "timeline/", "title": "Timeline", "text": ""},
    {
        "location": "timeline/#strike",
        "title": "Iran strikes Panjgur",
        "text": "<ul><li>Guterres &amp; Ant&#243;nio spoke.<sup>12</sup></li></ul>",
    },
    {"location": "timeline/#talks", "title": "Talks", "text": "<p>Panjgur, again Panjgur</p>"},
]


def decode(flat: list[int]) -> dict[int, int]:
    out, n = {}, 0
    for i in range(0, len(flat), 2):
        n += flat[i]
        out[n] = flat[i + 1]
    return out


def test_words_are_folded_and_common_ones_dropped() -> None:
    assert fold("António") == "antonio"
    assert words("The Koh-i-Sabz strike, and António") == ["koh", "sabz", "strike", "antonio"]
    assert term_key("panjgur") == "pa"
    assert term_key("дом") == "_434_43e"


def test_build_writes_term_files_sections_and_a_small_manifest(tmp_path: Path) -> None:
    root = site(tmp_path, DOCS)
    summary = build(root)
    assert summary is not None and (summary.sections, summary.pages) == (4, 2)
    manifest = json.loads((root / "search" / "search_index.json").read_text())
    assert manifest["docs"] == []
    chunked = manifest["config"]["chunked"]
    assert chunked["pages"] == [["", "Home", 0], ["timeline/", "Timeline", 1]]
    assert manifest["config"]["separator"] == CONFIG["separator"]  # the theme still reads it
    folder = root / "search" / chunked["folder"]
    postings = json.loads((folder / "t" / "pa.json").read_text())
    # a title word weighs one, each mention in the text two
    assert decode(postings["panjgur"]) == {2: 1, 3: 4}
    indexed = {w for p in (folder / "t").iterdir() for w in json.loads(p.read_text())}
    assert "an" not in indexed and {"explainer", "again", "guterres"} <= indexed
    assert set(chunked["terms"]) == {p.stem for p in (folder / "t").iterdir()}
    sections = json.loads((folder / "d" / "0.json").read_text())
    # plain text: tags and citation numbers gone, entities decoded (the worker escapes)
    assert sections[2] == ["timeline/#strike", "Iran strikes Panjgur", "Guterres & António spoke."]


def test_a_second_build_replaces_the_previous_files(tmp_path: Path) -> None:
    root = site(tmp_path, DOCS)
    first = build(root)
    assert build(root) is None  # this build's index is converted already
    site(tmp_path / "again", DOCS[:2])
    (root / "search" / "search_index.json").write_text(
        (tmp_path / "again" / "search" / "search_index.json").read_text()
    )
    second = build(root)
    assert first and second and first.folder != second.folder
    assert [p.name for p in (root / "search").iterdir() if p.is_dir()] == [second.folder]


def test_no_search_plugin_no_index(tmp_path: Path) -> None:
    assert build(tmp_path) is None


def test_a_malformed_index_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    root = site(tmp_path, [{"title": "no location"}])
    with pytest.raises(SearchIndexError, match=r"search_index\.json: .*make build"):
        build(root)
