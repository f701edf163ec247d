"""Runs the jobs of GitHub workflows on this machine, step by step, as GitHub's runners
would: a fresh clone per job, GitHub's environment variables, the workflow's, job's and
step's `env`, `working-directory`, `shell`, `if:` and file commands (GITHUB_OUTPUT,
GITHUB_ENV, GITHUB_PATH). Actions are stood in for (see actions.py); a job that runs in
a container image runs here only when this machine matches the image (same Debian
release, same Python minor version), which is the point: the jobs run where they were
tested.
"""

from __future__ import annotations

import collections
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from .actions import ActionContext, StepFailed, stand_in
from .expressions import Status, Unresolved, condition, interpolate, text

# Set in every step's environment. A rehearsal started inside a rehearsed step (CI runs
# `make test`, which rehearses CI) reports that and runs nothing: one level is the test.
GUARD = "CI_REHEARSAL"
SUDO = re.compile(r"(?:^|[\s;&|(`])sudo(?=\s|$)", re.M)
# the GitHub CLI needs GitHub's API and the job's token, neither of which a rehearsal has
GH_CLI = re.compile(r"(?:^|[\s;&|(`])gh\s", re.M)
IMAGE = re.compile(
    r"^python:(?P<version>\d+\.\d+)(?:\.\d+)?-(?:slim-)?(?P<release>[a-z]+)"
    r"@sha256:[0-9a-f]{64}$"
)
# GitHub's shells: an unspecified shell is `bash -e`; `shell: bash` adds pipefail
SHELLS = {
    None: "bash -e {0}",
    "bash": "bash --noprofile --norc -eo pipefail {0}",
    "sh": "sh -e {0}",
    "python": "python {0}",
}
# what a step inherits from the machine (its caches and package mirrors), nothing else
INHERITED = re.compile(
    r"^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TZ|TMPDIR|CHROMIUM|PYENV_ROOT|PYENV_VERSION"
    r"|SSL_CERT_(FILE|DIR)|REQUESTS_CA_BUNDLE|PIP_[A-Z_]+|npm_config_[a-z_]+|NPM_CONFIG_[A-Z_]+"
    r"|(http|https|no|all)_proxy|(HTTP|HTTPS|NO|ALL)_PROXY)$"
)


class Secrets(dict):
    """Every secret reads as empty, as in a repository that has none set (GitHub's own
    behaviour for an unset secret); the names read are kept for the report."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return ""


class RehearsalError(Exception):
    """A workflow the rehearsal refuses to run; the message names workflow, job, step."""


def load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise RehearsalError(f"{path.name}: cannot be read: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), dict):
        raise RehearsalError(f"{path.name}: not a workflow (no `jobs:` mapping)")
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def step_name(step: Mapping[str, Any]) -> str:
    if step.get("name"):
        return str(step["name"])
    if step.get("run") is not None:
        return "Run " + (text(step["run"]).strip().splitlines() or [""])[0]
    return "Run " + str(step.get("uses", "?"))


def lint(path: Path, data: Mapping[str, Any]) -> list[str]:
    """What would fail on GitHub's runners whatever this machine does."""
    problems = []
    for job_id, job in data["jobs"].items():
        where = f"{path.name} › job {job_id}"
        for key, what in (("uses", "a reusable workflow"), ("services", "service containers")):
            if key in job:
                problems.append(f"{where}: a rehearsal cannot run {what} (`{key}:`)")
        image = container_image(job)
        if image is not None and not IMAGE.match(image):
            problems.append(
                f"{where}: container image {image!r} is not python:<version>-<debian release>"
                " pinned by @sha256 digest; a rehearsal can only match such an image"
            )
        for step in job.get("steps", []):
            at = f'{where} › step "{step_name(step)}"'
            if "uses" in step and stand_in(str(step["uses"])) is None:
                problems.append(
                    f"{at}: no stand-in for {step['uses']}; add one to tools/rehearsal/actions.py"
                )
            if image is not None and SUDO.search(str(step.get("run", ""))):
                problems.append(
                    f"{at}: runs sudo in a container job; the job runs as root in {image} "
                    "and the image has no sudo: drop it"
                )
    return problems


def container_image(job: Mapping[str, Any]) -> str | None:
    container = job.get("container")
    if container is None:
        return None
    return str(container.get("image") if isinstance(container, dict) else container)


def file_commands(path: Path) -> dict[str, str]:
    """NAME=value lines and NAME<<DELIMITER blocks, as in GITHUB_OUTPUT and GITHUB_ENV."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    lines = iter(path.read_text(encoding="utf-8").splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for body in lines:
                if body == delimiter:
                    break
                block.append(body)
            else:
                raise StepFailed(f"{path.name}: {name}<<{delimiter} is never closed")
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        elif line.strip():
            raise StepFailed(f"{path.name}: cannot read the line {line!r}")
    return values


@dataclass
class Options:
    root: Path
    repository: str = "local/explainer"
    event: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)  # workflow-level env values
    keep: bool = False
    verbose: bool = False
    tail: int = 25  # output lines shown for a failed step
    out: TextIO = sys.stdout


@dataclass
class Result:
    failures: list[str] = field(default_factory=list)
    stood_in: list[str] = field(default_factory=list)
    jobs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _run_logged(
    cmd: list[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    log: Path,
    timeout: float,
    tail: int,
    echo: TextIO | None,
) -> tuple[int, list[str], bool]:
    """Exit code, last lines of output, and whether the timeout killed it."""
    last: collections.deque[str] = collections.deque(maxlen=tail)
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        start_new_session=True,  # a timeout ends the step's whole process group
    )
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(max(timeout, 0.0), kill)
    timer.start()
    try:
        with log.open("w", encoding="utf-8") as f:
            assert proc.stdout is not None
            for line in proc.stdout:
                f.write(line)
                last.append(line.rstrip("\n"))
                if echo is not None:
                    echo.write("      " + line)
        code = proc.wait()
    finally:
        timer.cancel()
    return code, list(last), timed_out.is_set()


class Rehearsal:
    """One rehearsal: workflows run in order, their jobs in `needs` order."""

    def __init__(self, options: Options) -> None:
        self.o = options
        self.root = options.root.resolve()
        self.commit = self._git("rev-parse", "HEAD")
        self.base = Path(tempfile.mkdtemp(prefix="ci-rehearsal-"))
        self.result = Result()
        self.machine_python_cache: dict[str, str] = {}
        self.secrets = Secrets()

    def _git(self, *args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError) as e:
            detail = getattr(e, "stderr", "") or str(e)
            raise RehearsalError(f"{self.root}: not a git repository ({detail.strip()})") from e
        return done.stdout.strip()

    def say(self, line: str) -> None:
        print(line, file=self.o.out, flush=True)

    def close(self) -> None:
        if self.o.keep:
            self.say(f"kept the workspaces in {self.base}")
        else:
            shutil.rmtree(self.base, ignore_errors=True)

    # --- environment -------------------------------------------------------------------

    def machine_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if INHERITED.match(k)}
        # the caller's own virtual environment is not on GitHub's runners
        venv = os.environ.get("VIRTUAL_ENV")
        keep = [
            p
            for p in env.get("PATH", os.defpath).split(os.pathsep)
            if p
            and not Path(p).resolve().is_relative_to(self.root)
            and not (venv and Path(p).resolve().is_relative_to(Path(venv).resolve()))
        ]
        env["PATH"] = os.pathsep.join(keep)
        return env

    def python_version(self, env: Mapping[str, str]) -> str:
        path = env.get("PATH", "")
        if path not in self.machine_python_cache:
            done = subprocess.run(
                ["python3", "-c", "import platform; print(platform.python_version())"],
                env=dict(env),
                capture_output=True,
                text=True,
                check=False,
            )
            self.machine_python_cache[path] = done.stdout.strip() or "none"
        return self.machine_python_cache[path]

    def github(self, path: Path, data: Mapping[str, Any], event: str) -> dict[str, Any]:
        owner, _, name = self.o.repository.partition("/")
        branch = self._git("rev-parse", "--abbrev-ref", "HEAD")
        ref_name = "main" if branch == "HEAD" else branch
        on = data.get("on") or {}
        inputs = {}
        if isinstance(on, dict) and isinstance(on.get("workflow_dispatch"), dict):
            for key, spec in (on["workflow_dispatch"].get("inputs") or {}).items():
                if isinstance(spec, dict) and "default" in spec:
                    inputs[key] = spec["default"]
        return {
            "repository": self.o.repository,
            "repository_owner": owner,
            "ref": f"refs/heads/{ref_name}",
            "ref_name": ref_name,
            "sha": self.commit,
            "event_name": event,
            "server_url": "https://github.com",
            "api_url": "https://api.github.com",
            "run_id": "0",
            "run_number": "0",
            "run_attempt": "1",
            "actor": owner,
            "workflow": str(data.get("name") or path.name),
            # no token: anything that needs one (the GitHub CLI) is stood in for
            "token": "",
            "event": {"repository": {"name": name, "full_name": self.o.repository}},
            "inputs": inputs,
        }

    def event(self, path: Path, data: Mapping[str, Any]) -> str:
        on = data.get("on") or {}
        events = [on] if isinstance(on, str) else list(on)
        if self.o.event:
            if self.o.event not in events:
                raise RehearsalError(f"{path.name}: does not run on {self.o.event}")
            return self.o.event
        for preferred in ("push", "pull_request", "workflow_dispatch", "schedule"):
            if preferred in events:
                return preferred
        return str(events[0])

    # --- workflows and jobs ------------------------------------------------------------

    def run(self, paths: list[Path]) -> Result:
        loaded = [(p, load(p)) for p in paths]
        problems = [msg for p, data in loaded for msg in lint(p, data)]
        declared = {k for _, data in loaded for k in (data.get("env") or {})}
        problems += [
            f"--set {name}: no workflow rehearsed declares it in its top-level `env:`"
            for name in sorted(set(self.o.overrides) - declared)
        ]
        if problems:
            raise RehearsalError("\n".join(problems))
        for path, data in loaded:
            self.workflow(path, data)
        if self.secrets.read:
            names = ", ".join(sorted(self.secrets.read))
            self.result.stood_in.append(f"secrets read as empty (none in a rehearsal): {names}")
        return self.result

    def workflow(self, path: Path, data: Mapping[str, Any]) -> None:
        event = self.event(path, data)
        github = self.github(path, data, event)
        self.say(f"{path.name} ({github['workflow']}), as on {event}")
        contexts: dict[str, Any] = {
            "github": github,
            "inputs": github["inputs"],
            "secrets": self.secrets,
            "env": {},
        }
        declared = data.get("env") or {}
        wf_env = {k: text(v) for k, v in interpolate(declared, contexts).items()}
        wf_env.update({k: v for k, v in self.o.overrides.items() if k in declared})
        needs_results: dict[str, dict[str, Any]] = {}
        for job_id in self._order(path, data["jobs"]):
            job = data["jobs"][job_id]
            for matrix in self._matrix(path, job_id, job):
                label = job_id + (f" {matrix}" if matrix else "")
                result, outputs = self.job(
                    path, data, job_id, label, job, matrix, github, wf_env, needs_results
                )
                needs_results[job_id] = {"result": result, "outputs": outputs}

    def _order(self, path: Path, jobs: Mapping[str, Any]) -> list[str]:
        order: list[str] = []
        visiting: set[str] = set()

        def visit(job_id: str) -> None:
            if job_id in order:
                return
            if job_id in visiting:
                raise RehearsalError(f"{path.name}: jobs need each other in a loop at {job_id}")
            if job_id not in jobs:
                raise RehearsalError(f"{path.name}: a job needs {job_id!r}, which does not exist")
            visiting.add(job_id)
            for need in self._needs(jobs[job_id]):
                visit(need)
            order.append(job_id)

        for job_id in jobs:
            visit(job_id)
        return order

    @staticmethod
    def _needs(job: Mapping[str, Any]) -> list[str]:
        needs = job.get("needs") or []
        return [needs] if isinstance(needs, str) else list(needs)

    @staticmethod
    def _matrix(path: Path, job_id: str, job: Mapping[str, Any]) -> list[dict[str, Any]]:
        matrix = (job.get("strategy") or {}).get("matrix")
        if not matrix:
            return [{}]
        if not isinstance(matrix, dict):
            raise RehearsalError(f"{path.name} › job {job_id}: a matrix from an expression")
        axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
        combos: list[dict[str, Any]] = [{}]
        for key, values in axes.items():
            combos = [{**c, key: v} for c in combos for v in values]
        for ex in matrix.get("exclude") or []:
            combos = [c for c in combos if any(c.get(k) != v for k, v in ex.items())]
        for inc in matrix.get("include") or []:
            combos.append(dict(inc))
        return combos

    def job(
        self,
        path: Path,
        data: Mapping[str, Any],
        job_id: str,
        label: str,
        job: Mapping[str, Any],
        matrix: dict[str, Any],
        github: dict[str, Any],
        wf_env: dict[str, str],
        needs_results: dict[str, dict[str, Any]],
    ) -> tuple[str, dict[str, Any]]:
        where = f"{path.name} › job {label}"
        needs = {n: needs_results[n] for n in self._needs(job)}
        status = Status(failed=any(n["result"] != "success" for n in needs.values()))
        contexts: dict[str, Any] = {
            "github": {**github, "job": job_id},
            "inputs": github["inputs"],
            "secrets": self.secrets,
            "needs": needs,
            "matrix": matrix,
            "env": dict(wf_env),
            "runner": {"os": "Linux", "arch": "X64", "temp": ""},
            "job": {"status": "success"},
            "steps": {},
        }
        image = container_image(job)
        place = (
            f"container {image[: image.index('@sha256:') + 19]}…"
            if image and "@sha256:" in image
            else f"container {image}"
            if image
            else f"bare runner {job.get('runs-on')}"
        )
        try:
            run_it = condition(job.get("if"), contexts, status)
        except Unresolved as e:
            return self._fail(f"{where}: if: {e}"), {}
        if not run_it:
            self.say(f"  job {label}: skipped (if: {job.get('if', 'success()')})")
            return "skipped", {}
        # inside the job, success() and failure() are about its own steps
        status = Status()
        self.say(f"  job {label} ({job.get('name', job_id)}): {place}")
        self.result.jobs.append(f"{path.name} › {label}: {place}")

        home = self.base / f"{path.stem}-{job_id}-{len(self.result.jobs)}"
        workspace, temp = home / "workspace", home / "temp"
        workspace.mkdir(parents=True)
        temp.mkdir()
        contexts["runner"]["temp"] = str(temp)
        env: dict[str, str] = {
            **self.machine_env(),
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKFLOW": github["workflow"],
            "GITHUB_JOB": job_id,
            "GITHUB_REPOSITORY": github["repository"],
            "GITHUB_REPOSITORY_OWNER": github["repository_owner"],
            "GITHUB_REF": github["ref"],
            "GITHUB_REF_NAME": github["ref_name"],
            "GITHUB_SHA": github["sha"],
            "GITHUB_EVENT_NAME": github["event_name"],
            "GITHUB_SERVER_URL": github["server_url"],
            "GITHUB_API_URL": github["api_url"],
            "GITHUB_RUN_ID": github["run_id"],
            "GITHUB_WORKSPACE": str(workspace),
            "RUNNER_OS": "Linux",
            "RUNNER_TEMP": str(temp),
            # `git config --global` in a step writes the job's own file, as in a fresh runner
            "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
            GUARD: f"{path.name}/{job_id}",
        }
        env.update(wf_env)
        try:
            job_env = {k: text(v) for k, v in interpolate(job.get("env") or {}, contexts).items()}
        except Unresolved as e:
            return self._fail(f"{where} › env: {e}"), {}
        env.update(job_env)
        contexts["env"] = {**wf_env, **job_env}

        if image:
            mismatch = self._machine_mismatch(image, env)
            if mismatch:
                return self._fail(f"{where}: {mismatch}"), {}

        deadline = time.monotonic() + 60 * float(job.get("timeout-minutes", 360))
        defaults = {
            **((data.get("defaults") or {}).get("run") or {}),
            **((job.get("defaults") or {}).get("run") or {}),
        }
        added_path: list[str] = []
        failed_steps: list[str] = []
        for number, step in enumerate(job.get("steps", []), 1):
            name = step_name(step)
            at = f'{where} › step "{name}"'
            step_env = dict(env)
            if added_path:
                step_env["PATH"] = os.pathsep.join([*reversed(added_path), env["PATH"]])
            try:
                if not condition(step.get("if"), contexts, status):
                    self.say(f"    – {name}: skipped (if: {step.get('if', 'success()')})")
                    self._record(contexts, step, "skipped", {})
                    continue
                own = {k: text(v) for k, v in interpolate(step.get("env") or {}, contexts).items()}
                step_env.update(own)
                step_contexts = {**contexts, "env": {**contexts["env"], **own}}
                with_ = interpolate(step.get("with") or {}, step_contexts)
                script = text(interpolate(step["run"], step_contexts)) if "run" in step else None
                keep_going = bool(interpolate(step.get("continue-on-error", False), contexts))
            except Unresolved as e:
                status.failed = True
                failed_steps.append(self._fail(f"{at}: {e}"))
                continue
            files = {
                key: temp / f"{key.lower()}-{number}"
                for key in ("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")
            }
            for key, file in files.items():
                file.write_text("")
                step_env[key] = str(file)
            started = time.monotonic()
            ok, note = True, ""
            try:
                if script is None:
                    ok, note = self._uses(at, step, with_, workspace, step_env)
                elif GH_CLI.search(str(script)):
                    why = "the GitHub CLI needs GitHub's API and a token"
                    note = f"stood in: {why}"
                    self.result.stood_in.append(f"{at}: not run, {why}")
                else:
                    limit = min(deadline, started + 60 * float(step.get("timeout-minutes", 360)))
                    ok, note = self._script(
                        at, number, step, str(script), defaults, workspace, temp, step_env, limit
                    )
                outputs = file_commands(files["GITHUB_OUTPUT"])
                for key, value in file_commands(files["GITHUB_ENV"]).items():
                    env[key] = value
                    contexts["env"][key] = value
                if files["GITHUB_PATH"].exists():
                    added_path += [
                        p for p in files["GITHUB_PATH"].read_text().splitlines() if p.strip()
                    ]
            except StepFailed as e:
                ok, note, outputs = False, str(e), {}
            seconds = time.monotonic() - started
            outcome = "success" if ok else "failure"
            self._record(contexts, step, outcome, outputs, keep_going)
            mark = "✓" if ok else ("✗ (continue-on-error)" if keep_going else "✗")
            self.say(f"    {mark} {name} ({seconds:.0f} s){': ' + note if note and ok else ''}")
            if not ok:
                message = f"{at} failed: {note}"
                if keep_going:
                    self.say("      " + message.replace("\n", "\n      "))
                else:
                    status.failed = True
                    failed_steps.append(self._fail(message))
        outputs: dict[str, Any] = {}
        try:
            for key, value in (job.get("outputs") or {}).items():
                outputs[key] = text(interpolate(value, contexts, status))
        except Unresolved as e:
            failed_steps.append(self._fail(f"{where} › outputs: {e}"))
        return ("failure" if failed_steps else "success"), outputs

    def _fail(self, message: str) -> str:
        self.result.failures.append(message)
        self.say("      " + message.replace("\n", "\n      "))
        return "failure"

    @staticmethod
    def _record(
        contexts: dict[str, Any],
        step: Mapping[str, Any],
        outcome: str,
        outputs: dict[str, str],
        keep_going: bool = False,
    ) -> None:
        if step.get("id"):
            conclusion = "success" if outcome == "failure" and keep_going else outcome
            contexts["steps"][str(step["id"])] = {
                "outputs": outputs,
                "outcome": outcome,
                "conclusion": conclusion,
            }

    def _machine_mismatch(self, image: str, env: Mapping[str, str]) -> str | None:
        m = IMAGE.match(image)
        assert m  # lint() refused any other image
        release = _os_release().get("VERSION_CODENAME", "unknown")
        python = self.python_version(env)
        if release != m.group("release") or not python.startswith(m.group("version") + "."):
            return (
                f"runs in {image.split('@')[0]} (Debian {m.group('release')}, Python "
                f"{m.group('version')}); this machine has Debian {release} and Python {python}:"
                " rehearse it on a machine that matches the image"
            )
        return None

    def _uses(
        self,
        at: str,
        step: Mapping[str, Any],
        with_: Mapping[str, Any],
        workspace: Path,
        env: Mapping[str, str],
    ) -> tuple[bool, str]:
        action = str(step["uses"])
        fn = stand_in(action)
        assert fn is not None  # lint() refused unknown actions
        ctx = ActionContext(
            workspace=workspace,
            artifacts=self.base / "artifacts",
            commit=self.commit,
            source=self.root,
            env=env,
            python=self.python_version,
        )
        outcome = fn(ctx, with_)
        name = action.split("@")[0]
        if outcome.skipped:
            self.result.stood_in.append(f"{at}: {name} {outcome.note}")
            return True, f"{name} skipped, {outcome.note}"
        return True, f"{name} stood in: {outcome.note}"

    def _script(
        self,
        at: str,
        number: int,
        step: Mapping[str, Any],
        script: str,
        defaults: Mapping[str, Any],
        workspace: Path,
        temp: Path,
        env: Mapping[str, str],
        deadline: float,
    ) -> tuple[bool, str]:
        shell = step.get("shell", defaults.get("shell"))
        template = SHELLS.get(shell, shell)
        if "{0}" not in str(template):
            template = f"{template} {{0}}"
        file = temp / f"step-{number}.{'py' if shell == 'python' else 'sh'}"
        file.write_text(script + "\n", encoding="utf-8")
        cmd = [part.replace("{0}", str(file)) for part in shlex.split(str(template))]
        where = step.get("working-directory", defaults.get("working-directory"))
        cwd = workspace / str(where) if where else workspace
        if not cwd.is_dir():
            return False, f"working-directory {where} does not exist in the workspace"
        code, last, timed_out = _run_logged(
            cmd,
            cwd=cwd,
            env=env,
            log=temp / f"step-{number}.log",
            timeout=deadline - time.monotonic(),
            tail=self.o.tail,
            echo=self.o.out if self.o.verbose else None,
        )
        if code == 0 and not timed_out:
            return True, ""
        why = "timed out (timeout-minutes)" if timed_out else f"exit code {code}"
        if code == 127:
            why += " (127: a command was not found; install it in the job first)"
        lines = "\n".join(f"  | {line}" for line in last) or "  | (no output)"
        return False, f"{why}; last lines of its output:\n{lines}"


def _os_release() -> dict[str, str]:
    values = {}
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            key, sep, value = line.partition("=")
            if sep:
                values[key] = value.strip().strip('"')
    except OSError:
        values["VERSION_CODENAME"] = platform.system().lower()
    return values


def workflows(root: Path, names: list[str]) -> Iterator[Path]:
    folder = root / ".github" / "workflows"
    if not names:
        found = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])
        if not found:
            raise RehearsalError(f"{folder}: no workflows")
        yield from found
        return
    for name in names:
        candidates = [folder / name, folder / f"{name}.yml", folder / f"{name}.yaml"]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            raise RehearsalError(f"no workflow {name!r} in {folder}")
        yield path
