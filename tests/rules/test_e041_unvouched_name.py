import pytest

from conftest import Project

CLAIM = "Pakistan said two children were killed."


def _claim(project: Project, text: str) -> int:
    project.replace("events.yaml", CLAIM, text)
    return project.line_of("events.yaml", text[:20])


@pytest.mark.parametrize(
    ("claim", "names"),
    [
        ("Pakistan said two children were killed in Makran.", '"Makran"'),
        ("Pakistan said two children of Karim Dad were killed.", '"Karim", "Dad"'),
        ("The CRSS said two children were killed.", '"CRSS"'),
        ("Pakistan said two children were killed, Dawn reported.", '"Dawn"'),
    ],
)
def test_unvouched_name(project: Project, assert_problem, claim: str, names: str) -> None:
    line = _claim(project, claim)
    p = assert_problem(project, "E041", "events.yaml", line)
    assert f"claim names {names} but" in p.message
    assert "quote the passage that names it" in p.message


@pytest.mark.parametrize(
    "claim",
    [
        "Pakistan said two children were killed.",
        "Islamabad said two children were killed.",  # alias of an actor the quote names
        "On Tuesday, Pakistan said two children were killed.",  # sentence start, weekday
        "In January, Pakistan said two children were killed.",  # month
        "Residents said two children were killed.",  # a common word starting a sentence
        "Pakistani officials said two children were killed.",  # demonym of a vouched name
        "Pakistan said two children were killed, Example Paper reported.",  # publisher
        "Pakistan said two children were killed. A village mourns.",  # a source title
    ],
)
def test_vouched_names_pass(project: Project, claim: str) -> None:
    _claim(project, claim)
    assert project.only("E041") == []


def test_demonym_without_its_country_is_reported(project: Project, assert_problem) -> None:
    line = _claim(project, "Afghan officials said two children were killed.")
    p = assert_problem(project, "E041", "events.yaml", line)
    assert '"Afghan"' in p.message


def test_country_vouches_for_its_demonym_both_ways(project: Project) -> None:
    project.write(
        "captures/paper-2024-01-18.txt",
        "The strike on January 16 killed two children near the Afghanistan border.\n",
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: killed two children near the Afghanistan border",
    )
    _claim(project, "Pakistan said two children were killed near the Afghan border.")
    assert project.only("E041") == []


@pytest.mark.parametrize(
    ("claimed", "vouched"), [("Baluchestan", True), ("Baluch", True), ("Bamiyan", False)]
)
def test_a_transliteration_differs_by_a_letter(
    project: Project, claimed: str, vouched: bool
) -> None:
    project.write(
        "captures/paper-2024-01-18.txt",
        "The strike on January 16 killed two children in Baluchistan.\n",
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: killed two children in Baluchistan",
    )
    _claim(project, f"Pakistan said two children were killed in {claimed}.")
    assert (project.only("E041") == []) is vouched


@pytest.mark.parametrize(
    ("capture", "claimed", "vouched"),
    [
        ("the Foreign Terrorist Organization list", "the FTO list", True),
        ("the FTO list", "the Foreign Terrorist Organization list", True),
        ("the FBI list", "the Foreign Terrorist Organization list", False),
        ("the Muttahida Qaumi Movement-Pakistan", "the MQM-P", True),
        ("the Muttahida Qaumi Movement-Pakistan", "the MQM-L", False),
        ("the Joint Comprehensive Plan of Action", "the JCPOA", True),
        ("a name rendered in English", "a name rendered in English", True),
    ],
)
def test_names_spelt_out_or_abbreviated(
    project: Project, capture: str, claimed: str, vouched: bool
) -> None:
    project.write("captures/paper-2024-01-18.txt", f"Two children were killed, {capture}.\n")
    project.replace(
        "events.yaml", "          quote: killed two children", f'          quote: "{capture}"'
    )
    _claim(project, f"Pakistan said two children were killed, {claimed} shows.")
    assert (project.only("E041") == []) is vouched
