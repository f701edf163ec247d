"""The template `explainer init` writes from stays in step with the flagship: what they share
is the same text, the same settings and the same locked versions."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from explainer.newproject import TEMPLATE, template_files

_spec = importlib.util.spec_from_file_location("sync_template", ROOT / "tools" / "sync_template.py")
assert _spec and _spec.loader
sync_template = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sync_template)

# What a new project sets for itself in mkdocs.yml; everything else is the flagship's.
SITE_SETTINGS = {"site_name", "site_description", "site_url", "nav"}


@pytest.mark.parametrize(
    "path", sorted(sync_template.expected()), ids=lambda p: str(p.relative_to(TEMPLATE))
)
def test_shared_files_match_the_flagship(path: Path) -> None:
    expected = sync_template.expected()[path]
    assert path.exists() and path.read_text(encoding="utf-8") == expected, (
        f"{path.relative_to(ROOT)} differs from the flagship's; run `make template`"
    )


def test_every_flagship_workflow_is_in_the_template() -> None:
    assert sync_template.workflows(), "the flagship has workflows"
    assert sync_template.stale_workflows() == [], "run `make template`"


def test_shared_sections_are_found() -> None:
    """The sectioned copy really compares something: the method page shares sections."""
    flagship = sync_template.sections((ROOT / "docs" / "methodology.md").read_text("utf-8"))
    template = sync_template.sections((TEMPLATE / "docs" / "methodology.md").read_text("utf-8"))
    assert len(set(flagship) & set(template)) >= 3


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def mkdocs_config(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8").replace("%%TITLE_YAML%%", '"T"')
    return yaml.load(text, Loader=_Loader)


def test_mkdocs_settings_are_the_flagships_but_the_sites_own() -> None:
    ours, theirs = mkdocs_config(ROOT / "mkdocs.yml"), mkdocs_config(TEMPLATE / "mkdocs.yml")
    assert set(ours) == set(theirs)
    # the timeline's focus window is the site's own (a new project has no events yet)
    assert "focus" not in theirs["extra"]["explainer"]
    ours["extra"]["explainer"].pop("focus", None)
    for key in set(ours) - SITE_SETTINGS:
        assert theirs[key] == ours[key], f"mkdocs.yml {key}: the template differs from the site"
    pages = [next(iter(item.values())) for item in theirs["nav"]]
    for page in pages:
        assert (TEMPLATE / "docs" / page).is_file(), page
    # every page a new project has is in its navigation
    docs = {p.relative_to(TEMPLATE / "docs").as_posix() for p in (TEMPLATE / "docs").rglob("*.md")}
    assert docs == set(pages)


def pins(lock: str) -> dict[str, tuple[str, list[str]]]:
    out = {}
    for m in re.finditer(r"^([A-Za-z0-9._-]+)==(\S+)((?:\s*\\\n\s+--hash=\S+)+)", lock, re.M):
        out[m[1].lower()] = (m[2], sorted(re.findall(r"--hash=(\S+)", m[3])))
    return out


def test_new_projects_lock_the_flagships_versions() -> None:
    ours = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    theirs = pins((TEMPLATE / "requirements.lock").read_text(encoding="utf-8"))
    assert {"mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pyyaml", "pytest"} <= set(theirs)
    differ = sorted(name for name, pin in theirs.items() if ours.get(name) != pin)
    assert not differ, f"pinned differently from requirements.lock: {differ}; run `make lock`"


def requirements(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    reqs = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return {re.split(r"[<>=!~ ]", r, maxsplit=1)[0]: r for r in reqs}


def test_new_projects_require_what_the_flagship_requires() -> None:
    ours, theirs = (
        requirements(ROOT / "requirements.in"),
        requirements(TEMPLATE / "requirements.in"),
    )
    for name, requirement in theirs.items():
        assert ours.get(name) == requirement, name


def test_the_makefile_has_the_flagships_targets_and_stamp() -> None:
    makefile = (TEMPLATE / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w.-]*):", makefile, re.M))
    assert {"serve", "build", "check", "test", "pages", "lock"} <= targets
    # the shared workflows install with `make .venv/.installed`
    assert "VENV ?= .venv" in makefile and "STAMP := $(VENV)/.installed" in makefile
    assert "EXPLAINER ?= %%GENERATOR%%" in makefile


def test_the_template_ships_no_flagship_content() -> None:
    words = re.compile(r"iran|pakistan|balochistan|baloch|jaish|tehran|islamabad", re.I)
    for rel in template_files():
        text = (TEMPLATE / rel).read_text(encoding="utf-8")
        assert not words.search(text), f"{rel}: {words.search(text)}"


def test_the_package_knows_no_subject() -> None:
    """The generator's code, theme and assets name no place, party or group of any site."""
    words = re.compile(r"iran|pakistan|balochistan|baloch|jaish|tehran|islamabad", re.I)
    package = ROOT / "src" / "explainer"
    files = [
        p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".html", ".js", ".css"}
    ]
    assert len(files) > 40
    for path in files:
        match = words.search(path.read_text(encoding="utf-8"))
        assert not match, f"{path.relative_to(ROOT)}: {match}"


def makefile_targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([a-z.$][\w.()/-]*):", makefile, re.M))


def test_every_make_target_the_workflows_run_exists_in_a_new_project() -> None:
    """The workflows are the flagship's: a target they call that a new project's Makefile
    lacks would break its CI on the first push."""
    targets = makefile_targets((TEMPLATE / "Makefile").read_text(encoding="utf-8"))
    targets = {t.replace("$(STAMP)", ".venv/.installed") for t in targets}
    called = set()
    for path in [TEMPLATE / "dot-ci" / "run", *(TEMPLATE / "dot-github" / "workflows").glob("*")]:
        called |= set(re.findall(r"\bmake ([a-z.][\w./-]*)", path.read_text(encoding="utf-8")))
    assert {"test", "check", "build", ".venv/.installed"} <= called
    assert called <= targets, called - targets


def test_the_readme_starts_with_two_real_make_targets() -> None:
    readme = (TEMPLATE / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```sh") : readme.index("```", readme.index("```sh") + 5)]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:]]
    assert commands == ["make serve", "make test"]
    targets = makefile_targets((TEMPLATE / "Makefile").read_text(encoding="utf-8"))
    assert {"serve", "test"} <= targets
