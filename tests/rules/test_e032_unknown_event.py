import pytest

from conftest import Project


@pytest.mark.parametrize("bad", ["iran-strik", "pakistan-strike", "iran-strike"])
def test_bad_related_event(project: Project, assert_problem, bad: str) -> None:
    project.replace(
        "events.yaml",
        "  actors: [iran, pakistan]",
        f"  actors: [iran, pakistan]\n  related: [{bad}]",
    )
    p = assert_problem(project, "E032", "events.yaml", project.line_of("events.yaml", "related:"))
    if bad == "iran-strike":
        assert "itself" in p.message
    if bad == "iran-strik":
        assert 'did you mean "iran-strike"' in p.message


def test_related_existing_event_passes(project: Project) -> None:
    text = (project.data / "events.yaml").read_text()
    second = text.replace("- id: iran-strike", "- id: other").replace(
        "  actors: [iran, pakistan]", "  actors: [iran, pakistan]\n  related: [iran-strike]"
    )
    project.write("events.yaml", text + second)
    assert project.only("E032") == []
