"""The `explainer` command line: check, rules, pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .check import check
from .load import load
from .problems import Problem, Severity
from .rules import RULES


def _github(p: Problem) -> str:
    # GitHub workflow commands need %, CR and LF escaped in the message
    msg = f"{p.code} {p.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    level = "error" if p.severity is Severity.ERROR else "warning"
    path = p.loc.path.replace(",", "%2C").replace(":", "%3A")
    return f"::{level} file={path},line={p.loc.line},col={p.loc.col},title={p.code}::{msg}"


def cmd_check(args: argparse.Namespace) -> int:
    ds = load(args.data, root=args.root)
    problems = check(ds)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    out = sys.stdout
    for p in errors:
        print(_github(p) if args.format == "github" else str(p), file=out)
    if warnings:
        if args.format == "text":
            print("warnings (do not fail the check):", file=out)
        for p in warnings:
            print(_github(p) if args.format == "github" else str(p), file=out)
    if args.format == "text":
        claims = sum(1 for _ in ds.claims())
        summary = (
            f"{len(errors)} error(s), {len(warnings)} warning(s) in {len(ds.events)} events, "
            f"{len(ds.actors)} actors, {len(ds.sources)} sources, {claims} claims"
        )
        print(summary, file=sys.stderr)
    return 1 if errors else 0


def cmd_rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        print("| Code | Name | What it catches |")
        print("| --- | --- | --- |")
        for r in RULES:
            print(f"| `{r.code}` | {r.name} | {r.summary} |")
    else:
        for r in RULES:
            print(f"{r.code}  {r.name:<26} {r.summary}")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    from .actorpages import plan, sync

    ds = load(args.data, root=args.root)
    docs = Path(args.root) / args.docs
    changes = plan(ds, docs)
    if args.check:
        for change in changes:
            print(f"{change.path}: {change.reason}; run `explainer pages` to fix")
        return 1 if changes else 0
    sync(changes)
    for change in changes:
        print(f"{change.action} {change.path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Check explainer data against its sources and keep generated pages in sync.",
    )
    parser.add_argument("--root", default=".", help="project root (default: .)")
    parser.add_argument("--data", default="data", help="data directory (default: data)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="check every claim against its sources")
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: path:line:col: CODE message; github: Actions annotations",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rules", help="list every rule code with its explanation")
    p.add_argument("--format", choices=("text", "markdown"), default="text")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("pages", help="write one page per actor under docs/actors/")
    p.add_argument("--docs", default="docs", help="docs directory (default: docs)")
    p.add_argument(
        "--check", action="store_true", help="only report pages that are missing, stale or orphaned"
    )
    p.set_defaults(func=cmd_pages)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
