import pytest

from conftest import Project


@pytest.mark.parametrize(
    ("file", "old", "new", "suggest"),
    [
        ("sources.yaml", "  kind: news", "  kind: newspaper", "news"),
        ("sources.yaml", "  kind: wire", "  kind: Wire", "wire"),
        (
            "actors.yaml",
            "  kind: state\n  claims:\n    - text",
            "  kind: country\n  claims:\n    - text",
            "",
        ),
        (
            "actors.yaml",
            "  kind: state\n  aliases",
            "  kind: armed group\n  aliases",
            "armed-group",
        ),
    ],
)
def test_invalid_choice(project: Project, assert_problem, file, old, new, suggest) -> None:
    project.replace(file, old, new)
    needle = new.splitlines()[0].strip()
    p = assert_problem(project, "E011", file, project.line_of(file, needle))
    assert "use one of" in p.message
    if suggest:
        assert f'did you mean "{suggest}"' in p.message


def test_verdict_values(project: Project, assert_problem) -> None:
    project.write(
        "factchecks.yaml",
        """\
        - id: fc
          statement: Iran struck targets in Pakistan.
          origin: social media
          verdict: wrong
          claims:
            - text: Iran struck targets in Pakistan, state media reported.
              cite:
                - source: wire-2024-01-17
                  quote: Iran launched attacks on Tuesday in Pakistan
        """,
    )
    assert_problem(project, "E011", "factchecks.yaml", 4)
