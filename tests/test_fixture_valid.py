"""The fixture dataset itself passes: every rule test starts from a clean slate."""

from conftest import Project


def test_fixture_dataset_has_no_problems(project: Project) -> None:
    assert [str(p) for p in project.problems()] == []
