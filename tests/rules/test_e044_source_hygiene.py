import pytest

from conftest import Project
from explainer.rules.e044_source_hygiene import clean_url

URL = "  url: https://example.com/village"


@pytest.mark.parametrize(
    ("url", "cleaned", "names"),
    [
        (
            "https://example.com/village?id=7&utm_source=rss&utm_medium=feed#top",
            "https://example.com/village?id=7#top",
            "utm_source, utm_medium",
        ),
        (
            "https://example.com/village?guccounter=1&guce_referrer=aHR0&guce_referrer_sig=AQ",
            "https://example.com/village",
            "guccounter, guce_referrer, guce_referrer_sig",
        ),
        ("https://example.com/village?fbclid=IwAR0&page=2", "https://example.com/village?page=2",
         "fbclid"),
    ],
)  # fmt: skip
def test_tracking_parameters(
    project: Project, assert_problem, url: str, cleaned: str, names: str
) -> None:
    project.replace("sources.yaml", URL, f'  url: "{url}"')
    p = assert_problem(project, "E044", "sources.yaml", project.line_of("sources.yaml", url[:30]))
    assert f"({names})" in p.message and p.message.endswith(f"without them: {cleaned}")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/village?id=7&page=2#utm_source",  # a fragment is not a parameter
        "https://example.com/utm_source/village",  # nor a path
        "https://example.com/village?source=rss",  # a real parameter with a similar name
    ],
)
def test_clean_urls_pass(project: Project, url: str) -> None:
    project.replace("sources.yaml", URL, f'  url: "{url}"')
    assert project.only("E044") == []


def test_order_and_spelling_of_the_rest_kept() -> None:
    url = "https://example.com/a?b=%20x&UTM_Campaign=y&a=1&a=2"
    assert clean_url(url) == ("https://example.com/a?b=%20x&a=1&a=2", ["UTM_Campaign"])
