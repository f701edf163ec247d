"""Time to the first search result, and the search files fetched before it, on a built
site as a reader on a mid-range phone meets it.

The site is served on 127.0.0.1 under its published path, gzip-compressed as GitHub
Pages serves it. Headless Chromium (Debian's, as the browser tests use) opens the home
page with the CPU slowed 4x through the DevTools protocol, and types the query as soon
as the page is parsed. The first result is the first search result that holds the query
word, timed from the start of navigation; the files counted are those of the search
(the index, its parts and the search worker) whose download ended before it, at their
transferred (gzipped) size. The median of --runs runs is reported.

Usage: python bench/bench_search.py SITE [SITE ...] [--runs 3] [--query Panjgur]
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import shutil
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
PREFIX = "/explainer/"
THROTTLE = 4
# the search plugin's index and the site's index parts; Material's worker or the site's
SEARCH_FILES = ("/search/", "/workers/search.", "/assets/explainer-search.js")
# records the moment the first result holding the query appears, in the page's own clock
WATCH = """
(word) => {
  const seen = () => [...document.querySelectorAll('.md-search-result__item')]
    .some(li => li.textContent.toLowerCase().includes(word));
  new MutationObserver((_, obs) => {
    if (window.__firstResult === undefined && seen()) {
      window.__firstResult = performance.now();
      obs.disconnect();
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
}
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    search_kb: float


def _gzip_handler() -> type:
    spec = importlib.util.spec_from_file_location(
        "lighthouse_run", ROOT / "tools/lighthouse/run.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GzipHandler


@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = type("H", (_gzip_handler(),), {"prefix": PREFIX})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()


def first_result(browser: object, url: str, query: str) -> Run:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    done: list[tuple[float, int]] = []  # (end, epoch ms; transferred body bytes)

    def finished(request: object) -> None:
        if any(part in request.url for part in SEARCH_FILES):  # type: ignore[attr-defined]
            timing = request.timing  # type: ignore[attr-defined]
            size = request.sizes()["responseBodySize"]  # type: ignore[attr-defined]
            if not size:  # a worker's own script reports no body size; its header does
                response = request.response()  # type: ignore[attr-defined]
                size = int((response and response.headers.get("content-length")) or 0)
            done.append((timing["startTime"] + timing["responseEnd"], size))

    context.on("requestfinished", finished)
    page.add_init_script(f"({WATCH})({query.lower()!r})")
    page.goto(url, wait_until="domcontentloaded")
    box = page.locator("input.md-search__input")
    box.focus()
    box.press_sequentially(query, delay=50)
    page.wait_for_function("() => window.__firstResult !== undefined", timeout=120_000)
    first, origin = page.evaluate("[window.__firstResult, performance.timeOrigin]")
    page.wait_for_timeout(200)  # let the finished-request events of that moment arrive
    cutoff = origin + first
    kb = sum(size for end, size in done if end <= cutoff) / 1024
    context.close()
    return Run(first / 1000, kb)


def measure(site: Path, runs: int = 3, query: str = "Panjgur") -> Run:
    """Median time to the first result and median search KB over `runs` fresh visits."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-quic"]
        )
        results = [first_result(browser, url, query) for _ in range(runs)]
        browser.close()
    return Run(
        statistics.median(r.seconds for r in results),
        statistics.median(r.search_kb for r in results),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sites", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="Panjgur")
    args = parser.parse_args()
    for site in args.sites:
        run = measure(site, args.runs, args.query)
        print(f"{site}: first result {run.seconds:.2f} s, search files {run.search_kb:.0f} KB gzip")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
