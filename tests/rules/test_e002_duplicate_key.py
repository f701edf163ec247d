import pytest

from conftest import EVENTS, Project


@pytest.mark.parametrize(
    ("old", "new", "needle", "occurrence"),
    [
        ("  title: Iran strikes", "  date: 2024-01-17\n  title: Iran strikes", "date:", 2),
        ("  actors: [iran, pakistan]", "  actors: [iran]\n  actors: [pakistan]", "actors:", 2),
        (
            "          quote: killed two children",
            "          quote: killed two children\n          quote: two children",
            "quote: two children",
            1,
        ),
    ],
)
def test_duplicate_key_reported_on_second_occurrence(
    project: Project, assert_problem, old: str, new: str, needle: str, occurrence: int
) -> None:
    project.replace("events.yaml", old, new)
    line = project.line_of("events.yaml", needle, occurrence)
    p = assert_problem(project, "E002", "events.yaml", line)
    assert "first on line" in p.message


def test_same_key_in_different_records_is_fine(project: Project) -> None:
    assert EVENTS.count("  title:") == 1
    assert project.only("E002") == []
