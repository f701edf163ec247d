"""Every subcommand is documented where contributors look, with its real flags."""

from __future__ import annotations

import argparse
import re

import pytest

from conftest import ROOT
from explainer.cli import build_parser
from explainer.scaffold import KINDS

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_is_in_contributing(command: str) -> None:
    assert f"explainer {command}" in CONTRIBUTING or f"make {command}" in CONTRIBUTING


@pytest.mark.parametrize("command", ["new event", "capture URL --id ID", "verify --online"])
def test_new_commands_are_in_the_readme(command: str) -> None:
    assert f"`.venv/bin/explainer {command}`" in README


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_documented_flags_exist(kind: str) -> None:
    row = next(
        line
        for line in CONTRIBUTING.splitlines()
        if line.startswith("| ") and f"explainer new {kind}`" in line
    )
    flags = {f.flag for f in KINDS[kind].fields}
    documented = set(re.findall(r"`(--[a-z-]+)`", row))
    assert documented and documented <= flags, documented - flags


def options_row(command: str) -> str:
    return next(
        line for line in CONTRIBUTING.splitlines() if line.startswith(f"| `explainer {command}` |")
    )


@pytest.mark.parametrize("command", subcommands())
def test_every_option_is_documented(command: str) -> None:
    """Each option of each command is named in its row of the options table, and the row
    names no option the command lacks (the `new` kinds' flags are checked above)."""
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = {
        flag
        for a in action.choices[command]._actions
        for flag in a.option_strings
        if flag.startswith("--") and flag != "--help"
    }
    documented = set(re.findall(r"`(--[a-z-]+)", options_row(command)))
    assert documented == options


def test_global_options_are_documented() -> None:
    parser = build_parser()
    options = {f for a in parser._actions for f in a.option_strings if f.startswith("--")}
    section = CONTRIBUTING[CONTRIBUTING.index("### Command-line options") :]
    assert {o for o in options if o != "--help"} <= set(re.findall(r"`(--[a-z-]+)", section))
