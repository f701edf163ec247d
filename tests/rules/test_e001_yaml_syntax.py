import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("- id: a\n  title: [unclosed\n", 3),
        ("- id: a\n   title: bad indent\n  kind: x\n", 2),
        ("- id: a\n\ttitle: tab\n", 2),
        ("- &a [*a]\n", 1),
        ("- id: a\n---\n- id: b\n", 2),
    ],
)
def test_broken_yaml_is_reported_with_position(project: Project, text: str, line: int) -> None:
    project.write("events.yaml", text)
    hits = project.only("E001")
    assert hits, project.problems()
    assert hits[0].loc.path == "data/events.yaml"
    assert abs(hits[0].loc.line - line) <= 1


def test_invalid_utf8_names_the_line(project: Project) -> None:
    (project.data / "actors.yaml").write_bytes(b"- id: iran\n  name: Ir\xffan\n")
    (hit,) = project.only("E001")
    assert (hit.loc.path, hit.loc.line) == ("data/actors.yaml", 2)
    assert "UTF-8" in hit.message


def test_valid_yaml_with_comments_and_bom_passes(project: Project) -> None:
    text = (project.data / "sources.yaml").read_text()
    (project.data / "sources.yaml").write_text("\ufeff# sources\n" + text, encoding="utf-8")
    assert project.only("E001") == []
