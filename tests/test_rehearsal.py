"""The workflow rehearsal (tools/rehearsal) on small synthetic workflows: it runs steps
in order with GitHub's environment, passes outputs, honours `if:`, and fails clearly."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, Project
from explainer.cli import REBASE_ENV
from explainer.cli import main as explainer

sys.path.insert(0, str(ROOT / "tools"))
from rehearsal import mirror
from rehearsal.__main__ import main
from rehearsal.expressions import Status, Unresolved, condition, evaluate, interpolate
from rehearsal.runner import GUARD, Options, Rehearsal, RehearsalError, file_commands

CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1"


def repo(tmp_path: Path, workflow: str, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "project"
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "wf.yml").write_text(textwrap.dedent(workflow))
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "test"], check=True)
    return root


def rehearse(root: Path, **options: object) -> tuple[list[str], str]:
    """The failures and the printed report of rehearsing root's workflows."""
    out = io.StringIO()
    rehearsal = Rehearsal(Options(root=root, repository="octo/proj", out=out, **options))
    try:
        result = rehearsal.run(sorted((root / ".github" / "workflows").glob("*.yml")))
    finally:
        rehearsal.close()
    return result.failures, out.getvalue()


def this_machines_image() -> str:
    """A python image tag that matches this machine (its python3 and Debian release)."""
    version = subprocess.run(
        ["python3", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    release = next(
        line.split("=", 1)[1].strip('"')
        for line in Path("/etc/os-release").read_text().splitlines()
        if line.startswith("VERSION_CODENAME=")
    )
    return f"python:{version}-slim-{release}@sha256:{'0' * 64}"


def test_steps_run_in_order_with_githubs_environment(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        f"""
        on: push
        env: {{WHO: workflow, TOP: top}}
        jobs:
          build:
            runs-on: ubuntu-24.04
            env: {{WHO: job}}
            steps:
              - uses: {CHECKOUT}
              - run: echo "one $WHO $TOP" >> order.txt
              - run: echo "two $WHO" >> order.txt
                env: {{WHO: step}}
              - run: |
                  test "$CI" = true && test "$GITHUB_ACTIONS" = true
                  test "$GITHUB_REPOSITORY" = octo/proj
                  test "$GITHUB_WORKSPACE" = "$PWD"
                  test -d "$RUNNER_TEMP" && test -f "$GITHUB_OUTPUT"
                  test -f "$GITHUB_STEP_SUMMARY" && test -f "$GITHUB_ENV"
                  test "${GUARD}" = wf.yml/build
                  test -f tracked.txt
                  cat order.txt >&2
                  test "$(cat order.txt)" = "$(printf 'one job top\\ntwo step')"
        """,
        {"tracked.txt": "from the commit\n"},
    )
    failures, report = rehearse(root)
    assert failures == [], report
    assert report.index("one $WHO") < report.index("two $WHO")


def test_outputs_pass_between_steps_and_jobs(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          first:
            runs-on: ubuntu-24.04
            outputs:
              colour: ${{ steps.pick.outputs.colour }}
            steps:
              - id: pick
                run: |
                  echo "colour=blue" >> "$GITHUB_OUTPUT"
                  printf 'poem<<END\\nroses\\nviolets\\nEND\\n' >> "$GITHUB_OUTPUT"
                  echo "FROM_ENV=set" >> "$GITHUB_ENV"
                  mkdir -p bin && printf '#!/bin/sh\\necho hi\\n' > bin/hello
                  chmod +x bin/hello && echo "$PWD/bin" >> "$GITHUB_PATH"
              - run: |
                  test "$POEM" = "$(printf 'roses\\nviolets')"
                  test "$FROM_ENV" = set
                  test "$(hello)" = hi
                env:
                  POEM: ${{ steps.pick.outputs.poem }}
          second:
            needs: first
            runs-on: ubuntu-24.04
            steps:
              - run: test "$C" = blue
                env:
                  C: ${{ needs.first.outputs.colour }}
        """,
    )
    failures, report = rehearse(root)
    assert failures == [], report
    assert "job second" in report


def test_if_conditions_follow_the_job_status(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          one:
            runs-on: ubuntu-24.04
            steps:
              - name: tolerated
                run: exit 3
                continue-on-error: true
              - name: still fine
                run: "true"
              - name: breaks
                run: exit 1
              - name: not after a failure
                run: "true"
              - name: on failure
                if: failure()
                run: "true"
              - name: always
                if: ${{ always() }}
                run: "true"
              - name: plain condition
                if: github.event_name == 'PUSH'
                run: "true"
          two:
            needs: one
            runs-on: ubuntu-24.04
            steps:
              - run: "true"
          three:
            needs: one
            if: ${{ !cancelled() && needs.one.result == 'failure' }}
            runs-on: ubuntu-24.04
            steps:
              - name: cleanup
                run: "true"
        """,
    )
    failures, report = rehearse(root)
    assert len(failures) == 1 and '"breaks" failed: exit code 1' in failures[0]
    assert "✗ (continue-on-error) tolerated" in report
    assert "✓ still fine" in report
    assert "– not after a failure: skipped" in report
    assert "✓ on failure" in report and "✓ always" in report
    # a condition without a status function is and-ed with success()
    assert "– plain condition: skipped" in report
    assert "job two: skipped" in report
    assert "✓ cleanup" in report


def test_working_directory_and_shells(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        defaults:
          run:
            working-directory: sub
        jobs:
          one:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
              - run: test "$(basename "$PWD")" = sub
              - run: test "$(basename "$PWD")" = deeper
                working-directory: sub/deeper
              - name: unspecified shell has no pipefail
                run: false | true
              - name: python
                shell: python
                run: import os; assert os.getcwd().endswith("sub")
              - name: bash has pipefail
                shell: bash
                run: false | true
        """,
        {"sub/deeper/keep.txt": "x"},
    )
    failures, report = rehearse(root)
    assert "✓ unspecified shell has no pipefail" in report and "✓ python" in report
    assert len(failures) == 1 and '"bash has pipefail" failed: exit code 1' in failures[0]


def test_a_failing_step_names_workflow_job_step_and_shows_its_last_lines(
    tmp_path: Path,
) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - name: Compile
                run: |
                  for i in $(seq 1 40); do echo "line $i"; done
                  echo "the real reason" >&2
                  exit 4
        """,
    )
    failures, _ = rehearse(root, tail=5)
    (failure,) = failures
    assert failure.startswith('wf.yml › job build › step "Compile" failed: exit code 4')
    assert "  | the real reason" in failure and "  | line 40" in failure
    assert "line 35" not in failure  # only the last lines


def test_a_missing_command_is_named_with_its_step(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - name: Use a tool nobody installed
                run: frobnicate-the-site --now
        """,
    )
    (failure,) = rehearse(root)[0]
    assert 'step "Use a tool nobody installed" failed: exit code 127' in failure
    assert "a command was not found" in failure
    assert "frobnicate-the-site: command not found" in failure


def test_sudo_in_a_container_job_is_refused_before_anything_runs(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        f"""
        on: push
        jobs:
          ok:
            runs-on: ubuntu-24.04
            steps:
              - run: touch ran-something
          build:
            runs-on: ubuntu-24.04
            container:
              image: {this_machines_image()}
            steps:
              - name: Install Chromium
                run: |
                  apt-get update && sudo apt-get install -y chromium
        """,
    )
    with pytest.raises(RehearsalError) as e:
        rehearse(root)
    assert 'wf.yml › job build › step "Install Chromium": runs sudo in a container job' in str(
        e.value
    )


def test_sudo_on_a_bare_runner_is_not_a_container_problem(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - run: echo sudo is fine here > /dev/null
        """,
    )
    assert rehearse(root)[0] == []


def test_a_container_job_runs_only_on_a_machine_that_matches_its_image(tmp_path: Path) -> None:
    image = this_machines_image()
    other = image.replace("python:3.", "python:2.", 1)
    root = repo(
        tmp_path,
        f"""
        on: push
        jobs:
          same:
            runs-on: ubuntu-24.04
            container: {{image: "{image}"}}
            steps:
              - run: "true"
          different:
            runs-on: ubuntu-24.04
            container: {{image: "{other}"}}
            steps:
              - run: "true"
        """,
    )
    (failure,) = rehearse(root)[0]
    assert failure.startswith("wf.yml › job different: runs in python:2.")
    assert "rehearse it on a machine that matches the image" in failure


def test_an_unpinned_image_is_refused(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            container: python:3.11-slim-bookworm
            steps:
              - run: "true"
        """,
    )
    with pytest.raises(RehearsalError, match="pinned by @sha256 digest"):
        rehearse(root)


@pytest.mark.parametrize(
    ("expression", "named"),
    [
        ("vars.DEPLOY_KEY", "the context `vars` is not available"),
        ("steps.nowhere.outputs.x", "`steps.nowhere` is not set"),
        ("env.NOT_SET", "`env.NOT_SET` is not set"),
        ("hashFiles('*.lock')", "hashFiles() is not one a rehearsal can evaluate"),
    ],
)
def test_an_unresolvable_expression_fails_naming_it(
    tmp_path: Path, expression: str, named: str
) -> None:
    root = repo(
        tmp_path,
        f"""
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - name: Use it
                run: echo "$X"
                env:
                  X: ${{{{ {expression} }}}}
        """,
    )
    (failure,) = rehearse(root)[0]
    assert failure.startswith('wf.yml › job build › step "Use it": ') and named in failure


@pytest.mark.parametrize(
    ("prepare", "rule", "expected"),
    [
        ("true", "error", "site does not exist; nothing to upload"),
        ("mkdir site", "error", "site is empty; nothing to upload"),
        ("mkdir site", "warn", None),
        ("mkdir site && touch site/index.html", "error", None),
    ],
)
def test_uploads_need_files(tmp_path: Path, prepare: str, rule: str, expected: str | None) -> None:
    root = repo(
        tmp_path,
        f"""
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - run: {prepare}
              - name: Upload
                uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f
                with: {{name: site, path: site/, if-no-files-found: {rule}}}
        """,
    )
    failures, report = rehearse(root)
    if expected is None:
        assert failures == [], report
    else:
        (failure,) = failures
        assert f'step "Upload" failed: actions/upload-artifact: {expected}' in failure


def test_pages_upload_then_deploy_is_skipped_and_reported(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - run: mkdir site && echo hi > site/index.html
              - uses: actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9
                with: {path: site/}
          deploy:
            needs: build
            runs-on: ubuntu-24.04
            steps:
              - name: Deploy to GitHub Pages
                uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128
          fetch:
            needs: build
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c
                with: {name: github-pages, path: got/}
              - run: test "$(cat got/index.html)" = hi
        """,
    )
    out = io.StringIO()
    rehearsal = Rehearsal(Options(root=root, out=out))
    result = rehearsal.run([root / ".github" / "workflows" / "wf.yml"])
    rehearsal.close()
    assert result.failures == [], out.getvalue()
    (stood_in,) = result.stood_in
    assert 'step "Deploy to GitHub Pages": actions/deploy-pages not run' in stood_in
    assert "1 file(s) from site kept as 'github-pages'" in out.getvalue()


def test_an_action_without_a_stand_in_is_refused(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: some/unknown-action@0000000000000000000000000000000000000000
        """,
    )
    with pytest.raises(RehearsalError, match=r"no stand-in for some/unknown-action@0+"):
        rehearse(root)


def test_the_github_cli_is_stood_in_for(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: workflow_dispatch
        jobs:
          issue:
            runs-on: ubuntu-24.04
            env: {GH_TOKEN: "${{ github.token }}"}
            steps:
              - name: File it
                run: gh issue create --title x --body y
        """,
    )
    out = io.StringIO()
    rehearsal = Rehearsal(Options(root=root, out=out))
    result = rehearsal.run([root / ".github" / "workflows" / "wf.yml"])
    rehearsal.close()
    assert result.failures == []
    assert result.stood_in == [
        'wf.yml › job issue › step "File it": not run, the GitHub CLI needs GitHub\'s API '
        "and a token"
    ]


def test_secrets_read_as_empty_and_are_reported(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - run: test -z "$KEY"
                env: {KEY: "${{ secrets.ARCHIVE_KEY }}"}
        """,
    )
    out = io.StringIO()
    rehearsal = Rehearsal(Options(root=root, out=out))
    result = rehearsal.run([root / ".github" / "workflows" / "wf.yml"])
    rehearsal.close()
    assert result.failures == [], out.getvalue()
    assert result.stood_in == ["secrets read as empty (none in a rehearsal): ARCHIVE_KEY"]


def test_setup_python_must_match_this_machine(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97
                with: {python-version: "2.7"}
        """,
    )
    (failure,) = rehearse(root)[0]
    assert "the workflow asks for Python 2.7, this machine's python3 is 3." in failure


def test_a_step_timeout_stops_it(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          build:
            runs-on: ubuntu-24.04
            steps:
              - name: Hangs
                timeout-minutes: 0.005
                run: sleep 30
        """,
    )
    (failure,) = rehearse(root)[0]
    assert 'step "Hangs" failed: timed out (timeout-minutes)' in failure


def test_matrix_and_inputs(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on:
          workflow_dispatch:
            inputs:
              greeting: {default: hello}
        jobs:
          build:
            runs-on: ubuntu-24.04
            strategy:
              matrix:
                n: [1, 2]
            steps:
              - run: echo "${{ inputs.greeting }} ${{ matrix.n }}" >> "$RUNNER_TEMP/../../seen"
        """,
    )
    failures, report = rehearse(root)
    assert failures == [], report
    assert "job build {'n': 1}" in report and "job build {'n': 2}" in report


def test_inside_a_rehearsal_it_does_not_rehearse_again(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(GUARD, "ci.yml/test")
    assert main(["--root", str(ROOT), "ci"]) == 0
    assert "already a rehearsal (of ci.yml/test); not rehearsing again" in capsys.readouterr().out


def test_set_must_name_a_declared_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(GUARD, raising=False)
    root = repo(tmp_path, "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: 'true'}]\n")
    assert main(["--root", str(root), "--set", "NOPE=1"]) == 1
    assert "--set NOPE: no workflow rehearsed declares it" in capsys.readouterr().err


def test_set_overrides_a_workflow_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(GUARD, raising=False)
    root = repo(
        tmp_path,
        "on: push\nenv: {MODE: real}\njobs:\n  a:\n    runs-on: x\n"
        "    steps: [{run: 'test \"$MODE\" = rehearsed'}]\n",
    )
    assert main(["--root", str(root), "--set", "MODE=rehearsed"]) == 0, capsys.readouterr()


def test_file_commands() -> None:
    assert file_commands(Path("/nonexistent")) == {}


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("'a' == 'A'", True),
        ("1 == '1'", True),
        ("!(1 < 2)", False),
        ("'' || 'fallback'", "fallback"),
        ("'x' && 'y'", "y"),
        ("format('{0}-{1}', 'a', 2)", "a-2"),
        ("contains('Hello', 'ell')", True),
        ("startsWith(github.ref, 'refs/heads/')", True),
        ("github['ref']", "refs/heads/main"),
    ],
)
def test_expressions(expression: str, value: object) -> None:
    assert evaluate(expression, {"github": {"ref": "refs/heads/main"}}) == value


def test_conditions_and_templates() -> None:
    ctx = {"env": {"A": "1"}}
    assert condition(None, ctx, Status(failed=True)) is False
    assert condition("always()", ctx, Status(failed=True)) is True
    assert interpolate("x-${{ env.A }}-${{ env.A == '1' }}", ctx) == "x-1-true"
    assert interpolate("${{ env.A }}/${{ env.A }}", ctx) == "1/1"
    assert interpolate("${{ env.A == '1' }}", ctx) is True
    with pytest.raises(Unresolved, match="ends too early"):
        evaluate("env.A ==", ctx)


def test_the_source_mirror_lets_verify_pass_offline(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the rehearsal of sources.yml does: the workflow's own command, its URLs sent to
    the mirror through the environment variable the workflow declares."""
    with mirror.serve(project.root) as base:
        monkeypatch.setenv(REBASE_ENV, mirror.rebase(base))
        code = explainer(
            [
                "--root",
                str(project.root),
                "verify",
                "--online",
                "--delay",
                "0",
                "--json",
                str(project.root / "report.json"),
            ]
        )
    out = capsys.readouterr().out
    report = json.loads((project.root / "report.json").read_text())
    assert code == 0, out
    assert report["summary"]["sources"] == 2 and not report["needs_attention"]
    # the mirror is not an archive: every source is reported unarchived, none in error
    assert report["summary"]["unarchived"] == 2
    assert all(q["found"] for s in report["sources"] for q in s["quotes"])


def test_without_the_mirror_the_rebase_sends_fetches_nowhere_else(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The environment's specs really are used: pointed at a closed port, pages are dead."""
    monkeypatch.setenv(
        REBASE_ENV, "https://=http://127.0.0.1:9/https/ http://=http://127.0.0.1:9/h/"
    )
    code = explainer(
        [
            "--root",
            str(project.root),
            "verify",
            "--online",
            "--delay",
            "0",
            "--retries",
            "0",
            "--timeout",
            "1",
            "--no-archive",
            "--json",
            str(project.root / "r.json"),
        ]
    )
    report = json.loads((project.root / "r.json").read_text())
    assert code == 1 and all(s["dead"] for s in report["sources"])


def test_every_option_is_documented() -> None:
    from rehearsal.__main__ import build_parser

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("### Rehearse a workflow") : text.index("## Rules")]
    options = {f for a in build_parser()._actions for f in a.option_strings if f != "--help"}
    assert {o for o in options if o.startswith("--")} <= set(re.findall(r"`(--[a-z-]+)", section))
    assert "make ci-rehearsal" in section


def test_services_and_reusable_workflows_are_refused(tmp_path: Path) -> None:
    root = repo(
        tmp_path,
        """
        on: push
        jobs:
          db:
            runs-on: ubuntu-24.04
            services: {postgres: {image: postgres}}
            steps: [{run: "true"}]
          shared:
            uses: octo/workflows/.github/workflows/x.yml@main
        """,
    )
    with pytest.raises(RehearsalError) as e:
        rehearse(root)
    assert "job db: a rehearsal cannot run service containers" in str(e.value)
    assert "job shared: a rehearsal cannot run a reusable workflow" in str(e.value)
