import pytest

from conftest import Project


@pytest.mark.parametrize("source", ["wire-2024-01-17", "paper-2024-01-18"])
def test_deleted_capture(project: Project, assert_problem, source: str) -> None:
    (project.data / "captures" / f"{source}.txt").unlink()
    p = assert_problem(project, "E033", "sources.yaml", project.line_of("sources.yaml", source))
    assert f"data/captures/{source}.txt" in p.message


def test_renamed_capture(project: Project, assert_problem) -> None:
    cap = project.data / "captures" / "paper-2024-01-18.txt"
    cap.rename(cap.with_suffix(".md"))
    assert_problem(project, "E033", "sources.yaml", project.line_of("sources.yaml", "paper-2024"))


def test_uncited_source_needs_no_capture(project: Project) -> None:
    project.replace(
        "sources.yaml",
        "  kind: news",
        "  kind: news\n- id: spare\n  title: t\n  publisher: p\n  published: 2024-01-01\n"
        "  url: https://example.net\n  accessed: 2024-01-02\n  kind: news",
    )
    assert project.only("E033") == []
