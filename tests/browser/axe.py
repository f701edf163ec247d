"""axe-core, run in a page: the serious and critical violations, one line each."""

from __future__ import annotations

from typing import Any

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Any, scope: str = "document") -> list[str]:
    """Audit scope (a JavaScript expression naming the node) against WCAG 2 A/AA and
    axe's best practices. The page's context must bypass the CSP: the site's policy
    rightly refuses injected scripts, and the auditor is one."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        f"async () => await axe.run({scope}, {{runOnly: ['wcag2a', 'wcag2aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
