import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new", "needle"),
    [
        ("events.yaml", "  actors: [iran, pakistan]", "  actors: iran", "actors: iran"),
        (
            "events.yaml",
            "  title: Iran strikes targets in Pakistan",
            "  title: 1984",
            "title: 1984",
        ),
        ("actors.yaml", "  claims: []", "  claims: {}", "claims: {}"),
        (
            "events.yaml",
            "    - text: Pakistan said two children were killed.",
            "    - text: [Pakistan, said]",
            "text: [Pakistan",
        ),
    ],
)
def test_wrong_type(project: Project, assert_problem, file, old, new, needle) -> None:
    project.replace(file, old, new)
    assert_problem(project, "E005", file, project.line_of(file, needle))


def test_file_must_be_a_list(project: Project, assert_problem) -> None:
    project.write("events.yaml", "id: iran-strike\ndate: 2024-01-16\n")
    p = assert_problem(project, "E005", "events.yaml", 1)
    assert "must be a list" in p.message


def test_number_as_text_gets_a_quoting_hint(project: Project) -> None:
    project.replace("events.yaml", "  title: Iran strikes targets in Pakistan", "  title: 1984")
    (hit,) = project.only("E005")
    assert "quotes" in hit.message


def test_quoted_number_is_text(project: Project) -> None:
    project.replace("events.yaml", "  title: Iran strikes targets in Pakistan", '  title: "1984"')
    assert project.only("E005") == []
