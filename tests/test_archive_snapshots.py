"""Archived copies: `explainer verify --online` finds each source's snapshot through the
availability API, asks Save Page Now for the missing ones, and `--record-archives`
writes what it found into data/sources.yaml. All against a stand-in for the Wayback
Machine on 127.0.0.1 (tests/fakewayback.py)."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Project
from explainer import load
from explainer.cli import main
from explainer.httpfetch import Fetcher
from explainer.verify import Rebase, Verifier, verify
from fakewayback import KEYS, Wayback, fake_wayback
from localserver import Site, only_loopback, page, serve

pytestmark = pytest.mark.usefixtures(only_loopback.__name__)
ROOT = Path(__file__).resolve().parents[1]
WIRE_URL, PAPER_URL = "https://example.org/news/iran-strikes", "https://example.com/village"
FAST = ["--timeout", "1", "--retries", "2", "--backoff", "0", "--delay", "0"]
PUBLISHERS = {
    "/org/news/iran-strikes": page("wire-2024-01-17.html"),
    "/com/village": page("paper-2024-01-18.html"),
}


def publishers(site: Site) -> list[str]:
    return [
        "--rebase",
        f"https://example.org/={site.base}/org/",
        "--rebase",
        f"https://example.com/={site.base}/com/",
    ]


def run(project: Project, site: Site, wb: Wayback, *extra: str) -> tuple[int, dict]:
    out = project.root / "report.json"
    root = ["--root", str(project.root)]
    code = main([*root, "verify", "--online", *publishers(site), *wb.rebase(), *FAST, "--json",
                 str(out), *extra])  # fmt: skip
    return code, json.loads(out.read_text(encoding="utf-8"))


def archive(report: dict) -> dict[str, dict]:
    return {s["id"]: s["archive"] for s in report["sources"]}


def sources(project: Project) -> list[dict]:
    return yaml.safe_load((project.data / "sources.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIVE_ACCESS_KEY", KEYS[0])
    monkeypatch.setenv("ARCHIVE_SECRET_KEY", KEYS[1])


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARCHIVE_ACCESS_KEY", raising=False)
    monkeypatch.delenv("ARCHIVE_SECRET_KEY", raising=False)


def test_found_snapshot_is_the_closest_to_publication_and_recorded(
    project: Project, capsys
) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.add(WIRE_URL, "20250101000000")
        code, report = run(project, site, wb, "--record-archives")
    assert code == 0
    wire = archive(report)["wire-2024-01-17"]
    assert wire == {
        "state": "found",
        "snapshot": f"https://web.archive.org/web/20240117093012/{WIRE_URL}",
        "taken": "2024-01-17T09:30:12Z",
        "detail": None,
    }
    assert archive(report)["paper-2024-01-18"]["state"] == "none"
    assert report["summary"]["archived"] == 1 and report["summary"]["unarchived"] == 1
    recorded = {s["id"]: s.get("archived") for s in sources(project)}
    assert recorded == {"wire-2024-01-17": wire["snapshot"], "paper-2024-01-18": None}
    err = capsys.readouterr().err
    assert "recorded 1 snapshot(s) in data/sources.yaml: wire-2024-01-17" in err
    # the new line sits right after the url, and nothing else in the file moved
    text = (project.data / "sources.yaml").read_text(encoding="utf-8")
    assert f"  url: {WIRE_URL}\n  archived: {wire['snapshot']}\n  accessed:" in text
    assert load(project.data, root=project.root).load_problems == ()
    assert project.problems() == []


def test_recorded_snapshot_is_kept_and_not_asked_again(project: Project) -> None:
    mine = f"https://web.archive.org/web/20240120000000/{WIRE_URL}"
    project.replace("sources.yaml", f"url: {WIRE_URL}\n", f"url: {WIRE_URL}\n  archived: {mine}\n")
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")  # closer, but a person recorded the other one
        code, report = run(project, site, wb, "--record-archives")
        asked = wb.hits["/wayback/available"]
    assert code == 0 and asked == 1  # only the paper was looked up
    assert archive(report)["wire-2024-01-17"]["state"] == "recorded"
    assert archive(report)["wire-2024-01-17"]["snapshot"] == mine
    assert {s["id"]: s.get("archived") for s in sources(project)}["wire-2024-01-17"] == mine


def test_a_redirect_capture_is_not_a_snapshot(project: Project) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(PAPER_URL, "20240118120000", status="302")
        _, report = run(project, site, wb, "--record-archives")
    assert archive(report)["paper-2024-01-18"]["state"] == "none"
    assert all("archived" not in s for s in sources(project))


def test_rate_limited_answers_are_retried_politely(project: Project) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.trouble["available"] = ["429", "429"]
        code, report = run(project, site, wb, "--record-archives")
        asked = wb.hits["/wayback/available"]
    assert code == 0 and asked == 4  # two refusals, then one answer per source
    assert archive(report)["wire-2024-01-17"]["state"] == "found"


def test_rate_limit_that_persists_is_an_error_and_records_nothing(project: Project) -> None:
    before = (project.data / "sources.yaml").read_text(encoding="utf-8")
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.trouble["available"] = ["429"] * 6
        code, report = run(project, site, wb, "--record-archives")
    wire = archive(report)["wire-2024-01-17"]
    assert code == 0  # the pages themselves are fine; the archive is reported, not fatal
    assert wire["state"] == "error" and "HTTP 429" in wire["detail"]
    assert report["summary"]["archive_errors"] == 2
    assert (project.data / "sources.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("trouble", "message"),
    [
        ("garbage", "the availability API answered something that is not JSON"),
        ("wrong-shape", "the availability API answered a malformed snapshot"),
        ("slow", "the availability API failed: no answer within 1 s"),
    ],
)
def test_bad_answers_record_nothing(project: Project, trouble: str, message: str) -> None:
    before = (project.data / "sources.yaml").read_text(encoding="utf-8")
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.trouble["available"] = [trouble] * 3  # every attempt for the first source
        _, report = run(project, site, wb, "--record-archives")
    wire = archive(report)["wire-2024-01-17"]
    assert wire["state"] == "error" and wire["detail"].startswith(message)
    assert wire["snapshot"] is None
    assert (project.data / "sources.yaml").read_text(encoding="utf-8") == before


def test_missing_snapshot_is_requested_then_recorded(project: Project, keys, capsys) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.polls_until_done = 1
        code, report = run(
            project, site, wb, "--request-archives", "--archive-wait", "30", "--record-archives"
        )
        assert wb.hits["POST /save"] == 1  # only the paper had none
        assert set(wb.auth) == {f"LOW {KEYS[0]}:{KEYS[1]}"}
    paper = archive(report)["paper-2024-01-18"]
    assert code == 0
    assert paper["state"] == "found"
    assert paper["snapshot"] == f"https://web.archive.org/web/20261203101500/{PAPER_URL}"
    assert {s["id"]: s.get("archived") for s in sources(project)} == {
        "wire-2024-01-17": f"https://web.archive.org/web/20240117093012/{WIRE_URL}",
        "paper-2024-01-18": paper["snapshot"],
    }
    assert report["summary"]["archived_now"] == 2 and report["summary"]["unarchived"] == 0


def test_capture_not_ready_stays_requested(project: Project, keys) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.polls_until_done = 10**6
        _, report = run(project, site, wb, "--request-archives", "--record-archives")
    paper = archive(report)["paper-2024-01-18"]
    assert paper["state"] == "requested" and paper["detail"] == "job spn2-0002"
    assert report["summary"]["archive_requested"] == 2
    assert all("archived" not in s for s in sources(project))


def test_capture_refused_by_the_archive(project: Project, keys) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.capture_fails = True
        wb.polls_until_done = 0
        _, report = run(project, site, wb, "--request-archives", "--archive-wait", "30")
    paper = archive(report)["paper-2024-01-18"]
    assert paper["state"] == "error"
    assert paper["detail"] == "Save Page Now could not capture the page: This URL is excluded."


def test_without_keys_nothing_is_requested_and_the_report_says_why(project: Project) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        _, report = run(project, site, wb, "--request-archives")
        assert wb.hits["POST /save"] == 0
    paper = archive(report)["paper-2024-01-18"]
    assert paper["state"] == "none"
    assert "ARCHIVE_ACCESS_KEY and ARCHIVE_SECRET_KEY" in paper["detail"]


def test_markdown_report_lists_what_is_still_unarchived(project: Project, capsys) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        run(project, site, wb)
    out = capsys.readouterr().out
    assert "Archived copies: 1 source(s) have a snapshot (1 found or made in this run)" in out
    assert "## Snapshots found" in out and "| `wire-2024-01-17` |" in out
    assert "## Not archived yet" in out
    assert f"| `paper-2024-01-18` | <{PAPER_URL}> | none: the archive has no snapshot |" in out


def test_record_refuses_data_that_does_not_read_cleanly(project: Project, capsys) -> None:
    project.replace("sources.yaml", "  kind: news\n", "  kind: news\n  kind: news\n")
    before = (project.data / "sources.yaml").read_text(encoding="utf-8")
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        root = ["--root", str(project.root)]
        code = main([*root, "verify", "--online", *publishers(site), *wb.rebase(), *FAST,
                     "--record-archives"])  # fmt: skip
    assert code == 2
    assert "must read cleanly first" in capsys.readouterr().err
    assert (project.data / "sources.yaml").read_text(encoding="utf-8") == before


def test_dead_page_is_read_from_the_snapshot_found(project: Project) -> None:
    routes = dict(PUBLISHERS)
    del routes["/com/village"]
    with serve(routes) as site, fake_wayback() as wb:
        body = (ROOT / "tests" / "fixtures" / "pages" / "paper-2024-01-18.html").read_bytes()
        wb.add(PAPER_URL, "20240119000000", body=body)
        code, report = run(project, site, wb)
    paper = next(s for s in report["sources"] if s["id"] == "paper-2024-01-18")
    assert code == 1 and paper["dead"]
    assert paper["checked_against"] == "archive" and all(q["found"] for q in paper["quotes"])
    assert paper["archive_url"] == f"https://web.archive.org/web/20240119000000/{PAPER_URL}"


def test_the_weekly_workflow_step_against_the_stand_in(project: Project) -> None:
    """The scheduled workflow's own command, pointed at the stand-ins: from no snapshot
    recorded to every one recorded, without editing any data by hand."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/sources.yml").read_text("utf-8"))
    steps = workflow["jobs"]["verify"]["steps"]
    step = next(s for s in steps if s.get("id") == "verify")
    command = shlex.split(step["run"].replace("\n", " "))
    assert command[:3] == [".venv/bin/explainer", "verify", "--online"]
    assert {"--record-archives", "--request-archives"} <= set(command)
    env = {**os.environ, "ARCHIVE_ACCESS_KEY": KEYS[0], "ARCHIVE_SECRET_KEY": KEYS[1]}
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(WIRE_URL, "20240117093012")
        wb.polls_until_done = 0
        argv = [sys.executable, "-m", "explainer.cli", *command[1:3], *publishers(site)]
        argv += [*wb.rebase(), *command[3:], "--delay", "0", "--archive-wait", "20"]
        done = subprocess.run(
            argv, cwd=project.root, env=env, capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 0, done.stderr
    report = json.loads((project.root / "report" / "sources.json").read_text("utf-8"))
    summary = report["summary"]
    counts = (summary["archived"], summary["archive_requested"], summary["unarchived"])
    print(f"stand-in run: archived {counts[0]} / requested {counts[1]} / none {counts[2]}")
    assert counts == (2, 0, 0)
    assert all(s.get("archived") for s in sources(project))
    assert "recorded 2 snapshot(s) in data/sources.yaml" in done.stderr


def test_library_use_without_the_cli(project: Project) -> None:
    with serve(PUBLISHERS) as site, fake_wayback() as wb:
        wb.add(PAPER_URL, "20240118101010")
        rebase = Rebase.parse([*publishers(site), *wb.rebase()][1::2])
        verifier = Verifier(Fetcher(timeout=1, retries=0), rebase, delay=0)
        report = verify(load(project.data, root=project.root), verifier)
    assert report.found_snapshots() == {
        "paper-2024-01-18": f"https://web.archive.org/web/20240118101010/{PAPER_URL}"
    }
