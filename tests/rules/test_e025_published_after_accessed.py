import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  accessed: 2024-02-01\n  kind: wire", "  accessed: 2024-01-01\n  kind: wire"),
        ("  accessed: 2024-02-01\n  kind: news", "  accessed: 2024-01-17\n  kind: news"),
        ("  accessed: 2024-02-01\n  kind: news", "  accessed: 2020-01-01\n  kind: news"),
    ],
)
def test_accessed_before_published(project: Project, assert_problem, old, new) -> None:
    project.replace("sources.yaml", old, new)
    kind = new.split("kind: ")[1]
    published_line = project.line_of("sources.yaml", "published:", 1 if kind == "wire" else 2)
    assert_problem(project, "E025", "sources.yaml", published_line)


def test_same_day_access_is_fine(project: Project) -> None:
    project.replace(
        "sources.yaml",
        "  accessed: 2024-02-01\n  kind: news",
        "  accessed: 2024-01-18\n  kind: news",
    )
    assert project.only("E025") == []
