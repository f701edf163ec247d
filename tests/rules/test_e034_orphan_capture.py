import pytest

from conftest import Project


@pytest.mark.parametrize("name", ["wire-2024-01-71", "stray", "paper-2024-01-18-old"])
def test_capture_without_source(project: Project, name: str) -> None:
    project.write(f"captures/{name}.txt", "Some text.\n")
    (p,) = project.only("E034")
    assert (p.loc.path, p.loc.line) == (f"data/captures/{name}.txt", 1)


def test_suggests_close_source(project: Project) -> None:
    project.write("captures/wire-2024-01-71.txt", "Some text.\n")
    (p,) = project.only("E034")
    assert 'did you mean "wire-2024-01-17"' in p.message


def test_matching_captures_pass(project: Project) -> None:
    assert project.only("E034") == []
