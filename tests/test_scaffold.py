"""`explainer new`: skeletons that fit the contract, prompts in a terminal, files never
corrupted."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import Project
from explainer.cli import main
from explainer.scaffold import PLACEHOLDER_SOURCE

GOOD_EVENT = [
    "--date",
    "2024-01-16",
    "--title",
    "Iran attacks targets in Pakistan",
    "--actors",
    "iran, pakistan",
    "--text",
    "Iran launched attacks in Pakistan on Tuesday.",
    "--source",
    "wire-2024-01-17",
    "--quote",
    "Iran launched attacks on Tuesday in Pakistan",
]


def run(project: Project, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest's stdin is not a terminal, but make sure of it: prompts are opt-in per test
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_complete_event_passes_the_checker(project: Project, capsys) -> None:
    code, out, err = run(project, "new", "event", "--id", "attack", *GOOD_EVENT, capsys=capsys)
    assert (code, err) == (0, "")
    line = project.line_of("events.yaml", "- id: attack")
    assert f'added event "attack" at data/events.yaml:{line}' in out
    assert project.problems() == []
    events = yaml.safe_load((project.data / "events.yaml").read_text(encoding="utf-8"))
    assert events[-1]["actors"] == ["iran", "pakistan"]
    assert events[-1]["claims"][0]["cite"][0]["source"] == "wire-2024-01-17"


def test_id_defaults_to_the_title(project: Project, capsys) -> None:
    assert run(project, "new", "event", *GOOD_EVENT, capsys=capsys)[0] == 0
    assert project.line_of("events.yaml", "- id: iran-attacks-targets-in-pakistan")


def test_skeleton_placeholders_are_reported_at_their_lines(project: Project, capsys) -> None:
    code, out, _ = run(
        project, "new", "event", "--id", "x", "--date", "2024-01-16", "--title", "T", capsys=capsys
    )
    assert code == 0
    assert "Replace the placeholder text, source, quote" in out
    problems = project.problems()
    placeholder = project.line_of("events.yaml", PLACEHOLDER_SOURCE)
    assert any(p.code == "E030" and p.loc.line == placeholder for p in problems), problems
    # the shape is right: only what the contributor still has to fill in is reported
    assert {p.code for p in problems} <= {"E020", "E023", "E030"}, problems


def test_duplicate_id_refused_and_file_untouched(project: Project, capsys) -> None:
    before = (project.data / "events.yaml").read_bytes()
    code, out, err = run(project, "new", "event", "--id", "iran-strike", *GOOD_EVENT, capsys=capsys)
    assert code == 1 and out == ""
    assert 'data/events.yaml:1: an event with id "iran-strike" already exists' in err
    assert (project.data / "events.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["event", "--id", "Bad Id", "--date", "2024-01-16", "--title", "T"], 'try "bad-id"'),
        (["event", "--id", "a", "--date", "2024-02-30", "--title", "T"], "not a real date"),
        (["event", "--id", "a", "--date", "2024-01-16", "--title", " "], "--title is empty"),
        (["actor", "--name", "X", "--kind", "country"], "not one of state, armed-group"),
        (
            ["source", "--url", "ftp://x.org/a", "--title", "T", "--publisher", "P"],
            "not an absolute http:// or https:// URL",
        ),
        (["event", "--title", "T"], "missing --date; pass them as flags"),
        (["source", "--title", "T"], "missing --url, --publisher, --published, --id, --kind"),
    ],
)
def test_bad_or_missing_values_are_clear_errors(
    project: Project, capsys, args: list[str], message: str
) -> None:
    files = {p: p.read_bytes() for p in project.data.glob("*.yaml")}
    code, out, err = run(project, "new", *args, capsys=capsys)
    assert (code, out) == (1, "") and message in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in project.data.glob("*.yaml")} == files


def test_broken_file_is_not_touched(project: Project, capsys) -> None:
    project.write("events.yaml", "- id: a\n  title: [unclosed\n")
    before = (project.data / "events.yaml").read_bytes()
    code, _, err = run(project, "new", "event", "--id", "b", *GOOD_EVENT, capsys=capsys)
    assert code == 1 and "data/events.yaml:" in err and "E001" in err and "fix that first" in err
    assert (project.data / "events.yaml").read_bytes() == before


def test_flow_style_list_is_not_corrupted(project: Project, capsys) -> None:
    project.write("sources.yaml", "[]\n")
    code, _, err = run(
        project,
        "new",
        "source",
        *["--id", "s", "--url", "https://example.net/a", "--title", "T"],
        *["--publisher", "P", "--published", "2024-01-01", "--kind", "news"],
        capsys=capsys,
    )
    assert code == 1 and "cannot append safely" in err
    assert (project.data / "sources.yaml").read_text() == "[]\n"


def test_file_without_final_newline(project: Project, capsys) -> None:
    path = project.data / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert run(project, "new", "event", "--id", "attack", *GOOD_EVENT, capsys=capsys)[0] == 0
    assert project.problems() == []


def test_new_source_points_to_capture_and_creates_no_capture(project: Project, capsys) -> None:
    code, out, _ = run(
        project,
        "new",
        "source",
        *["--id", "paper-2024-01-19", "--url", "https://example.net/a", "--title", "Follow-up"],
        *["--publisher", "Example Net", "--published", "2024-01-19", "--kind", "news"],
        *["--author", "A. Writer", "--accessed", "2024-02-02"],
        capsys=capsys,
    )
    assert code == 0
    assert "explainer capture https://example.net/a --id paper-2024-01-19" in out
    assert "E037" in out
    assert not (project.data / "captures" / "paper-2024-01-19.txt").exists()
    sources = yaml.safe_load((project.data / "sources.yaml").read_text(encoding="utf-8"))
    assert list(sources[-1]) == [
        "id",
        "title",
        "publisher",
        "author",
        "published",
        "url",
        "accessed",
        "kind",
    ]
    # unused and uncaptured, but well formed
    assert {p.code for p in project.problems()} == {"E035"}


def test_new_actor(project: Project, capsys) -> None:
    code, out, _ = run(
        project,
        "new",
        "actor",
        *["--name", "Jaish al-Adl", "--kind", "armed-group", "--aliases", "Army of Justice"],
        capsys=capsys,
    )
    assert code == 0 and 'added actor "jaish-al-adl"' in out and "make pages" in out
    actors = yaml.safe_load((project.data / "actors.yaml").read_text(encoding="utf-8"))
    assert actors[-1] == {
        "id": "jaish-al-adl",
        "name": "Jaish al-Adl",
        "kind": "armed-group",
        "aliases": ["Army of Justice"],
        "claims": [],
    }
    assert project.problems() == []


def test_warns_about_unknown_references(project: Project, capsys) -> None:
    args = ["--id", "a", "--date", "2024-01-16", "--title", "T", "--actors", "iran,baluch"]
    code, out, _ = run(project, "new", "event", *args, "--source", "nope", capsys=capsys)
    assert code == 0
    assert "note: not in data/actors.yaml yet: baluch" in out
    assert "note: not in data/sources.yaml yet: nope" in out


def test_missing_file_is_created_with_its_modeline(project: Project, capsys) -> None:
    (project.data / "actors.yaml").unlink()
    assert run(project, "new", "actor", "--name", "Iran", "--kind", "state", capsys=capsys)[0] == 0
    first = (project.data / "actors.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/actors.schema.json"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_prompts_in_a_terminal(project: Project, capsys, monkeypatch) -> None:
    answers = iter(
        [
            "16 Jan",  # not a date: asked again
            "2024-01-16",
            "Iran attacks targets in Pakistan",
            "",  # id: take the default from the title
            "iran,pakistan",
            "Iran launched attacks in Pakistan on Tuesday.",
            "wire-2024-01-17",
            "Iran launched attacks on Tuesday in Pakistan",
        ]
    )
    asked: list[str] = []

    def fake_input(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys, "stdin", FakeTerminal())
    monkeypatch.setattr("builtins.input", fake_input)
    code, out, _ = run(project, "new", "event", capsys=capsys)
    assert code == 0, out
    assert "not a real date" in out
    assert asked[3] == "id (lowercase words joined by -) [iran-attacks-targets-in-pakistan]: "
    assert project.problems() == []


def test_end_of_input_aborts_without_writing(project: Project, capsys, monkeypatch) -> None:
    before = (project.data / "events.yaml").read_bytes()
    monkeypatch.setattr(sys, "stdin", FakeTerminal())

    def eof(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    code, _, err = run(project, "new", "event", capsys=capsys)
    assert code == 1 and "aborted; nothing was written" in err
    assert (project.data / "events.yaml").read_bytes() == before


def test_real_terminal_session(project: Project) -> None:
    """The installed command under a pseudo-terminal, answered line by line."""
    explainer = Path(sys.executable).parent / "explainer"
    primary, secondary = os.openpty()
    proc = subprocess.Popen(
        [str(explainer), "--root", str(project.root), "new", "actor"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        close_fds=True,
    )
    os.close(secondary)
    output = b""
    answers = [b"Balochistan Liberation Army\n", b"\n", b"armed-group\n", b"BLA\n"]
    sent = 0
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([primary], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(primary, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
                # every prompt ends with ": "; answer each one once
                while answers and sent < output.count(b": "):
                    os.write(primary, answers.pop(0))
                    sent += 1
            elif proc.poll() is not None:
                break
    finally:
        os.close(primary)
        proc.wait(timeout=10)
    text = output.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    assert "name shown to readers" in text and "[balochistan-liberation-army]" in text
    actors = yaml.safe_load((project.data / "actors.yaml").read_text(encoding="utf-8"))
    assert actors[-1]["aliases"] == ["BLA"]
