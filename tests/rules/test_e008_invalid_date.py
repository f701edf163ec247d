import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("events.yaml", "  date: 2024-01-16", "  date: 2024-02-30"),
        ("events.yaml", "  date: 2024-01-16", "  date: 16/01/2024"),
        ("sources.yaml", "  published: 2024-01-18", "  published: 2024-1-18"),
        (
            "sources.yaml",
            "  accessed: 2024-02-01\n  kind: news",
            "  accessed: 2024-13-01\n  kind: news",
        ),
    ],
)
def test_invalid_date(project: Project, assert_problem, file, old, new) -> None:
    project.replace(file, old, new)
    line = project.line_of(file, new.strip().splitlines()[0])
    p = assert_problem(project, "E008", file, line)
    assert "YYYY-MM-DD" in p.message


def test_leap_day_is_valid(project: Project) -> None:
    project.replace(
        "sources.yaml",
        "  accessed: 2024-02-01\n  kind: news",
        "  accessed: 2024-02-29\n  kind: news",
    )
    assert project.only("E008") == []


def test_quoted_date_is_accepted(project: Project) -> None:
    project.replace("events.yaml", "  date: 2024-01-16", '  date: "2024-01-16"')
    assert project.only("E008") == [] and project.only("E005") == []
