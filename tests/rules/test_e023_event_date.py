import pytest

from conftest import Project


@pytest.mark.parametrize("date", ["2024-01-15", "2024-01-10", "2023-01-16", "2024-01-17"])
def test_event_date_not_supported(project: Project, assert_problem, date: str) -> None:
    project.replace("events.yaml", "  date: 2024-01-16", f"  date: {date}")
    p = assert_problem(project, "E023", "events.yaml", project.line_of("events.yaml", "  date:"))
    assert date in p.message


def test_weekday_resolves_to_event_date(project: Project) -> None:
    # "Tuesday" in a source published on Wednesday 17 January 2024 is the 16th
    assert project.only("E023") == []


def test_explicit_date_in_other_source_supports(project: Project) -> None:
    project.replace(
        "events.yaml",
        "          quote: Iran launched attacks on Tuesday in Pakistan",
        "          quote: Iran launched attacks",
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: The strike on January 16 killed two children",
    )
    assert project.only("E023") == []


def test_no_date_anywhere(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml",
        "          quote: Iran launched attacks on Tuesday in Pakistan",
        "          quote: Iran launched attacks",
    )
    assert_problem(project, "E023", "events.yaml", project.line_of("events.yaml", "  date:"))
