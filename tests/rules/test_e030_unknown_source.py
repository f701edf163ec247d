import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("bad", "suggest"),
    [("wire-2024-01-71", "wire-2024-01-17"), ("paper", ""), ("reuters-2024-01-17", "")],
)
def test_unknown_source(project: Project, assert_problem, bad: str, suggest: str) -> None:
    project.replace("events.yaml", "        - source: paper-2024-01-18", f"        - source: {bad}")
    p = assert_problem(project, "E030", "events.yaml", project.line_of("events.yaml", bad))
    if suggest:
        assert f'did you mean "{suggest}"' in p.message


def test_unknown_source_in_actor_claim(project: Project, assert_problem) -> None:
    project.replace("actors.yaml", "        - source: wire-2024-01-17", "        - source: nowhere")
    assert_problem(project, "E030", "actors.yaml", project.line_of("actors.yaml", "nowhere"))


def test_known_sources_pass(project: Project) -> None:
    assert project.only("E030") == []
