"""Lighthouse audits of the built site: home, timeline and one actor page, mobile.

The site is served from site/ on 127.0.0.1 under its published path, gzip-compressed
as GitHub Pages serves it. Prints a Markdown table of the four category scores and
exits 1 when any score is below the target.

Usage: python tools/lighthouse/run.py [--site site] [--target 0.95]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = {"home": "", "timeline": "timeline/", "actor (Iran)": "actors/iran/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv")


class GzipHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        gz = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gz and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Bytes(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site")
    parser.add_argument("--prefix", default="/explainer/")
    parser.add_argument("--target", type=float, default=0.95)
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    lighthouse = HERE / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        print("lighthouse is not installed: run `make lighthouse`", file=sys.stderr)
        return 2
    handler = type("H", (GzipHandler,), {"prefix": args.prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=args.site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{args.prefix}"
    rows, failed = [], False
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            out = Path(tmp) / "report.json"
            subprocess.run(
                [str(lighthouse), base + path, "--quiet", "--output=json",
                 f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                 "--disable-background-networking --disable-component-update --no-first-run"],
                check=True, env={**os.environ, "CHROME_PATH": chrome},
            )  # fmt: skip
            report = json.loads(out.read_text())
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            failed |= any(s is None or s < args.target for s in scores)
            rows.append((name, scores))
            if any(s is None or s < 1 for s in scores):
                for audit in report["audits"].values():
                    if audit.get("score") is not None and audit["score"] < 0.9:
                        print(
                            f"  {name}: {audit['id']} ({audit['score']}): {audit['title']}",
                            file=sys.stderr,
                        )
    server.shutdown()
    print("| Page | Performance | Accessibility | Best practices | SEO |")
    print("| --- | --- | --- | --- | --- |")
    for name, scores in rows:
        cells = " | ".join("n/a" if s is None else f"{s:.2f}" for s in scores)
        print(f"| {name} | {cells} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
