"""Running a test's body in a fresh interpreter.

Forking is only done from a process with one thread, and a pytest session soon has
more (the browser tests' web server, Playwright's). Tests of what happens in forked
children run their body here instead: a new Python process, one thread, the same code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def run_fresh(module: str, function: str, *args: object) -> Any:
    """module.function(*args) in a new interpreter; its JSON-encoded return value."""
    code = (
        "import json, sys, importlib; "
        f"fn = getattr(importlib.import_module({module!r}), {function!r}); "
        "print(json.dumps(fn(*json.loads(sys.argv[1]))))"
    )
    path = os.pathsep.join([str(TESTS), str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            json.dumps([str(a) if isinstance(a, Path) else a for a in args]),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])
