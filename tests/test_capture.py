"""`explainer capture` and the HTTP client under it, against a server on 127.0.0.1."""

from __future__ import annotations

import hashlib

import pytest

from conftest import Project
from explainer.cli import main
from explainer.httpfetch import USER_AGENT, Fetcher, FetchError
from explainer.load import parse_capture
from localserver import Reply, only_loopback, page, redirect, serve

pytestmark = pytest.mark.usefixtures(only_loopback.__name__)
FAST = ["--timeout", "2", "--retries", "1", "--backoff", "0"]


def run(project: Project, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_capture_writes_header_and_main_text(project: Project, capsys) -> None:
    with serve({"/news/iran-strikes": page("wire-2024-01-17.html")}) as site:
        url = site.url("/news/iran-strikes")
        code, out, err = run(
            project, "capture", url, "--id", "wire-2024-01-17", *FAST, "--force", capsys=capsys
        )
    assert (code, err) == (0, "")
    assert "wrote data/captures/wire-2024-01-17.txt" in out and "trim" in out
    path = project.data / "captures" / "wire-2024-01-17.txt"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"---\nurl: {url}\nretrieved: ")
    cap = parse_capture("wire-2024-01-17", "x", text)
    body = text.split("---\n", 2)[2]
    assert cap.header["url"] == url
    assert cap.header["sha256"] == hashlib.sha256(body.encode()).hexdigest()
    assert cap.header["extractor"].startswith("trafilatura ")
    assert "Pakistan said two children were killed" in body
    assert "Cookie settings" not in body and "Subscribe now" not in body
    assert "\n\n" in body  # one paragraph per block, like hand-made captures
    # the checker finds every quote in the captured body and ignores the header
    assert [p for p in project.problems() if p.code == "E020"] == []
    assert site.agents == [USER_AGENT]


def test_redirect_is_followed_and_recorded(project: Project, capsys) -> None:
    routes = {"/old": redirect("/new"), "/new": page("wire-2024-01-17.html")}
    with serve(routes) as site:
        code, out, _ = run(
            project, "capture", site.url("/old"), "--id", "fresh", *FAST, capsys=capsys
        )
    assert code == 0
    assert f"redirected to {site.url('/new')}" in out
    assert 'no source "fresh" in data/sources.yaml yet' in out
    header = parse_capture("fresh", "x", (project.data / "captures" / "fresh.txt").read_text())
    assert header.header["final-url"] == site.url("/new")


@pytest.mark.parametrize(
    ("reply", "message", "hits"),
    [
        (Reply(status=404, body=b"nope"), "HTTP 404", 1),  # not worth a retry
        (Reply(status=503, body=b"busy"), "HTTP 503", 2),  # retried, then given up
        (Reply(body=b"%PDF-1.4", content_type="application/pdf"), "application/pdf", 1),
        (Reply(body=b"<html><body><nav>Home</nav></body></html>"), "no article text", 1),
        (Reply(body=b"", delay=1.5), "no answer within 0.3 s", 2),
    ],
)
def test_failures_are_clear_and_write_nothing(
    project: Project, capsys, reply: Reply, message: str, hits: int
) -> None:
    with serve({"/p": reply}) as site:
        code, out, err = run(
            project,
            "capture",
            site.url("/p"),
            "--id",
            "p",
            "--timeout",
            "0.3",
            "--retries",
            "1",
            "--backoff",
            "0",
            capsys=capsys,
        )
        assert site.hits["/p"] == hits
    assert (code, out) == (1, "") and message in err and "Traceback" not in err
    assert not (project.data / "captures" / "p.txt").exists()


def test_existing_capture_needs_force(project: Project, capsys) -> None:
    path = project.data / "captures" / "paper-2024-01-18.txt"
    before = path.read_bytes()
    with serve({"/v": page("wire-2024-01-17.html")}) as site:
        code, _, err = run(
            project, "capture", site.url("/v"), "--id", "paper-2024-01-18", *FAST, capsys=capsys
        )
        assert code == 1 and "--force" in err and path.read_bytes() == before
        assert site.hits["/v"] == 0  # refused before fetching anything


def test_bad_id_refused(project: Project, capsys) -> None:
    code, _, err = run(project, "capture", "http://127.0.0.1:9/x", "--id", "Bad Id", capsys=capsys)
    assert code == 1 and "not a source id" in err


def test_retry_after_a_passing_failure() -> None:
    sleeps: list[float] = []
    routes = {"/flaky": [Reply(status=503), Reply(status=502), page("wire-2024-01-17.html")]}
    with serve(routes) as site:
        resp = Fetcher(timeout=2, retries=2, backoff=0.5, sleep=sleeps.append).get(
            site.url("/flaky")
        )
        assert site.hits["/flaky"] == 3
    assert resp.status == 200 and resp.attempts == 3
    assert sleeps == [0.5, 1.0]  # exponential backoff, bounded by retries


def test_retries_are_bounded() -> None:
    sleeps: list[float] = []
    with serve({"/down": Reply(status=500)}) as site:
        with pytest.raises(FetchError) as info:
            Fetcher(timeout=2, retries=3, backoff=1, sleep=sleeps.append).get(site.url("/down"))
        assert site.hits["/down"] == 4
    assert info.value.status == 500 and info.value.attempts == 4
    assert sleeps == [1, 2, 4]


def test_only_web_urls() -> None:
    with pytest.raises(FetchError, match="not an http or https URL"):
        Fetcher().get("file:///etc/passwd")


def test_redirect_to_a_non_web_url_is_refused() -> None:
    with (
        serve({"/r": redirect("file:///etc/passwd", 302)}) as site,
        pytest.raises(FetchError, match="HTTP 302"),
    ):
        Fetcher(timeout=2, retries=0).get(site.url("/r"))
