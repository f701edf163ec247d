"""The JSON Schemas editors use: current, referenced by every data file, and in step
with the checker (what one rejects, the other rejects too)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import ROOT, Project
from explainer import jsonschema_export
from explainer import schema as s
from explainer.cli import main

SCHEMAS = ROOT / "schemas"


class _Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: 2024-01-16 stays text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator(fspec: s.FileSpec, directory: Path = SCHEMAS) -> jsonschema.Draft7Validator:
    path = directory / jsonschema_export.schema_filename(fspec)
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def errors(fspec: s.FileSpec, text: str) -> list[str]:
    data: Any = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(fspec).iter_errors(data)
    ]


SPEC = {f.filename: f for f in s.FILES}


def test_committed_schemas_are_current() -> None:
    assert jsonschema_export.stale(SCHEMAS) == [], "run `.venv/bin/explainer schema`"
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(jsonschema_export.rendered())


@pytest.mark.parametrize("fspec", s.FILES, ids=[f.filename for f in s.FILES])
def test_data_file_names_its_schema_on_line_one(fspec: s.FileSpec) -> None:
    first = (ROOT / "data" / fspec.filename).read_text(encoding="utf-8").splitlines()[0]
    assert first == jsonschema_export.modeline(fspec)
    assert (ROOT / "data" / first.split("$schema=")[1]).resolve().is_file()


@pytest.mark.parametrize("fspec", s.FILES, ids=[f.filename for f in s.FILES])
def test_real_data_validates(fspec: s.FileSpec) -> None:
    text = (ROOT / "data" / fspec.filename).read_text(encoding="utf-8")
    assert errors(fspec, text) == []


def test_fixture_data_validates(project: Project) -> None:
    for name in ("events.yaml", "actors.yaml", "sources.yaml"):
        assert errors(SPEC[name], (project.data / name).read_text(encoding="utf-8")) == []


def test_docs_become_descriptions() -> None:
    schema = json.loads((SCHEMAS / "sources.schema.json").read_text(encoding="utf-8"))
    props = schema["items"]["properties"]
    assert props["via"]["description"] == s.SOURCE.get("via").doc  # type: ignore[union-attr]
    assert props["kind"]["enum"] == list(s.SOURCE_KINDS)
    assert schema["items"]["additionalProperties"] is False
    assert set(schema["items"]["required"]) == {f.name for f in s.SOURCE.fields if f.required}


# Each breakage must be refused by the schema (the editor) and by the checker alike.
BREAKAGES = [
    ("events.yaml", "  title: Iran strikes", "  titel: Iran strikes", "E003"),
    ("events.yaml", "- id: iran-strike", "- id: Iran_Strike", "E006"),
    ("events.yaml", "date: 2024-01-16", "date: 2024-02-30", "E008"),
    ("events.yaml", "date: 2024-01-16", "date: 16 January 2024", "E008"),
    ("events.yaml", "  actors: [iran, pakistan]", "  actors: iran", "E005"),
    ("events.yaml", "  title: Iran strikes targets in Pakistan", "  title: ' '", "E010"),
    ("sources.yaml", "url: https://example.com/village", "url: ftp://example.com/v", "E009"),
    ("sources.yaml", "url: https://example.com/village", "url: example.com/village", "E009"),
    ("sources.yaml", "  kind: news", "  kind: blog", "E011"),
    ("sources.yaml", "  publisher: Example Paper\n", "", "E004"),
    ("actors.yaml", "  aliases: [Islamabad]", "  wikidata: 843", "E005"),
    ("actors.yaml", "  aliases: [Islamabad]", "  wikidata: X843", "E012"),
]


@pytest.mark.parametrize(("file", "old", "new", "code"), BREAKAGES)
def test_schema_and_checker_refuse_the_same_mistakes(
    project: Project, file: str, old: str, new: str, code: str
) -> None:
    project.replace(file, old, new)
    assert errors(SPEC[file], (project.data / file).read_text(encoding="utf-8")), new
    assert code in project.codes()


def test_empty_claims_refused(project: Project) -> None:
    project.write("topics.yaml", "- id: background\n  title: Background\n  claims: []\n")
    assert errors(SPEC["topics.yaml"], (project.data / "topics.yaml").read_text()) != []
    assert "E010" in project.codes()


def test_schema_check_command(tmp_path: Path, capsys) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 0
    (tmp_path / "schemas" / "events.schema.json").write_text("{}\n")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "schemas/events.schema.json: stale" in capsys.readouterr().out
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert "wrote schemas/events.schema.json" in capsys.readouterr().out
    assert jsonschema_export.stale(tmp_path / "schemas") == []
