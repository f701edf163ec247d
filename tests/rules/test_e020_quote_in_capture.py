import pytest

from conftest import Project

QUOTE = "          quote: Pakistan said two children were killed"


@pytest.mark.parametrize(
    "bad",
    [
        "Pakistan said three children were killed",  # a changed word
        "Pakistan said two children died",  # paraphrase
        "wo children were killed",  # not on a word boundary
        "Pakistan said two children were killed and four",  # runs past the capture
        "state media reported. Pakistan said … five girls",  # ellipsis part not present
    ],
)
def test_quote_not_in_capture(project: Project, assert_problem, bad: str) -> None:
    project.replace("events.yaml", QUOTE, f'          quote: "{bad}"')
    p = assert_problem(
        project, "E020", "events.yaml", project.line_of("events.yaml", f'quote: "{bad[:12]}')
    )
    assert "data/captures/wire-2024-01-17.txt" in p.message


def test_message_shows_closest_passage(project: Project) -> None:
    project.replace("events.yaml", QUOTE, "          quote: Pakistan said two kids were killed")
    (p,) = project.only("E020")
    assert "closest passage" in p.message and "two children were killed" in p.message


@pytest.mark.parametrize(
    "good",
    [
        "pakistan SAID two children were killed",  # case
        "Pakistan  said two\\n children were killed",  # whitespace
        "“Pakistan said two children were killed”",  # typographic quotes around
        "Pakistan said two children … three girls were injured",  # ellipsis
        "Pakistan said two children ... three girls were injured",  # three dots
        "Iran launched attacks … Iran and Pakistan share a long border",  # across passages
    ],
)
def test_benign_variations_pass(project: Project, good: str) -> None:
    project.replace("events.yaml", QUOTE, f'          quote: "{good}"')
    assert project.only("E020") == []


def test_curly_apostrophe_and_dash_variants_pass(project: Project) -> None:
    project.write(
        "captures/paper-2024-01-18.txt",
        "The strike on January 16 killed two children, residents said — it’s over.\n",
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        '          quote: "killed two children, residents said - it\'s over"',
    )
    assert project.only("E020") == []


def test_ellipsis_parts_must_be_in_order(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml", QUOTE, '          quote: "three girls … Pakistan said two children"'
    )
    assert_problem(project, "E020", "events.yaml", project.line_of("events.yaml", "three girls …"))


def test_fact_check_statement_with_source_must_be_verbatim(project: Project, assert_problem):
    project.write(
        "factchecks.yaml",
        """\
        - id: fc
          statement: Pakistan said three children were killed
          origin: a newspaper
          source: wire-2024-01-17
          verdict: false
          claims:
            - text: Pakistan said two children were killed.
              cite:
                - source: wire-2024-01-17
                  quote: Pakistan said two children were killed
        """,
    )
    assert_problem(project, "E020", "factchecks.yaml", 2)
