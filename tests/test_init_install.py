"""The generator as a newcomer gets it: a wheel installed in a fresh virtual environment
outside this repository, `explainer init`, and the new project's own `make test` and
`make build`. One expensive setup for the module; each test reads what it left."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from explainer.newproject import TEMPLATE, version

TITLE = 'Floods & "bridges" <em>2031</em> {{ x }}'


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    project: Path
    init: subprocess.CompletedProcess[str]
    make: subprocess.CompletedProcess[str]


def clean_env() -> dict[str, str]:
    """No trace of this repository's environment: the new project stands alone."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONPYCACHEPREFIX", "PYTHONHOME"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run(cmd: list[str | Path], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )
    return result


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args}:\n{result.stdout[-4000:]}{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("newcomer")
    # The wheel is built from a copy of what the package is made of, so nothing else in
    # this repository can leak into it, and the working tree gets no build/ directory.
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    pip = [sys.executable, "-m", "pip"]
    ok(
        run(
            [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", "dist", source],
            work,
        )
    )
    (wheel,) = (work / "dist").glob("explainer-*.whl")
    # A fresh environment; its packages from the lock a new project gets (this
    # environment's pip installs them, without compiling, to keep the test short).
    venv = work / "venv"
    ok(run([sys.executable, "-m", "venv", "--without-pip", venv], work))
    python = venv / "bin" / "python"
    lock = TEMPLATE / "requirements.lock"
    install = [*pip, "--python", python, "install", "--quiet", "--no-compile", "--no-deps"]
    ok(run([*install, "--require-hashes", "-r", lock], work))
    ok(run([*install, wheel], work))
    init = ok(run([venv / "bin" / "explainer", "init", "my-explainer", "--title", TITLE], work))
    project = work / "my-explainer"
    # The project's own Makefile, with the generator at the wheel (VENV points it at the
    # environment made above instead of making another).
    make = run(
        ["make", "--no-print-directory", "test", "build", f"VENV={venv}", f"EXPLAINER={wheel}"],
        project,
    )
    return Installed(wheel, venv, project, init, make)


def test_the_wheel_installs_and_reports_its_version(installed: Installed) -> None:
    assert installed.wheel.name == f"explainer-{version()}-py3-none-any.whl"
    out = ok(run([installed.venv / "bin" / "explainer", "--version"], installed.venv))
    assert out.stdout == f"explainer {version()}\n"
    where = ok(
        run(
            [
                installed.venv / "bin" / "python",
                "-c",
                "import explainer; print(explainer.__file__)",
            ],
            installed.venv,
        )
    )
    assert where.stdout.startswith(str(installed.venv)), where.stdout


def test_init_prints_the_next_steps(installed: Installed) -> None:
    out = installed.init.stdout
    assert "created my-explainer: " in out and "next:" in out and "1. cd my-explainer" in out
    assert installed.init.stderr == ""


def test_the_new_project_passes_its_own_make_test_and_strict_build(installed: Installed) -> None:
    ok(installed.make)
    out = installed.make.stdout + installed.make.stderr
    assert "0 error(s), 0 warning(s) in 1 events, 1 actors, 1 sources, 2 claims" in out
    assert "mkdocs build --strict" in out and "passed" in out
    # the Makefile installed the generator it was told to, and recorded it
    assert (installed.venv / ".installed").read_text().strip() == str(installed.wheel)
    # quiet: no list of pages missing from the nav, no mkdocs-macros inventory
    assert "not included in the" not in out and "[macros]" not in out, out


def test_the_built_site_has_the_packages_theme_and_assets(installed: Installed) -> None:
    site = installed.project / "site"
    for asset in ("explainer.css", "explainer.js"):
        shipped = TEMPLATE.parent / "theme" / "assets" / asset
        assert (site / "assets" / asset).read_bytes() == shipped.read_bytes()
    page = (site / "index.html").read_text(encoding="utf-8")
    # the override's link-preview tags, and the title: the text as typed, escaped once
    (meta,) = re.findall(r'<meta property="og:site_name" content="([^"]*)">', page)
    assert html.unescape(meta) == TITLE
    (title,) = re.findall(r"<title>([^<]*)</title>", page)
    assert html.unescape(title) == f"Home - {TITLE}"
    assert "<em>2031</em>" not in page and "{{ x }}" in page
    assert (site / "actors" / "exampleton-town-council" / "index.html").is_file()
    assert "Exampleton town council" in (site / "timeline" / "index.html").read_text("utf-8")
