"""Hostile data through a real build: markup in every text field of every record kind.

Payloads that could inject markup are refused by the checker (E013), and then no site
is built at all. Payloads the checker accepts (Markdown emphasis, code, entities,
brackets) are built and must reach the HTML as the same characters, inert.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Project, build
from explainer import load
from explainer.actorpages import plan, sync

REFUSED = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "{{ config.extra }}",
    "{% include 'x' %}",
    "javascript:alert(1)",
]
INERT = [
    "**bold**",
    "_em_ and `code`",
    "&amp; &lt;b&gt;",
    "a [b] c",
    "x | y ~~z~~ $m$",
    "# not a heading",
]

# every plain-text field of each record kind in the fixture data
TEXT_FIELDS = [
    ("events.yaml", "  title: Iran strikes targets in Pakistan", "  title: {v}"),
    ("events.yaml", "    - text: Iran struck targets in Pakistan, state media reported.",
     "    - text: Iran struck targets in Pakistan. {v}"),
    ("actors.yaml", "  name: Pakistan", "  name: Pakistan {v}"),
    ("actors.yaml", "  aliases: [Islamabad]", "  aliases: [Islamabad, {v}]"),
    ("sources.yaml", "  title: A village mourns", "  title: {v}"),
    ("sources.yaml", "  publisher: Example Paper", "  publisher: {v}"),
    ("sources.yaml", "  kind: news", "  kind: news\n  author: {v}\n  via: {v}"),
]  # fmt: skip


def site_project(project: Project) -> Path:
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, project.root / name)
    shutil.copytree(ROOT / "docs", project.root / "docs")
    sync(plan(load(project.data, root=project.root), project.root / "docs"))
    return project.root


def put(project: Project, value: str) -> None:
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for file, old, new in TEXT_FIELDS:
        if "aliases" in old or "- text:" in old:
            project.replace(file, old, new.format(v=value if "aliases" not in old else quoted))
        else:
            project.replace(file, old, new.format(v=quoted))


@pytest.mark.parametrize("payload", REFUSED)
def test_markup_is_refused_and_nothing_is_built(project: Project, tmp_path: Path, payload) -> None:
    put(project, payload)
    assert "E013" in {p.code for p in project.problems()}
    root = site_project(project)
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "E013" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_inert_text_is_built_as_the_same_characters(project: Project, tmp_path: Path) -> None:
    payload = " ".join(INERT)
    project.replace("events.yaml", "  title: Iran strikes targets in Pakistan",
                    f'  title: "{payload}"')  # fmt: skip
    project.replace("actors.yaml", "  name: Pakistan", f'  name: "Pakistan {payload}"')
    project.replace("sources.yaml", "  publisher: Example Paper", f'  publisher: "{payload}"')
    assert project.problems() == []
    root = site_project(project)
    result = build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("timeline/index.html", "actors/pakistan/index.html", "sources/index.html"):
        text = (tmp_path / "site" / page).read_text(encoding="utf-8")
        body = text[text.index("<article") : text.index("</article>")]
        assert "<strong>bold" not in body and "<em>em" not in body and "<code>code" not in body
        assert "<del>" not in body
        visible = html.unescape(re.sub(r"<[^>]+>", "", body))
        assert "**bold**" in visible and "`code`" in visible and "&amp; &lt;b&gt;" in visible, page
    # the search files hold the same characters as plain text (the worker escapes them)
    sections = [
        s for f in (tmp_path / "site" / "search").glob("x*/d/*.json")
        for s in json.loads(f.read_text(encoding="utf-8"))
    ]  # fmt: skip
    assert any(title == payload for _location, title, _text in sections)
