import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new", "needle"),
    [
        ("events.yaml", "- id: iran-strike", "- id: Iran_Strike", "Iran_Strike"),
        ("actors.yaml", "- id: pakistan", "- id: pakistan--state", "pakistan--state"),
        ("sources.yaml", "- id: paper-2024-01-18", "- id: paper 2024", "paper 2024"),
        (
            "events.yaml",
            "  actors: [iran, pakistan]",
            "  actors: [iran, pakistan]\n  tags: [Big Strike]",
            "Big Strike",
        ),
    ],
)
def test_invalid_slug(project: Project, assert_problem, file, old, new, needle) -> None:
    project.replace(file, old, new)
    p = assert_problem(project, "E006", file, project.line_of(file, needle))
    assert "such as" in p.message


@pytest.mark.parametrize("good", ["a", "a1", "iran-strike-2024-01-16", "x-y-z"])
def test_valid_slugs_pass(project: Project, good: str) -> None:
    project.replace("events.yaml", "- id: iran-strike", f"- id: {good}")
    assert project.only("E006") == []
