from conftest import Project

SPARE = (
    "  kind: news\n- id: spare\n  title: t\n  publisher: p\n  published: 2024-01-01\n"
    "  url: https://example.net\n  accessed: 2024-01-02\n  kind: news"
)


def test_never_cited_source(project: Project, assert_problem) -> None:
    project.replace("sources.yaml", "  kind: news", SPARE)
    assert_problem(project, "E035", "sources.yaml", project.line_of("sources.yaml", "- id: spare"))


def test_source_cited_only_by_removed_claim(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml",
        "        - source: paper-2024-01-18\n          quote: killed two children\n",
        "",
    )
    assert_problem(project, "E035", "sources.yaml", project.line_of("sources.yaml", "paper-2024"))


def test_source_cited_under_a_misspelt_key_is_unused(project: Project, assert_problem) -> None:
    project.replace(
        "events.yaml", "        - source: paper-2024-01-18", "        - sourc: paper-2024-01-18"
    )
    assert_problem(project, "E035", "sources.yaml", project.line_of("sources.yaml", "paper-2024"))


def test_source_of_a_fact_check_counts_as_used(project: Project) -> None:
    project.replace("sources.yaml", "  kind: news", SPARE)
    project.write("captures/spare.txt", "Pakistan said three children died.\n")
    project.write(
        "factchecks.yaml",
        """\
        - id: fc
          statement: Pakistan said three children died.
          origin: a report
          source: spare
          verdict: false
          claims:
            - text: Pakistan said two children were killed.
              cite:
                - source: wire-2024-01-17
                  quote: Pakistan said two children were killed
        """,
    )
    assert project.only("E035") == []


def test_all_cited_passes(project: Project) -> None:
    assert project.only("E035") == []
