from conftest import Project


def test_duplicate_event_id(project: Project, assert_problem) -> None:
    text = (project.data / "events.yaml").read_text()
    project.write("events.yaml", text + text)
    assert_problem(project, "E007", "events.yaml", project.line_of("events.yaml", "- id:", 2))


def test_duplicate_source_id(project: Project, assert_problem) -> None:
    project.replace("sources.yaml", "- id: paper-2024-01-18", "- id: wire-2024-01-17")
    p = assert_problem(project, "E007", "sources.yaml", project.line_of("sources.yaml", "- id:", 2))
    assert "first on line 1" in p.message


def test_duplicate_actor_id(project: Project, assert_problem) -> None:
    project.replace("actors.yaml", "- id: pakistan", "- id: iran")
    assert_problem(project, "E007", "actors.yaml", project.line_of("actors.yaml", "- id: iran", 2))


def test_duplicate_claim_id_within_event(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml", "    - text: Iran struck", "    - id: c1\n      text: Iran struck"
    )
    project.replace(
        "events.yaml", "    - text: Pakistan said", "    - id: c1\n      text: Pakistan said"
    )
    assert_problem(project, "E007", "events.yaml", project.line_of("events.yaml", "- id: c1", 2))


def test_same_id_in_different_files_is_fine(project: Project) -> None:
    project.replace("events.yaml", "- id: iran-strike", "- id: iran")
    assert project.only("E007") == []
