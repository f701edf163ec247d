import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("source", "published"),
    [
        ("wire-2024-01-17", "2024-01-15"),
        ("paper-2024-01-18", "2024-01-01"),
        ("paper-2024-01-18", "2023-12-31"),
    ],
)
def test_source_published_before_event(project: Project, assert_problem, source, published):
    block = "  published: 2024-01-17" if source.startswith("wire") else "  published: 2024-01-18"
    project.replace("sources.yaml", block, f"  published: {published}")
    line = project.line_of("events.yaml", f"- source: {source}")
    p = assert_problem(project, "E024", "events.yaml", line)
    assert published in p.message


def test_same_day_report_is_fine(project: Project) -> None:
    project.replace("sources.yaml", "  published: 2024-01-17", "  published: 2024-01-16")
    assert project.only("E024") == []
