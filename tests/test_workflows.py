"""The GitHub workflows: linted by zizmor and the GitHub schemas, and held to the
project's policy (pinned actions, least privilege, no credentials left behind)."""

from __future__ import annotations

import os
import re
import shutil
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


def test_dependabot_covers_pip_actions_and_the_image() -> None:
    config = load(GITHUB / "dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions", "docker"}
    assert ecosystems["docker"]["directory"] == "/.github/ci-image"


def test_no_machine_paths_in_github_files() -> None:
    for path in GITHUB.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(?<![\w.])/(?:work|tmp|home|root)/", text), path


# --- where each job runs ---------------------------------------------------------------

DOCKERFILE = GITHUB / "ci-image" / "Dockerfile"
# Jobs that stay on GitHub's bare Ubuntu runner: they run no project code.
BARE_RUNNER = {("deploy.yml", "deploy"), ("sources.yml", "record"), ("sources.yml", "issue")}
# What the bare-runner jobs' scripts may call: software GitHub's ubuntu-24.04 image has.
# Its software list, actions/runner-images images/ubuntu/Ubuntu2404-Readme.md
# (https://github.com/actions/runner-images/blob/main/images/ubuntu/Ubuntu2404-Readme.md,
# image version 20260525.161.1), names "Bash" under Language and Runtime, "Git" under
# Tools and "GitHub CLI" under CLI Tools; `cp` and `head` are coreutils, an Essential
# package of every Ubuntu. git and gh are stubs here: they would talk to GitHub.
UBUNTU_2404 = {
    "bash": "Bash",
    "git": "Git",
    "gh": "GitHub CLI",
    "cp": "coreutils",
    "head": "coreutils",
}
STUBS = {"git", "gh"}


def the_image() -> str:
    (line,) = [x for x in DOCKERFILE.read_text().splitlines() if x.startswith("FROM ")]
    return line.removeprefix("FROM ").strip()


def all_jobs() -> list[tuple[str, str, dict[str, Any]]]:
    return [(p.name, name, job) for p in WORKFLOWS for name, job in load(p)["jobs"].items()]


def test_the_image_is_debian_bookworm_python_311_pinned_by_digest() -> None:
    assert re.fullmatch(r"python:3\.11-slim-bookworm@sha256:[0-9a-f]{64}", the_image())


@pytest.mark.parametrize(("workflow", "name", "job"), all_jobs(), ids=lambda x: str(x)[:20])
def test_every_job_runs_in_the_image_or_needs_nothing_from_it(
    workflow: str, name: str, job: dict[str, Any]
) -> None:
    if (workflow, name) in BARE_RUNNER:
        assert "container" not in job
        # no project code: nothing from the lock, no make
        assert not re.search(r"\.venv/|\bmake\b|\bexplainer\b", runs(job)), f"{workflow}: {name}"
        return
    assert job["container"]["image"] == the_image(), f"{workflow}: {name}"
    assert not re.search(r"\bsudo\b", runs(job)), "the container job runs as root"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_the_rehearsal_finds_nothing_to_refuse(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from rehearsal.runner import lint
    from rehearsal.runner import load as load_workflow

    assert lint(path, load_workflow(path)) == []


def test_container_jobs_install_only_debian_packages() -> None:
    """The package names in `apt-get install` exist in this machine's Debian release,
    the image's (the rehearsal checks that they match)."""
    names: set[str] = set()
    for _, _, job in all_jobs():
        script = runs(job).replace("\\\n", " ")  # continued lines read as one
        for m in re.finditer(r"apt-get install -y (.*)$", script, re.M):
            names |= set(m.group(1).split())
    assert {"chromium", "git", "make", "nodejs", "npm"} <= names
    result = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", *sorted(names)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def run_on_ubuntu(tmp_path: Path, script: str, env: dict[str, str], gh_answer: str):
    """script under bash with only the ubuntu-24.04 commands on PATH; git and gh are stubs
    that log their arguments (gh answers gh_answer)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for command in UBUNTU_2404:
        target = bin_dir / command
        if command in STUBS:
            answer = '\nprintf "%s" "$GH_ANSWER"' if command == "gh" else ""
            target.write_text(
                f'#!/bin/bash\nprintf "{command} %s\\n" "$*" >> "$STUB_LOG"{answer}\n'
            )
            target.chmod(0o755)
        elif not target.exists():
            target.symlink_to(shutil.which(command) or f"/usr/bin/{command}")
    (tmp_path / "step.sh").write_text(script)
    return subprocess.run(
        [str(bin_dir / "bash"), "--noprofile", "--norc", "-eo", "pipefail", "step.sh"],
        cwd=tmp_path,
        env={
            "PATH": str(bin_dir),
            "STUB_LOG": str(tmp_path / "calls.log"),
            "GH_ANSWER": gh_answer,
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


def job_script(name: str) -> tuple[dict[str, str], str]:
    job = workflow("sources.yml")["jobs"][name]
    env = {k: str(v) for k, v in job.get("env", {}).items() if "${{" not in str(v)}
    (step,) = [s for s in job["steps"] if "run" in s]
    return env, step["run"]


@pytest.mark.parametrize(
    ("result", "unarchived", "open_issue", "report", "calls"),
    [
        ("success", "0", "", False, ["gh issue list"]),
        ("success", "0", "7", False, ["gh issue list", "gh issue close 7"]),
        ("success", "3", "", True, ["gh issue list", "gh issue create"]),
        ("failure", "0", "", False, ["gh issue list", "gh issue create"]),
        ("failure", "3", "7", True, ["gh issue list", "gh issue edit 7", "gh issue comment 7"]),
    ],
)
def test_the_issue_job_uses_only_what_ubuntu_2404_has(
    tmp_path: Path, result: str, unarchived: str, open_issue: str, report: bool, calls: list[str]
) -> None:
    env, script = job_script("issue")
    env |= {"RESULT": result, "UNARCHIVED": unarchived, "RUN_URL": "https://example.org/run"}
    if report:
        (tmp_path / "report").mkdir()
        (tmp_path / "report" / "sources.md").write_text("# Sources\n")
    done = run_on_ubuntu(tmp_path, script, env, open_issue)
    assert done.returncode == 0 and "command not found" not in done.stderr, done.stderr
    logged = (tmp_path / "calls.log").read_text().splitlines()
    assert len(logged) == len(calls), logged
    for line, call in zip(logged, calls, strict=True):
        assert line.startswith(call), (line, call)


@pytest.mark.parametrize(("open_pr", "opens"), [("", True), ("12", False)])
def test_the_record_job_uses_only_what_ubuntu_2404_has(
    tmp_path: Path, open_pr: str, opens: bool
) -> None:
    env, script = job_script("record")
    env |= {"GH_TOKEN": "t", "GITHUB_REPOSITORY": "o/r"}
    (tmp_path / "report").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "report" / "sources.yaml").write_text("- id: x\n")
    done = run_on_ubuntu(tmp_path, script, env, open_pr)
    assert done.returncode == 0 and "command not found" not in done.stderr, done.stderr
    assert (tmp_path / "data" / "sources.yaml").read_text() == "- id: x\n"
    logged = (tmp_path / "calls.log").read_text()
    assert "git push --force" in logged and "gh pr list" in logged
    assert ("gh pr create" in logged) is opens


def test_a_command_ubuntu_2404_lacks_is_caught(tmp_path: Path) -> None:
    done = run_on_ubuntu(tmp_path, 'head -c 3 /dev/null\njq ".x" report.json\n', {}, "")
    assert done.returncode == 127 and "jq: command not found" in done.stderr


@pytest.mark.parametrize(("workflow", "name", "job"), all_jobs(), ids=lambda x: str(x)[:20])
def test_bare_runner_scripts_are_all_run_above(
    workflow: str, name: str, job: dict[str, Any]
) -> None:
    """Of the bare-runner jobs, only record and issue have scripts, each run above."""
    if (workflow, name) in BARE_RUNNER and name not in ("record", "issue"):
        assert runs(job).strip() == ""
    if name in ("record", "issue") and workflow == "sources.yml":
        assert len([s for s in steps(job) if "run" in s]) == 1


def test_make_test_rehearses_ci_and_deploy() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*?\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe
    assert recipe.group(1).splitlines()[-1].strip() == (
        '$(MAKE) --no-print-directory ci-rehearsal WORKFLOWS="ci deploy"'
    )


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_site_builds_check_out_the_whole_history(name: str) -> None:
    """Each page's "last changed" date comes from git history; a shallow clone knows only
    its newest commit."""
    (job,) = [j for j in workflow(name)["jobs"].values() if uses(j, "actions/checkout")]
    (checkout,) = uses(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
