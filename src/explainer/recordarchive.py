"""Write found snapshots into data/sources.yaml as `archived:` lines.

The file is edited as text, one inserted line per source right after its `url`, so the
change a reviewer sees is exactly those lines: comments, order and wrapping stay as the
contributors wrote them. Before anything is written the edited text is parsed again
and every source must read back exactly as before, but for the new `archived` values;
otherwise nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from . import schema
from .model import Dataset, Source, build_record
from .yamltree import YamlError, YMap, YSeq, parse


class RecordError(Exception):
    """The snapshots could not be written safely; data/sources.yaml is unchanged."""


def _line_for(url: str, indent: str) -> str:
    # Snapshot URLs are checked by wayback.parse_snapshot: no spaces, no "#", no quotes,
    # so a plain scalar reads back as written.
    return f"{indent}archived: {url}\n"


def record(ds: Dataset, root: Path, snapshots: Mapping[str, str]) -> list[str]:
    """Insert `archived: URL` for each source id in snapshots that has none yet.

    Returns the ids written, in file order. A source that already records a snapshot is
    never changed: what a person reviewed stays.
    """
    by_id = {s.id: s for s in ds.sources}
    todo = {sid: url for sid, url in snapshots.items() if sid in by_id and not by_id[sid].archived}
    if not todo:
        return []
    locs = {sid: by_id[sid].at.get("url") for sid in todo}
    paths = {loc.path for loc in locs.values() if loc is not None}
    if len(paths) != 1 or any(loc is None for loc in locs.values()):
        raise RecordError("cannot tell where the sources' url lines are")
    path = root / paths.pop()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # bottom-up, so the line numbers still to use stay valid
    for sid in sorted(todo, key=lambda s: locs[s].line, reverse=True):  # type: ignore[union-attr]
        line = locs[sid].line  # type: ignore[union-attr]
        text = lines[line - 1]
        key_at = text.find("url:")
        if key_at < 0 or text[:key_at].strip() not in ("", "-"):
            raise RecordError(f"{path.name}:{line}: expected the url key of source {sid}")
        indent = " " * key_at
        lines.insert(line, _line_for(todo[sid], indent))
    new_text = "".join(lines)
    _same_but_archived(ds.sources, new_text, path.name, todo)
    _replace(path, new_text)
    order = {s.id: i for i, s in enumerate(ds.sources)}
    return sorted(todo, key=order.__getitem__)


def _same_but_archived(
    before: tuple[Source, ...], text: str, name: str, added: Mapping[str, str]
) -> None:
    try:
        tree = parse(text, name)
    except YamlError:
        tree = None
    items = tree.items if isinstance(tree, YSeq) else ()
    spec = next(f for f in schema.FILES if f.filename == "sources.yaml").record
    built = [build_record(spec, item) for item in items if isinstance(item, YMap)]
    after = [s for s in built if isinstance(s, Source)]
    if len(after) != len(before) or len(built) != len(before):
        raise RecordError(f"{name} would no longer read cleanly; nothing was written")
    for old, new in zip(before, after, strict=True):
        want = replace(old, archived=added.get(old.id, old.archived))
        if _fields(want) != _fields(new):
            raise RecordError(f"{name}: source {old.id} would change; nothing was written")


def _fields(src: Source) -> tuple[object, ...]:
    return (src.id, src.title, src.publisher, src.published, src.url, src.accessed, src.kind,
            src.via, src.author, src.archived)  # fmt: skip


def _replace(path: Path, text: str) -> None:
    """Write through a temporary file in the same directory, so a reader never sees half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
