"""The command line: output contract, exit codes, formats."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import Project
from explainer.cli import main
from explainer.rules import RULES

LINE = re.compile(r"^data/[\w/.-]+:\d+:\d+: E\d{3} .+$")


def run(project: Project, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_data_exits_zero(project: Project, capsys) -> None:
    code, out, err = run(project, "check", capsys=capsys)
    assert (code, out) == (0, "")
    assert "0 error(s)" in err


def test_errors_exit_one_with_contract_lines(project: Project, capsys) -> None:
    project.replace("events.yaml", "  actors: [iran, pakistan]", "  actors: [iran, pakistn]")
    project.replace("events.yaml", "Pakistan said two children", "Pakistan said three children")
    code, out, _ = run(project, "check", capsys=capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    assert any(" E031 " in line and "pakistn" in line for line in lines)
    assert any(" E021 " in line for line in lines)


@pytest.mark.parametrize(
    ("break_it", "code"),
    [
        (lambda p: (p.data / "captures" / "paper-2024-01-18.txt").unlink(), "E033"),
        (lambda p: p.replace("events.yaml", "[iran, pakistan]", "[iran, pakistann]"), "E031"),
        (lambda p: p.replace("events.yaml", "  title:", "  title: x\n  title:"), "E002"),
    ],
)
def test_acceptance_breakages_are_reported(project: Project, capsys, break_it, code) -> None:
    break_it(project)
    status, out, _ = run(project, "check", capsys=capsys)
    assert status == 1
    assert re.search(rf"^data/[\w/.-]+\.(yaml|txt):\d+:\d+: {code} ", out, re.M), out


def test_github_format(project: Project, capsys) -> None:
    project.replace("events.yaml", "[iran, pakistan]", "[iran, pakistn]")
    code, out, _ = run(project, "check", "--format", "github", capsys=capsys)
    assert code == 1
    assert re.match(r"^::error file=data/events\.yaml,line=4,col=\d+,title=E031::E031 ", out)


def test_github_format_escapes_newlines(project: Project, capsys) -> None:
    project.write("events.yaml", "- id: a\n  title: [unclosed\n")
    _, out, _ = run(project, "check", "--format", "github", capsys=capsys)
    assert all(line.startswith("::") for line in out.strip().splitlines())


def test_rules_lists_every_code(capsys) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert rule.code in out and rule.summary in out


def test_rules_markdown(capsys) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.count("| `E") == len(RULES)


def test_no_traceback_on_missing_data_dir(tmp_path, capsys) -> None:
    code = main(["--root", str(tmp_path), "check"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    assert "E004 missing required file events.yaml" in out


def test_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer.cli", "rules"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "E020" in result.stdout
