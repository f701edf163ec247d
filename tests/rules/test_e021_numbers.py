import pytest

from conftest import Project

TEXT = "    - text: Pakistan said two children were killed."


@pytest.mark.parametrize(
    ("claim", "shown"),
    [
        ("Pakistan said three children were killed.", '"three"'),
        ("Pakistan said 3 children were killed.", '"3"'),
        ("Pakistan said two children and 1,500 others were killed.", "1500"),
        ("Pakistan said twenty-two children were killed.", "22"),
        ("Pakistan said two children were killed in 2023.", "2023"),
    ],
)
def test_number_missing_from_quotes(project: Project, assert_problem, claim, shown) -> None:
    project.replace("events.yaml", TEXT, f"    - text: {claim}")
    p = assert_problem(project, "E021", "events.yaml", project.line_of("events.yaml", claim[:20]))
    assert shown in p.message


def test_message_follows_the_contract(project: Project) -> None:
    project.replace("events.yaml", TEXT, "    - text: Pakistan said three children were killed.")
    (p,) = project.only("E021")
    assert p.message.startswith('claim says "three" but no cited quote contains 3 (quote: "')


@pytest.mark.parametrize(
    "claim",
    [
        "Pakistan said 2 children were killed.",  # digits against words
        "Pakistan said two children were killed.",
        "No one disputed that two children were killed, Pakistan said.",  # idiom, not a count
        "For the first time, Pakistan said two children were killed.",
    ],
)
def test_either_form_passes(project: Project, claim: str) -> None:
    project.replace("events.yaml", TEXT, f"    - text: {claim}")
    assert project.only("E021") == []


def test_words_in_quote_vouch_for_digits(project: Project) -> None:
    project.write(
        "captures/paper-2024-01-18.txt", "Officials said one thousand five hundred died.\n"
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: one thousand five hundred died",
    )
    project.replace(
        "events.yaml", TEXT, "    - text: Pakistan said two children were killed; 1,500 died."
    )
    assert project.only("E021") == []
