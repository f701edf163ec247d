import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("bad", "suggest"), [("pakistn", "pakistan"), ("irna", "iran"), ("usa", "")]
)
def test_unknown_actor_in_event(project: Project, assert_problem, bad: str, suggest: str) -> None:
    project.replace(
        "events.yaml", "  actors: [iran, pakistan]", f"  actors:\n    - iran\n    - {bad}"
    )
    line = project.line_of("events.yaml", f"    - {bad}")
    p = assert_problem(project, "E031", "events.yaml", line)
    assert p.loc.col == 7
    if suggest:
        assert f'did you mean "{suggest}"' in p.message


def test_unknown_actor_in_relation(project: Project, assert_problem) -> None:
    project.replace(
        "actors.yaml",
        "  claims: []",
        "  claims: []\n  relations:\n    - actor: irn\n      type: neighbour of\n"
        "      cite:\n        - source: wire-2024-01-17\n          quote: Iran and Pakistan share",
    )
    assert_problem(project, "E031", "actors.yaml", project.line_of("actors.yaml", "actor: irn"))


def test_known_actors_pass(project: Project) -> None:
    assert project.only("E031") == []


def test_unknown_actor_in_question(project: Project, assert_problem) -> None:
    project.write(
        "questions.yaml",
        """\
        - id: why
          question: Why did Iran strike?
          actors: [iran, pakistn]
          claims:
            - text: Iran struck targets in Pakistan, state media reported.
              cite:
                - source: wire-2024-01-17
                  quote: Iran launched attacks on Tuesday in Pakistan
        """,
    )
    p = assert_problem(project, "E031", "questions.yaml", 3)
    assert 'did you mean "pakistan"' in p.message
    assert len(project.only("E031")) == 1
