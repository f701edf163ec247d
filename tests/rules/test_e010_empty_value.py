import pytest

from conftest import Project

FIRST_CITE = (
    "      cite:\n        - source: wire-2024-01-17\n"
    "          quote: Iran launched attacks on Tuesday in Pakistan\n"
)


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        (FIRST_CITE, "      cite: []\n", "cite: []"),
        ("  title: Iran strikes targets in Pakistan", '  title: ""', 'title: ""'),
        ("  title: Iran strikes targets in Pakistan", "  title:", "title:"),
        ("    - text: Pakistan said two children were killed.", "    - text: '  '", "text: '  '"),
    ],
)
def test_empty_values(project: Project, assert_problem, old, new, needle) -> None:
    project.replace("events.yaml", old, new)
    assert_problem(project, "E010", "events.yaml", project.line_of("events.yaml", needle))


def test_event_without_claims(project: Project, assert_problem) -> None:
    project.write(
        "events.yaml",
        "- id: e\n  date: 2024-01-16\n  title: T\n  actors: []\n  claims: []\n",
    )
    assert_problem(project, "E010", "events.yaml", 5)


def test_actor_may_have_no_claims(project: Project) -> None:
    assert "claims: []" in (project.data / "actors.yaml").read_text()
    assert project.only("E010") == []
