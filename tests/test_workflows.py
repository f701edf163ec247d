"""The GitHub workflows: linted by zizmor and the GitHub schemas, and held to the
project's policy (pinned actions, least privilege, no credentials left behind)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
USES = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / name), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        # no token: the linters must work offline, as in CI's sandboxes
        env={k: v for k, v in os.environ.items() if "TOKEN" not in k} | {"NO_COLOR": "1"},
        timeout=120,
    )


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict[str, Any]:
    return load(GITHUB / "workflows" / name)


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def runs(job: dict[str, Any]) -> str:
    return "\n".join(s.get("run", "") for s in steps(job))


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [s for s in steps(job) if str(s.get("uses", "")).startswith(action + "@")]


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml", "sources.yml"]


def test_zizmor_finds_nothing() -> None:
    result = tool("zizmor", "--offline", "--no-progress", "--persona", "auditor", ".")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", [str(p.relative_to(ROOT)) for p in WORKFLOWS]),
        ("custom.github-workflows-require-timeout", [str(p.relative_to(ROOT)) for p in WORKFLOWS]),
        ("vendor.dependabot", [".github/dependabot.yml"]),
        ("vendor.github-issue-forms", [".github/ISSUE_TEMPLATE/claim-error.yml"]),
        ("vendor.github-issue-config", [".github/ISSUE_TEMPLATE/config.yml"]),
    ],
)
def test_github_schemas(schema: str, files: list[str]) -> None:
    result = tool("check-jsonschema", "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    stepz: []\n")
    result = tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(bad))
    assert result.returncode == 1


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_pinned_to_a_commit_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = list(USES.finditer(text))
    assert found
    for m in found:
        assert PINNED.match(m.group("ref")), f"{path.name}: {m.group('ref')} is not pinned"
        assert re.fullmatch(r"v\d+\.\d+\.\d+", m.group("comment") or ""), m.group(0)


def test_one_commit_per_action_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for m in USES.finditer(path.read_text(encoding="utf-8")):
            action, sha = m.group("ref").split("@")
            pins.setdefault(action, set()).add(f"{sha} {m.group('comment')}")
    assert {a: len(v) for a, v in pins.items() if len(v) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_least_privilege(path: Path) -> None:
    wf = load(path)
    assert "pull_request_target" not in wf["on"]
    assert wf["permissions"] == {}, "grant permissions per job"
    for name, job in wf["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must say what it needs"
        for checkout in uses(job, "actions/checkout"):
            assert checkout["with"]["persist-credentials"] is False
        assert "${{" not in runs(job), f"{path.name}: {name} expands expressions in a script"


def test_ci() -> None:
    wf = workflow("ci.yml")
    assert set(wf["on"]) == {"pull_request", "push"}
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    script = runs(job)
    for command in (
        "apt-get install -y chromium",
        "explainer check --format github",
        "make test",
        "make build",
    ):
        assert command in script, command
    (upload,) = uses(job, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"


def test_deploy() -> None:
    wf = workflow("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert uses(build, "actions/upload-pages-artifact")
    assert "make build" in runs(build)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy, "actions/deploy-pages")


def test_sources() -> None:
    wf = workflow("sources.yml")
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    assert wf["on"]["schedule"][0]["cron"]
    verify, issue = wf["jobs"]["verify"], wf["jobs"]["issue"]
    assert "explainer verify --online" in " ".join(runs(verify).split())
    assert verify["permissions"] == {"contents": "read"}
    # only the job that files the issue may write issues, and it runs no project code
    assert issue["permissions"] == {"issues": "write"}
    assert not uses(issue, "actions/checkout")
    assert issue["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "gh issue create" in runs(issue) and "gh issue edit" in runs(issue)
    for name, job in wf["jobs"].items():
        if name != "issue":
            assert "issues" not in job.get("permissions", {})


def test_dependabot_covers_pip_and_actions() -> None:
    config = load(GITHUB / "dependabot.yml")
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}


def test_no_machine_paths_in_github_files() -> None:
    for path in GITHUB.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?<![\w.])/(?:work|tmp|home|root)/", text), path


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_site_builds_check_out_the_whole_history(name: str) -> None:
    """Each page's "last changed" date comes from git history; a shallow clone knows only
    its newest commit."""
    (job,) = [j for j in workflow(name)["jobs"].values() if uses(j, "actions/checkout")]
    (checkout,) = uses(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
