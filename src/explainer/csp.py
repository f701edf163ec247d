"""A Content-Security-Policy for every built page, allowing exactly its inline scripts.

The theme writes small inline scripts whose text differs from page to page, so each
page gets its own list of script hashes instead of 'unsafe-inline'. JSON data blocks
(application/json, application/ld+json) are never executed and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = re.compile(r'type\s*=\s*"application/(ld\+)?json"', re.I)
TILES = "https://tile.openstreetmap.org"


def policy(inline_hashes: list[str]) -> str:
    scripts = " ".join(f"'sha256-{h}'" for h in dict.fromkeys(inline_hashes))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {scripts}".strip(),
            # the theme and the map set style attributes; styles cannot run code
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: {TILES}",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def inline_script_hashes(html: str) -> list[str]:
    out = []
    for m in _SCRIPT.finditer(html):
        if "src=" in m.group("attrs") or _DATA_TYPES.search(m.group("attrs")):
            continue
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        out.append(base64.b64encode(digest).decode("ascii"))
    return out


def with_policy(html: str) -> str:
    """The page with a CSP meta element as the first child of <head>."""
    meta = (
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{policy(inline_script_hashes(html))}">'
    )
    return re.sub(r"<head>", "<head>\n" + meta, html, count=1, flags=re.I)


def apply(site_dir: Path) -> int:
    """Add the policy to every HTML page of a built site; returns the number of pages."""
    pages = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in text:
            path.write_text(with_policy(text), encoding="utf-8")
            pages += 1
    return pages
