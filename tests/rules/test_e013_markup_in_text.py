import json

import pytest

from conftest import Project


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![x](https://example.org/x.png)",
        "{{ config }}",
        "{% include 'x' %}",
        "see javascript:alert(1)",
    ],
)
def test_markup_in_title_rejected(project: Project, assert_problem, payload: str) -> None:
    project.replace(
        "events.yaml",
        "  title: Iran strikes targets in Pakistan",
        "  title: " + json.dumps(payload),
    )
    p = assert_problem(project, "E013", "events.yaml", project.line_of("events.yaml", "  title:"))
    assert "plain text" in p.message


def test_markup_in_claim_text_rejected(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml",
        "Pakistan said two children were killed.",
        "Pakistan said <b>two</b> children were killed.",
    )
    assert_problem(project, "E013", "events.yaml", project.line_of("events.yaml", "<b>two</b>"))


@pytest.mark.parametrize("text", ["Iran said 3 < 4 and 5 > 2", "a [bracketed] aside", "100% sure"])
def test_plain_punctuation_passes(project: Project, text: str) -> None:
    project.replace(
        "events.yaml", "  title: Iran strikes targets in Pakistan", "  title: " + json.dumps(text)
    )
    assert project.only("E013") == []
