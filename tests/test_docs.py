"""Documentation that cannot rot: every rule tested and documented, commands real,
and prose pages free of facts that bypass the claim checker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from explainer.cli import with_rules
from explainer.rules import RULES

RULE_TESTS = ROOT / "tests" / "rules"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_its_own_test_module(rule) -> None:
    assert list(RULE_TESTS.glob(f"test_{rule.code.lower()}_*.py")), rule.code


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented(rule) -> None:
    assert rule.summary.endswith(".") and len(rule.summary) < 110
    assert f"`{rule.code}`" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_rule_codes_are_unique_and_ordered() -> None:
    codes = [r.code for r in RULES]
    assert codes == sorted(set(codes))
    assert all(re.fullmatch(r"E\d{3}", c) for c in codes)
    assert {r.scope for r in RULES} <= {"dataset", "claim", "event", "cite"}


def test_contributing_rule_table_is_current() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert with_rules(text) == text, "run `.venv/bin/explainer rules --update CONTRIBUTING.md`"


def test_site_contributing_page_lists_rules() -> None:
    assert "{{ rule_table() }}" in (ROOT / "docs" / "contributing.md").read_text()


def test_readme_quick_start_is_two_real_make_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README needs a Quick start code block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "build", "check", "pages", "lock"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()


# --- prose pages state no facts of their own ------------------------------------------

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FACT_MARKERS = re.compile(rf"\b\d+(?:[.,]\d+)*\b|\b(?:{MONTHS})\b")


def prose(path: Path) -> str:
    """The reader-visible prose of a page: no front matter, macros, tags or code."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"\{[^}]*\}", " ", text)  # attribute lists
    text = re.sub(r"^\s*\d+\.\s", "", text, flags=re.M)  # ordered-list markers
    return text


PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT / "docs")) for p in PAGES])
def test_prose_has_no_uncited_numbers_or_dates(page: Path) -> None:
    hits = [m.group(0) for m in FACT_MARKERS.finditer(prose(page))]
    assert not hits, f"{page.name}: facts outside claims: {hits}; put them in data as claims"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("The border is 900 km long.", True),
        ("It happened in January.", True),
        ("In 2024 things changed.", True),
        ("1. First step\n2. Second step", False),
        ("See {{ timeline() }} and `E021`.", False),
    ],
)
def test_prose_detector(tmp_path: Path, text: str, bad: bool) -> None:
    page = tmp_path / "p.md"
    page.write_text(text)
    assert bool(FACT_MARKERS.search(prose(page))) is bad


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT / "docs")) for p in PAGES])
def test_front_matter_parses(page: Path) -> None:
    """MkDocs shows front matter that is not valid YAML as page text, silently."""
    text = page.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if page.parent.name == "actors" and page.name != "index.md":
        assert match is None  # generated actor pages get their description from the macro
        return
    assert match, f"{page.name} has no front matter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict) and meta.get("title") and meta.get("description")
