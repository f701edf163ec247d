import pytest

from conftest import Project

TEXT = "    - text: Iran struck targets in Pakistan, state media reported."


@pytest.mark.parametrize(
    "claim",
    [
        "On 15 January 2024, Iran struck targets in Pakistan.",
        "Iran struck targets in Pakistan on January 17.",
        "Iran struck targets in Pakistan on Wednesday.",
        "Iran struck targets in Pakistan in February.",
    ],
)
def test_unsupported_date(project: Project, assert_problem, claim: str) -> None:
    project.replace("events.yaml", TEXT, f"    - text: {claim}")
    line = project.line_of("events.yaml", claim[:15])
    p = assert_problem(project, "E022", "events.yaml", line)
    assert "2024-01-16" in p.message  # what the quote resolves to


@pytest.mark.parametrize(
    "claim",
    [
        "On 16 January 2024, Iran struck targets in Pakistan.",  # Tuesday, from published 17th
        "Iran struck targets in Pakistan on January 16.",
        "Iran struck targets in Pakistan on Jan. 16.",
        "Iran struck targets in Pakistan on Tuesday, state media reported.",
        "Iran struck targets in Pakistan in January 2024.",
    ],
)
def test_weekday_in_quote_resolves_against_publication(project: Project, claim: str) -> None:
    project.replace("events.yaml", TEXT, f"    - text: {claim}")
    assert project.only("E022") == [], project.problems()


def test_yesterday_resolves(project: Project) -> None:
    project.write(
        "captures/wire-2024-01-17.txt",
        "Iran launched attacks on Tuesday in Pakistan. Yesterday's strike hit a village.\n"
        "Pakistan said two children were killed.\nIran and Pakistan share a long border\n",
    )
    project.replace(
        "events.yaml",
        "          quote: Iran launched attacks on Tuesday in Pakistan",
        "          quote: Yesterday's strike hit a village",
    )
    project.replace("events.yaml", TEXT, "    - text: A village was hit on 16 January.")
    assert project.only("E022") == []
