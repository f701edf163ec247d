"""Lighthouse audits of the built site: home, timeline and one actor page, mobile.

The site is served from site/ on 127.0.0.1 under its published path, gzip-compressed
as GitHub Pages serves it. Prints a Markdown table of the four category scores and
exits 1 when any score is below the target.

Each page is audited --runs times (default 5) and the median score of each category is
reported, as Lighthouse's own guidance on score variability recommends; the lowest and
highest performance scores are shown beside it.

Usage: python tools/lighthouse/run.py [--site site] [--target 0.95] [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
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
    parser.add_argument("--runs", type=int, default=5, help="audits per page; the median counts")
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
            runs = [audit(lighthouse, base + path, Path(tmp), chrome) for _ in range(args.runs)]
            scores = [statistics.median(r[i] for r in runs) for i in range(len(CATEGORIES))]
            perf = [r[0] for r in runs]
            failed |= any(s < args.target for s in scores)
            rows.append((name, scores, (min(perf), max(perf))))
    server.shutdown()
    print(f"Median of {args.runs} runs per page.")
    print("")
    print("| Page | Performance (lowest–highest) | Accessibility | Best practices | SEO |")
    print("| --- | --- | --- | --- | --- |")
    for name, scores, (low, high) in rows:
        cells = [f"{scores[0]:.2f} ({low:.2f}–{high:.2f})", *(f"{s:.2f}" for s in scores[1:])]
        print(f"| {name} | {' | '.join(cells)} |")
    return 1 if failed else 0


def audit(lighthouse: Path, url: str, tmp: Path, chrome: str) -> list[float]:
    """One Lighthouse run: the four category scores (0 for one it could not score).
    Audits scoring under 0.9 are listed on stderr, to say what to look at."""
    out = tmp / "report.json"
    subprocess.run(
        [str(lighthouse), url, "--quiet", "--output=json",
         f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
         "--disable-background-networking --disable-component-update --no-first-run"],
        check=True, env={**os.environ, "CHROME_PATH": chrome},
    )  # fmt: skip
    report = json.loads(out.read_text())
    scores = [report["categories"][c]["score"] or 0.0 for c in CATEGORIES]
    for item in report["audits"].values():
        if item.get("score") is not None and item["score"] < 0.9:
            print(f"  {url}: {item['id']} ({item['score']}): {item['title']}", file=sys.stderr)
    return scores


if __name__ == "__main__":
    raise SystemExit(main())
