"""`explainer verify --online` against a server on 127.0.0.1 that plays the publishers
and the web archive: a good page, a 404, a redirect, a page whose text changed."""

from __future__ import annotations

import json

import pytest

from conftest import Project
from explainer import load
from explainer.cli import main
from explainer.httpfetch import Fetcher
from explainer.verify import Rebase, Verifier, md, quotes_by_source, verify
from localserver import Reply, Site, only_loopback, page, redirect, serve

WIRE = "/org/news/iran-strikes"  # https://example.org/news/iran-strikes
PAPER = "/com/village"  # https://example.com/village, published 2024-01-18
PAPER_ARCHIVE = "/wayback/20240118/https://example.com/village"
pytestmark = pytest.mark.usefixtures(only_loopback.__name__)
FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0", "--delay", "0"]


def rebase(site: Site) -> list[str]:
    return [
        "--rebase",
        f"https://example.org/={site.base}/org/",
        "--rebase",
        f"https://example.com/={site.base}/com/",
        "--rebase",
        f"https://web.archive.org/web/={site.base}/wayback/",
        # the availability API: no route here, so every look-up is an archive error that
        # the report lists without failing (tests/test_archive_snapshots.py covers it)
        "--rebase",
        f"https://archive.org/wayback/available={site.base}/available",
    ]


def run(project: Project, site: Site, *extra: str, capsys) -> tuple[int, str, dict]:
    out_json = project.root / "report" / "verify.json"
    code = main(
        [
            "--root",
            str(project.root),
            "verify",
            "--online",
            *rebase(site),
            *FAST,
            "--json",
            str(out_json),
            "--markdown",
            str(project.root / "report" / "verify.md"),
            *extra,
        ]
    )
    out, _ = capsys.readouterr()
    assert (project.root / "report" / "verify.md").read_text(encoding="utf-8") + "\n" == out
    return code, out, json.loads(out_json.read_text(encoding="utf-8"))


@pytest.fixture
def good() -> dict[str, Reply | list[Reply]]:
    return {WIRE: page("wire-2024-01-17.html"), PAPER: page("paper-2024-01-18.html")}


def page_hits(site: Site) -> dict[str, int]:
    """Requests for pages, leaving out the archive's availability look-ups."""
    return {path: n for path, n in site.hits.items() if not path.startswith("/available")}


def by_id(report: dict) -> dict[str, dict]:
    return {s["id"]: s for s in report["sources"]}


def test_all_good(project: Project, capsys, good) -> None:
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
        assert page_hits(site) == {WIRE: 1, PAPER: 1}  # no archived copy is fetched
        assert sum(site.hits.values()) - sum(page_hits(site).values()) == 2  # one look-up each
    assert code == 0 and "Nothing needs attention." in out
    assert report["needs_attention"] is False
    assert report["summary"] == {
        "sources": 2,
        "quotes": 4,
        "dead_links": 0,
        "rescued_by_archive": 0,
        "moved": 0,
        "quotes_not_found": 0,
        "not_checked": 0,
        "archived": 0,
        "archived_now": 0,
        "archive_requested": 0,
        "unarchived": 0,
        "archive_errors": 2,
    }
    wire = by_id(report)["wire-2024-01-17"]
    assert wire["checked_against"] == "live" and all(q["found"] for q in wire["quotes"])
    assert wire["quotes"][0]["where"] == "data/events.yaml:9:18"


def test_dead_link_falls_back_to_the_archive(project: Project, capsys, good) -> None:
    good[PAPER] = Reply(status=404, body=b"gone")
    good[PAPER_ARCHIVE] = page("paper-2024-01-18.html")
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
        assert site.hits[PAPER] == 1  # a 404 is not retried
    assert code == 1
    paper = by_id(report)["paper-2024-01-18"]
    assert paper["dead"] and paper["http_status"] == 404 and paper["error"] == "HTTP 404 Not Found"
    assert paper["checked_against"] == "archive" and all(q["found"] for q in paper["quotes"])
    assert "## Dead links" in out and "| `paper-2024-01-18` |" in out and "used instead" in out
    assert report["summary"]["rescued_by_archive"] == 1


def test_dead_link_without_archive_copy(project: Project, capsys, good) -> None:
    good[PAPER] = Reply(status=410, body=b"gone")
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
    assert code == 1
    paper = by_id(report)["paper-2024-01-18"]
    assert paper["checked_against"] is None and paper["archive_error"] == "HTTP 404 Not Found"
    assert "failed too: HTTP 404 Not Found" in out
    assert "## Not checked" in out and "`paper-2024-01-18`: no copy was readable" in out


def test_moved_page(project: Project, capsys, good) -> None:
    good[PAPER] = redirect("/com/2024/village-mourns", 301)
    good["/com/2024/village-mourns"] = page("paper-2024-01-18.html")
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
    assert code == 1
    paper = by_id(report)["paper-2024-01-18"]
    assert paper["moved"] and paper["final_url"] == "https://example.com/2024/village-mourns"
    assert paper["redirects"] == [{"status": 301, "to": "https://example.com/2024/village-mourns"}]
    assert all(q["found"] for q in paper["quotes"])
    assert "## Moved pages" in out and "<https://example.com/2024/village-mourns> | 301 |" in out


def test_changed_page(project: Project, capsys, good) -> None:
    good[PAPER] = page("paper-2024-01-18-changed.html")
    good[PAPER_ARCHIVE] = page("paper-2024-01-18.html")
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
    assert code == 1
    paper = by_id(report)["paper-2024-01-18"]
    missing = [q for q in paper["quotes"] if not q["found"]]
    assert [q["quote"] for q in missing] == ["killed two children"]
    assert missing[0]["in_archive"] is True
    line = project.line_of("events.yaml", "quote: killed two children")
    assert f"- `data/events.yaml:{line}:18`: “killed two children” - still in the archived" in out
    assert report["summary"]["quotes_not_found"] == 1


def test_passing_failures_are_retried(project: Project, capsys, good) -> None:
    good[WIRE] = [Reply(status=503), page("wire-2024-01-17.html")]
    with serve(good) as site:
        code, _, _ = run(project, site, capsys=capsys)
        assert site.hits[WIRE] == 2
    assert code == 0


def test_timeout_is_a_dead_link(project: Project, capsys, good) -> None:
    good[WIRE] = Reply(delay=2.0, body=b"late")
    with serve(good) as site:
        code, _, report = run(project, site, "--no-archive", capsys=capsys)
        assert site.hits[WIRE] == 2  # the first try and one retry, no more
    assert code == 1
    assert by_id(report)["wire-2024-01-17"]["error"] == "no answer within 0.5 s"


def test_pdf_is_reported_but_does_not_fail(project: Project, capsys, good) -> None:
    good[WIRE] = Reply(body=b"%PDF-1.7", content_type="application/pdf")
    with serve(good) as site:
        code, out, report = run(project, site, capsys=capsys)
    assert code == 0
    assert by_id(report)["wire-2024-01-17"]["unreadable"] == "application/pdf"
    assert "application/pdf has no text to search" in out


def test_only_some_sources(project: Project, capsys, good) -> None:
    with serve(good) as site:
        code, _, report = run(project, site, "--source", "paper-2024-01-18", capsys=capsys)
        assert page_hits(site) == {PAPER: 1}
    assert code == 0 and [s["id"] for s in report["sources"]] == ["paper-2024-01-18"]


def test_dry_run_fetches_nothing(project: Project, capsys) -> None:
    assert main(["--root", str(project.root), "verify"]) == 0
    out, err = capsys.readouterr()
    assert "wire-2024-01-17: 3 quote(s) at https://example.org/news/iran-strikes" in out
    assert "2 source(s) would be fetched; add --online" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope"], "no source with id nope"),
        (["--online", "--rebase", "https://example.org"], "expected PREFIX=REPLACEMENT"),
    ],
)
def test_usage_errors(project: Project, capsys, args: list[str], message: str) -> None:
    assert main(["--root", str(project.root), "verify", *args]) == 2
    assert message in capsys.readouterr().err


def test_factcheck_statements_are_verified_too(project: Project) -> None:
    project.write(
        "factchecks.yaml",
        """\
        - id: children
          statement: Pakistan said two children were killed
          origin: Social media posts
          source: wire-2024-01-17
          verdict: 'true'
          claims:
            - text: Pakistan said two children were killed.
              cite:
                - source: wire-2024-01-17
                  quote: Pakistan said two children were killed
        """,
    )
    quotes = quotes_by_source(load(project.data, root=project.root))
    assert [c.quote for c in quotes["wire-2024-01-17"]].count(
        "Pakistan said two children were killed"
    ) == 1  # once, however many claims cite it


def test_requests_are_spaced(project: Project, good) -> None:
    sleeps: list[float] = []
    with serve(good) as site:
        fetcher = Fetcher(timeout=1, retries=0, sleep=sleeps.append)
        rb = Rebase.parse(rebase(site)[1::2])
        verify(load(project.data, root=project.root), Verifier(fetcher, rb, delay=0.25))
        requests = sum(site.hits.values())
    assert requests == 4  # two pages, and two look-ups in the web archive
    assert sleeps == [0.25] * 3  # between requests, not before the first


def test_rebase() -> None:
    rb = Rebase.parse(["https://a.org/=http://127.0.0.1:1/a/"])
    assert rb.to_fetch("https://a.org/x?y=1") == "http://127.0.0.1:1/a/x?y=1"
    assert rb.to_fetch("https://b.org/x") == "https://b.org/x"
    assert rb.to_report("http://127.0.0.1:1/a/z") == "https://a.org/z"


def test_markdown_from_data_is_inert() -> None:
    assert md("a | b `c` [x](y) <b> @team") == "a \\| b \\`c\\` \\[x\\](y) \\<b\\> @\u200bteam"
