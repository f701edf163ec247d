import pytest

from conftest import Project

PAPER = "The strike killed four children, residents said. Nine people died in all.\n"


def _disagree(project: Project, claim: str, quote: str = "killed four children") -> None:
    project.write("captures/paper-2024-01-18.txt", PAPER)
    project.replace(
        "events.yaml", "          quote: killed two children", f"          quote: {quote}"
    )
    project.replace(
        "events.yaml", "    - text: Pakistan said two children were killed.", f"    - text: {claim}"
    )


@pytest.mark.parametrize(
    "claim",
    [
        "Children were killed in the strike.",
        "Pakistan said two children were killed.",
        "Residents said four children were killed.",
    ],
)
def test_hidden_disagreement(project: Project, assert_problem, claim: str) -> None:
    _disagree(project, claim)
    p = assert_problem(project, "E026", "events.yaml", project.line_of("events.yaml", claim[:15]))
    assert '"child"' in p.message and "contested" in p.message


@pytest.mark.parametrize(
    "claim",
    [
        "Pakistan said two children were killed; residents said four.",
    ],
)
def test_both_figures_stated(project: Project, claim: str) -> None:
    _disagree(project, claim)
    assert project.only("E026") == []


def test_contested_marker_discloses(project: Project) -> None:
    _disagree(project, "Pakistan said two children were killed.")
    project.replace(
        "events.yaml",
        "    - text: Pakistan said two children were killed.",
        "    - text: Pakistan said two children were killed.\n      contested: true",
    )
    assert project.only("E026") == []


def test_same_figures_agree(project: Project) -> None:
    assert project.only("E026") == []


def test_different_things_do_not_disagree(project: Project) -> None:
    _disagree(
        project,
        "Pakistan said two children were killed; nine people died.",
        quote="Nine people died in all",
    )
    assert project.only("E026") == []
