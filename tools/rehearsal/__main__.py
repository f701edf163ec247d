"""`python -m rehearsal [WORKFLOW ...]`: run the workflows' jobs here, as GitHub would.

Run from the project's virtual environment with tools/ on PYTHONPATH (`make ci-rehearsal`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

from .runner import GUARD, Options, Rehearsal, RehearsalError, load, workflows


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m rehearsal",
        description="Run the `run:` steps of GitHub workflows here, in a fresh clone of HEAD, "
        "with the environment GitHub gives; actions are stood in for.",
    )
    p.add_argument("workflow", nargs="*", help="workflow names (ci, deploy.yml); default all")
    p.add_argument("--root", type=Path, default=Path("."), help="the project (a git repository)")
    p.add_argument("--repository", help="OWNER/NAME for GITHUB_REPOSITORY (default from origin)")
    p.add_argument("--event", help="the event to rehearse (default: push, else the first)")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="give a variable of a workflow's top-level env this value",
    )
    p.add_argument(
        "--mirror-sources",
        metavar="NAME",
        help="serve every cited page from its capture on 127.0.0.1 and set the workflow "
        "variable NAME (in workflows that declare it) to the --rebase specs that send "
        "`explainer verify` there",
    )
    p.add_argument("--keep", action="store_true", help="keep the workspaces and logs")
    p.add_argument("--verbose", action="store_true", help="show every step's output")
    return p


def repository(root: Path) -> str:
    """OWNER/NAME from a GitHub origin remote, else local/<folder name>."""
    done = subprocess.run(
        ["git", "-C", str(root), "remote", "get-url", "origin"],
        capture_output=True,
        text=True,
        check=False,
    )
    url = done.stdout.strip()
    m = re.search(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?$", url)
    return m.group(1) if m else f"local/{root.resolve().name}"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if os.environ.get(GUARD):
        print(
            f"ci-rehearsal: this is already a rehearsal (of {os.environ[GUARD]}); "
            "not rehearsing again inside it"
        )
        return 0
    overrides = {}
    for spec in args.set:
        name, sep, value = spec.partition("=")
        if not sep or not name:
            print(f"ci-rehearsal: --set {spec!r}: expected NAME=VALUE", file=sys.stderr)
            return 2
        overrides[name] = value
    root = args.root.resolve()
    try:
        paths = list(workflows(root, args.workflow))
        with contextlib.ExitStack() as stack:
            # only for workflows that have the variable (the source check)
            if args.mirror_sources and any(
                args.mirror_sources in (load(p).get("env") or {}) for p in paths
            ):
                from . import mirror

                base = stack.enter_context(mirror.serve(root))
                overrides[args.mirror_sources] = mirror.rebase(base)
            options = Options(
                root=root,
                repository=args.repository or repository(root),
                event=args.event,
                overrides=overrides,
                keep=args.keep,
                verbose=args.verbose,
            )
            rehearsal = Rehearsal(options)
            stack.callback(rehearsal.close)
            result = rehearsal.run(paths)
    except RehearsalError as e:
        print(f"ci-rehearsal: {e}", file=sys.stderr)
        return 1
    print()
    for line in result.stood_in:
        print(f"stood in: {line}")
    if result.ok:
        print(f"ci-rehearsal: {len(result.jobs)} job(s) passed: " + "; ".join(result.jobs))
        return 0
    print(f"ci-rehearsal: {len(result.failures)} failure(s):", file=sys.stderr)
    for failure in result.failures:
        print(failure, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
