import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "suggest"),
    [
        ("events.yaml", "  title: Iran", "  titel: Iran", "titel:", "title"),
        (
            "sources.yaml",
            "  kind: wire",
            "  kind: wire\n  publised: 2024-01-17",
            "publised",
            "published",
        ),
        (
            "events.yaml",
            "          quote: killed two children",
            "          quote: killed two children\n          qoute: x",
            "qoute",
            "quote",
        ),
        (
            "actors.yaml",
            "  kind: state\n  aliases",
            "  kind: state\n  colour: red\n  aliases",
            "colour",
            "",
        ),
    ],
)
def test_unknown_key(project: Project, assert_problem, file, old, new, needle, suggest) -> None:
    project.replace(file, old, new)
    p = assert_problem(project, "E003", file, project.line_of(file, needle))
    if suggest:
        assert f'did you mean "{suggest}"' in p.message


def test_optional_keys_are_known(project: Project) -> None:
    project.replace(
        "events.yaml",
        "  actors: [iran, pakistan]",
        "  actors: [iran, pakistan]\n  tags: [strike]\n  related: []",
    )
    project.replace(
        "events.yaml", "    - text: Iran struck", "    - id: first\n      text: Iran struck"
    )
    assert project.only("E003") == []
