import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("actors", "claim"),
    [
        ("[iran]", "Pakistan said two children were killed."),
        ("[pakistan]", "Iran struck targets in Pakistan, state media reported."),
        ("[iran]", "Islamabad said two children were killed."),  # by alias
    ],
)
def test_named_actor_missing(project: Project, assert_problem, actors: str, claim: str) -> None:
    project.replace("events.yaml", "  actors: [iran, pakistan]", f"  actors: {actors}")
    if claim.startswith("Islamabad"):
        project.replace("events.yaml", "Pakistan said two children were killed.", claim)
    p = assert_problem(project, "E036", "events.yaml", project.line_of("events.yaml", claim[:12]))
    assert "add it to the event's actors" in p.message


def test_adjective_is_not_a_name(project: Project) -> None:
    project.replace("events.yaml", "  actors: [iran, pakistan]", "  actors: [pakistan]")
    project.replace(
        "events.yaml",
        "Iran struck targets in Pakistan, state media reported.",
        "Iranian state media reported strikes in Pakistan.",
    )
    assert project.only("E036") == []


def test_actor_claims_may_name_anyone(project: Project) -> None:
    assert "Pakistan" in (project.data / "actors.yaml").read_text()
    assert project.only("E036") == []
