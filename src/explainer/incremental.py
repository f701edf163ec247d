"""Rebuilding only what a data change touches, when MkDocs builds again in the same
process: `make serve` runs `mkdocs serve --dirty`, which rebuilds only the pages whose
output file is missing or older than their source.

Pages drawn from the data never change on disk, so after the checker passes the new
data, the pages whose fingerprint changed (see deps) lose their output file, and
MkDocs builds exactly those again. Data the checker rejects removes nothing: the
served site stays as the last good build left it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .deps import Fingerprints, changed, digest, handwritten_pages, site_file, site_url
from .model import Dataset
from .render import Renderer

SearchEntry = dict[str, Any]


@dataclass
class Rebuild:
    """What one build has to redo. `pages` None means every page."""

    pages: set[str] | None = None
    prints: dict[str, str] | None = None


@dataclass
class Served:
    """What the last complete build in this process showed, for the next to compare.

    The first build keeps its renderer instead of fingerprints: a one-off build never
    needs them, so they are taken only when a second build asks."""

    site_dir: Path
    config: str
    handwritten: dict[str, tuple[str, ...]]
    renderer: Renderer | None = None
    prints: dict[str, str] | None = None
    search: list[SearchEntry] | None = None
    dataset: Dataset | None = None

    def fingerprints(self) -> dict[str, str]:
        if self.prints is None:
            assert self.renderer is not None
            self.prints = Fingerprints(self.renderer, self.config).pages(self.handwritten)
            self.renderer = None
        return self.prints

    def compare(self, renderer: Renderer, docs: Path, config: str) -> Rebuild:
        """The pages the new data changes; every page when the config or theme did."""
        prints = Fingerprints(renderer, config).pages(handwritten_pages(docs))
        if config != self.config:
            return Rebuild(None, prints)
        return Rebuild(changed(self.fingerprints(), prints), prints)


def reuse_passages(ds: Dataset, before: Dataset | None) -> None:
    """Give ds the copies of one story found in the last build, if it had them and no
    capture or source changed since: they follow from those alone, and finding them
    again is the largest part of a check at 5,000 events."""
    if before is None or "shared_passages" not in before.__dict__:
        return
    if before.captures == ds.captures and before.sources == ds.sources:
        ds.__dict__["shared_passages"] = before.__dict__["shared_passages"]


def config_signature(files: Iterable[Path]) -> str:
    """Changes when the config or a theme file does: then every page is rebuilt."""
    stamps = []
    for path in files:
        if path.is_dir():
            stamps += [_stamp(p) for p in sorted(path.rglob("*")) if p.is_file()]
        elif path.exists():
            stamps.append(_stamp(path))
    return digest(stamps)


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path), st.st_mtime_ns, st.st_size)


def forget(site_dir: Path, pages: Iterable[str] | None) -> int:
    """Remove the built files of the given pages (of every page, given None), so that a
    dirty build writes them again. Returns how many were removed."""
    if not site_dir.is_dir():
        return 0
    if pages is None:
        targets = list(site_dir.rglob("*.html"))
    else:
        targets = [site_dir / site_file(p) for p in pages]
    removed = 0
    for target in targets:
        try:
            os.unlink(target)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def merge_search(
    previous: list[SearchEntry], current: list[SearchEntry], pages: Iterable[str]
) -> list[SearchEntry]:
    """The search index of a dirty build: the previous build's entries for the pages not
    built this time (and still in the site), then this build's entries."""
    built = {_page_of(e) for e in current}
    live = {site_url(p) for p in pages}
    kept = [e for e in previous if _page_of(e) not in built and _page_of(e) in live]
    return kept + current


def _page_of(entry: SearchEntry) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]
