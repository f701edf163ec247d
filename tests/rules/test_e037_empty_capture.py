import pytest

from conftest import Project


@pytest.mark.parametrize("text", ["", "\n\n", "[…]\n", "---\nurl: https://example.org\n---\n"])
def test_empty_capture(project: Project, text: str) -> None:
    project.write("captures/paper-2024-01-18.txt", text)
    hits = project.only("E037")
    assert [p.loc.path for p in hits] == ["data/captures/paper-2024-01-18.txt"]


def test_header_is_not_matched_as_evidence(project: Project) -> None:
    project.write(
        "captures/paper-2024-01-18.txt",
        "---\nurl: https://example.com/village\nnote: killed two children\n---\n"
        "The strike killed two children.\n",
    )
    assert project.only("E037") == [] and project.only("E020") == []
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: https://example.com/village",
    )
    assert project.only("E020")
