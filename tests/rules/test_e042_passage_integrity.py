import pytest

from conftest import CAPTURES, Project

WIRE = "captures/wire-2024-01-17.txt"
LEAD = CAPTURES["wire-2024-01-17"].split("\n")[0]  # 140 characters, the quoted lead
BORDER = "Iran and Pakistan share a long border of about 900 kilometres."


def _wire(project: Project, text: str) -> None:
    project.write(WIRE, text)


def test_passage_ending_inside_a_word(project: Project, assert_problem) -> None:
    _wire(project, f"{LEAD}\n[…]\n{BORDER} The government said. A senior gover\n")
    p = assert_problem(project, "E042", WIRE, 3)
    assert '"gover"' in p.message and "trim it to the last whole word" in p.message
    assert p.loc.col == len(f"{BORDER} The government said. A senior gover") - 4


def test_paragraph_cut_inside_a_passage(project: Project, assert_problem) -> None:
    _wire(project, f"{LEAD}\n\nThe government sa\n\n{BORDER}\n")
    p = assert_problem(project, "E042", WIRE, 3)
    assert p.message.startswith('line ends inside a word ("sa"')


def test_passage_beginning_inside_a_word(project: Project, assert_problem) -> None:
    _wire(project, f"{LEAD} The evidence was clear.\n[…]\nence was found.\n[…]\n{BORDER}\n")
    p = assert_problem(project, "E042", WIRE, 3)
    assert 'begins inside a word ("ence"' in p.message


def test_paragraph_captured_twice(project: Project, assert_problem) -> None:
    _wire(project, f"{LEAD}\n\nA heading\n[…]\n{BORDER}\n\n{LEAD}\n")
    p = assert_problem(project, "E042", WIRE, 7)
    assert "repeats the one on line 1" in p.message


def test_quote_inside_a_word(project: Project, assert_problem) -> None:
    quote = "          quote: Pakistan said two children were killed"
    project.replace("events.yaml", quote, "          quote: wo children were killed")
    p = assert_problem(
        project, "E042", "events.yaml", project.line_of("events.yaml", "quote: wo children")
    )
    assert 'begins inside the word "two"' in p.message


@pytest.mark.parametrize(
    "text",
    [
        # a heading ends on a whole word without a full stop
        f"Panic grips the border\n\n{LEAD}\n[…]\n{BORDER}\n",
        # "Baloch" is a word beside "Balochistan", not a cut
        f"{LEAD} In Balochistan the Baloch\n[…]\n{BORDER}\n",
        # short lines (headings, datelines) may repeat
        f"Published January 17, 2024\n\n{LEAD}\n[…]\nPublished January 17, 2024\n\n{BORDER}\n",
        # a passage starting mid-sentence on a whole word
        f"{LEAD}\n[…]\nshare a long border, as {BORDER}\n",
    ],
)
def test_whole_passages_pass(project: Project, text: str) -> None:
    _wire(project, text)
    assert project.only("E042") == []


def test_header_is_not_a_passage(project: Project) -> None:
    header = "---\nurl: https://example.org/news/iran-strikes\nretrieved: 2024-02-01\n---\n"
    _wire(project, header + f"{LEAD}\n[…]\n{BORDER}\n")
    assert project.only("E042") == []
