import pytest

from conftest import Project


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/file",
        "example.org/no-scheme",
        "https://exa mple.org/space",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_non_http_url_rejected(project: Project, assert_problem, url: str) -> None:
    project.replace("sources.yaml", "  url: https://example.com/village", f'  url: "{url}"')
    assert_problem(project, "E009", "sources.yaml", project.line_of("sources.yaml", '  url: "'))


def test_archived_url_checked_too(project: Project, assert_problem) -> None:
    project.replace("sources.yaml", "  kind: news", "  kind: news\n  archived: javascript:x")
    assert_problem(project, "E009", "sources.yaml", project.line_of("sources.yaml", "archived:"))


@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/a?b=c#d"])
def test_http_urls_pass(project: Project, url: str) -> None:
    project.replace("sources.yaml", "  url: https://example.com/village", f"  url: {url}")
    assert project.only("E009") == []
