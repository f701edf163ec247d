"""Keep the new-project template (src/explainer/project_template/) in step with this site.

Files a new project shares with the flagship word for word are copied; a page with a few
sections worded for the flagship's subject is copied with the template's own wording of
those sections. `make template` runs
this; tests/test_project_template.py fails while anything here would change.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "src" / "explainer" / "project_template"

# flagship path -> template path
VERBATIM = {
    "macros.py": "macros.py",
    "CONTRIBUTING.md": "CONTRIBUTING.md",
    ".github/dependabot.yml": "dot-github/dependabot.yml",
    ".github/pull_request_template.md": "dot-github/pull_request_template.md",
    ".github/ISSUE_TEMPLATE/claim-error.yml": "dot-github/ISSUE_TEMPLATE/claim-error.yml",
    ".github/ISSUE_TEMPLATE/config.yml": "dot-github/ISSUE_TEMPLATE/config.yml",
    "docs/contributing.md": "docs/contributing.md",
    "docs/data.md": "docs/data.md",
    "docs/sources.md": "docs/sources.md",
}
# flagship path -> (template path, the template's own sections, worded for any subject)
SECTIONED = {"docs/methodology.md": ("docs/methodology.md", {"## Neutrality"})}
HEADING = re.compile(r"^## .*$", re.M)


def workflows() -> dict[str, str]:
    names = sorted(p.name for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    return {f".github/workflows/{n}": f"dot-github/workflows/{n}" for n in names}


def sections(text: str) -> dict[str, str]:
    """Each `## ` heading with its text up to the next one."""
    starts = [m.start() for m in HEADING.finditer(text)] + [len(text)]
    return {text[a : text.index("\n", a)]: text[a:b] for a, b in itertools.pairwise(starts)}


def with_own_sections(flagship: str, template: str, own: set[str]) -> str:
    """The flagship's page with the template's own sections in place of the flagship's:
    a section the flagship adds (the generator may link to it) reaches new projects too."""
    mine = sections(template)
    for heading, body in sections(flagship).items():
        if heading in own and heading in mine:
            flagship = flagship.replace(body, mine[heading], 1)
    return flagship


def expected() -> dict[Path, str]:
    """Each template file this keeps, with the text it should hold."""
    out: dict[Path, str] = {}
    for src, dest in {**VERBATIM, **workflows()}.items():
        out[TEMPLATE / dest] = (ROOT / src).read_text(encoding="utf-8")
    for src, (dest, own) in SECTIONED.items():
        current = (TEMPLATE / dest).read_text(encoding="utf-8")
        flagship = (ROOT / src).read_text(encoding="utf-8")
        out[TEMPLATE / dest] = with_own_sections(flagship, current, own)
    return out


def stale_workflows() -> list[Path]:
    """Template workflows the flagship no longer has."""
    kept = {TEMPLATE / dest for dest in workflows().values()}
    return sorted(set((TEMPLATE / "dot-github" / "workflows").glob("*.yml")) - kept)


def main() -> int:
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"updated {path.relative_to(ROOT)}")
    for path in stale_workflows():
        path.unlink()
        print(f"removed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
