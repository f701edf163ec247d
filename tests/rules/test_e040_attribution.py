import pytest

from conftest import Project

CLAIM = "Pakistan said two children were killed."


def _claim(project: Project, text: str) -> int:
    project.replace("events.yaml", CLAIM, text)
    return project.line_of("events.yaml", text[:20])


@pytest.mark.parametrize(
    ("claim", "missing"),
    [
        # the quote has Pakistan speaking, not its ministry
        ("According to Pakistan's foreign ministry, two children were killed.", '"ministry"'),
        # a news site is not the speaker it did not name
        ("Two children were killed, Reuters reported.", '"Reuters"'),
        ("The ISPR said two children were killed.", '"ISPR"'),
    ],
)
def test_speaker_no_quote_names(project: Project, assert_problem, claim: str, missing: str) -> None:
    line = _claim(project, claim)
    p = assert_problem(project, "E040", "events.yaml", line)
    assert missing in p.message and "quote where the source says who spoke" in p.message


def test_narration_is_not_speech(project: Project, assert_problem) -> None:
    # the quote names Iran, but as the publisher's narration: nobody is quoted speaking
    project.replace(
        "events.yaml",
        "Iran struck targets in Pakistan, state media reported.",
        "Iran said it struck targets in Pakistan.",
    )
    line = project.line_of("events.yaml", "Iran said it struck")
    p = assert_problem(project, "E040", "events.yaml", line)
    assert 'credits "Iran" (said)' in p.message


def test_the_one_told_must_be_named(project: Project, assert_problem) -> None:
    line = _claim(project, "Pakistan told Reuters two children were killed.")
    p = assert_problem(project, "E040", "events.yaml", line)
    assert 'told to "Reuters"' in p.message


@pytest.mark.parametrize(
    "claim",
    [
        "Pakistan said two children were killed.",
        "Islamabad said two children were killed.",  # an alias of the actor quoted
        "Pakistan has also said two children were killed.",
        "Officials said two children were killed.",  # no name: credits no one
        "Two children were killed, the statement said.",
        "Two children were killed, Example Paper reported.",  # the cited publisher
        "Two children were killed, according to Example Wire and Pakistan.",
        "Pakistan told reporters two children were killed.",
    ],
)
def test_named_speakers_pass(project: Project, claim: str) -> None:
    _claim(project, claim)
    assert project.only("E040") == []


def test_demonym_and_office_vouched_by_a_speaking_quote(project: Project) -> None:
    project.replace(
        "events.yaml",
        "    - text: Iran struck targets in Pakistan, state media reported.\n"
        "      cite:\n"
        "        - source: wire-2024-01-17\n"
        "          quote: Iran launched attacks on Tuesday in Pakistan\n",
        "    - text: Iranian state media reported that Iran struck targets in Pakistan.\n"
        "      cite:\n"
        "        - source: wire-2024-01-17\n"
        "          quote: Iran launched attacks on Tuesday in Pakistan, state media reported\n",
    )
    assert project.only("E040") == []


def test_an_alias_links_an_office_to_its_country(project: Project, assert_problem) -> None:
    project.replace("actors.yaml", "  aliases: [Islamabad]", "  aliases: [Islamabad]\n"
                    "- id: pakistan-fo\n  name: Pakistan Foreign Office\n  kind: organisation\n"
                    "  aliases: [Foreign Office]\n  claims: []")  # fmt: skip
    project.write(
        "captures/paper-2024-01-18.txt",
        "The strike on January 16 killed two children, the Foreign Office said.\n",
    )
    project.replace(
        "events.yaml", "  actors: [iran, pakistan]", "  actors: [iran, pakistan, pakistan-fo]"
    )
    project.replace(
        "events.yaml",
        "          quote: killed two children",
        "          quote: killed two children, the Foreign Office said",
    )
    line = _claim(project, "Pakistan's Foreign Office said two children were killed.")
    assert project.only("E040") == []
    # a ministry is not what the quote or the alias says
    project.replace(
        "events.yaml", "Pakistan's Foreign Office said", "Pakistan's foreign ministry said"
    )
    assert_problem(project, "E040", "events.yaml", line)


@pytest.mark.parametrize(
    "claim",
    [
        # the readout speaks; the minister is the object of "with"
        "A readout of a call with Reuters said two children were killed.",
        # a date is not a speaker
        "A report datelined Tehran on 17 January said two children were killed.",
    ],
)
def test_no_speaker_where_the_subject_is_unknown(project: Project, claim: str) -> None:
    _claim(project, claim)
    assert project.only("E040") == []
