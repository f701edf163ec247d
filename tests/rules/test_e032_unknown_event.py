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


CLAIMS = """\
  claims:
    - text: Pakistan said two children were killed.
      cite:
        - source: wire-2024-01-17
          quote: Pakistan said two children were killed
"""


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        ("figures.yaml", "- id: toll\n  event: iran-strik\n" + CLAIMS, "event: iran-strik"),
        (
            "questions.yaml",
            "- id: toll\n  question: How many died?\n  events: [iran-strike, iran-strik]\n"
            + CLAIMS,
            "events:",
        ),
        ("days.yaml", "- event: iran-strik\n- event: iran-strike\n", "event: iran-strik"),
    ],
)
def test_unknown_event_in_home_data(
    project: Project, assert_problem, name: str, text: str, needle: str
) -> None:
    project.write(name, text)
    p = assert_problem(project, "E032", name, project.line_of(name, needle))
    assert 'did you mean "iran-strike"' in p.message
    assert len(project.only("E032")) == 1


def test_home_data_naming_existing_events_passes(project: Project) -> None:
    project.write("figures.yaml", "- id: toll\n  event: iran-strike\n" + CLAIMS)
    project.write("days.yaml", "- event: iran-strike\n")
    assert project.problems() == []
