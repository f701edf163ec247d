import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new", "record_line_needle", "key"),
    [
        ("events.yaml", "  date: 2024-01-16\n", "", "- id: iran-strike", "date"),
        ("sources.yaml", "  url: https://example.com/village\n", "", "- id: paper", "url"),
        ("actors.yaml", "  kind: state\n  aliases", "  aliases", "- id: pakistan", "kind"),
        ("events.yaml", "          quote: killed two children\n", "", "- source: paper", "quote"),
    ],
)
def test_missing_key(project: Project, assert_problem, file, old, new, record_line_needle, key):
    project.replace(file, old, new)
    p = assert_problem(project, "E004", file, project.line_of(file, record_line_needle))
    assert f'"{key}"' in p.message


def test_missing_required_file(project: Project) -> None:
    (project.data / "actors.yaml").unlink()
    (hit,) = project.only("E004")
    assert hit.loc.path == "data/actors.yaml" and "missing required file" in hit.message


def test_optional_files_may_be_absent(project: Project) -> None:
    assert not (project.data / "topics.yaml").exists()
    assert project.only("E004") == []
