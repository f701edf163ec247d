import pytest

from conftest import CAPTURES, Project

# 40 words of narration, as a wire story has it and a site republishing it keeps it
STORY = (
    "Officials in the provincial capital said the strike hit a house on the edge of "
    "the village before dawn, and that rescue teams worked through the morning to clear "
    "the rubble while neighbours gathered outside the district hospital to wait for news."
)


def _share(project: Project, passage: str) -> None:
    """Both captures keep the quotes the fixture cites and gain the same passage."""
    for sid in ("wire-2024-01-17", "paper-2024-01-18"):
        project.write(f"captures/{sid}.txt", CAPTURES[sid] + "[…]\n" + passage + "\n")


def test_copied_story_under_another_publisher(project: Project, assert_problem) -> None:
    _share(project, STORY)
    line = project.line_of("sources.yaml", "publisher: Example Paper")
    p = assert_problem(project, "E043", "sources.yaml", line)
    assert '"paper-2024-01-18"' in p.message and '"wire-2024-01-17"' in p.message
    assert "set publisher: Example Wire and via: Example Paper" in p.message
    assert p.loc.col == 14  # the publisher's value
    assert len(project.only("E043")) == 1  # reported once, on the later source


def test_reported_on_the_later_source_whichever_comes_first_in_the_file(
    project: Project, assert_problem
) -> None:
    _share(project, STORY)
    project.replace("sources.yaml", "published: 2024-01-17", "published: 2024-01-19")
    line = project.line_of("sources.yaml", "publisher: Example Wire")
    p = assert_problem(project, "E043", "sources.yaml", line)
    assert "set publisher: Example Paper and via: Example Wire" in p.message


def test_copy_that_names_the_original_passes(project: Project) -> None:
    _share(project, STORY)
    project.replace(
        "sources.yaml",
        "publisher: Example Paper",
        "publisher: Example Wire\n  via: Example Paper",
    )
    assert project.only("E043") == []


def test_short_shared_phrase_is_not_a_copy(project: Project) -> None:
    # 24 words in a row: a set phrase or a sentence of a statement, not a story
    _share(project, " ".join(STORY.split()[:24]))
    assert project.only("E043") == []


def test_same_speaker_quoted_word_for_word_is_not_a_copy(project: Project) -> None:
    project.write(
        "captures/wire-2024-01-17.txt",
        CAPTURES["wire-2024-01-17"] + f'[…]\nThe governor told reporters: "{STORY}"\n',
    )
    project.write(
        "captures/paper-2024-01-18.txt",
        CAPTURES["paper-2024-01-18"] + f"[…]\n“{STORY}” the governor said on Thursday.\n",
    )
    assert project.only("E043") == []


def test_copy_in_other_words_and_case_is_still_a_copy(project: Project) -> None:
    # curly quotes, dashes, case and line breaks do not hide a copy
    project.write("captures/wire-2024-01-17.txt", CAPTURES["wire-2024-01-17"] + "[…]\n" + STORY)
    words = STORY.upper().replace(", and", " \u2014 and").split()
    copied = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))
    project.write("captures/paper-2024-01-18.txt", CAPTURES["paper-2024-01-18"] + "[…]\n" + copied)
    assert len(project.only("E043")) == 1


def test_copies_from_one_publisher_pass(project: Project) -> None:
    _share(project, STORY)
    project.replace("sources.yaml", "publisher: Example Paper", "publisher: example  wire")
    assert project.only("E043") == []


def test_official_statement_reprinted_in_a_story_passes(project: Project) -> None:
    _share(project, STORY)
    project.replace("sources.yaml", "  kind: wire", "  kind: official")
    assert project.only("E043") == []


@pytest.mark.parametrize(("words", "reported"), [(29, 0), (30, 1)])
def test_thirty_words_in_a_row_make_a_copy(project: Project, words: int, reported: int) -> None:
    _share(project, " ".join(STORY.split()[:words]))
    assert len(project.only("E043")) == reported
