"""Read a data directory into a Dataset: YAML with positions, captures, model."""

from __future__ import annotations

import os
import re
from pathlib import Path

from . import schema as s
from .gcpause import paused
from .model import (
    Actor,
    Brief,
    Capture,
    Dataset,
    Day,
    Document,
    Event,
    FactCheck,
    Figure,
    Question,
    Source,
    Topic,
    build_record,
)
from .problems import Loc, Problem
from .yamltree import YamlError, YMap, YSeq, parse

CAPTURE_SEPARATOR = re.compile(r"^\s*\[(?:…|\.\.\.)\]\s*$")
HEADER_FENCE = "---"


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _read_text(path: Path | str, rel: str, problems: list[Problem]) -> str | None:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        problems.append(Problem(Loc(rel), "E001", f"cannot read file: {exc.strerror}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(Loc(rel, line, 1), "E001", "file is not valid UTF-8; save it as UTF-8")
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_capture(source_id: str, rel: str, text: str) -> Capture:
    """Split a capture into its optional header and its passages."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    start = 0
    if lines and lines[0].strip() == HEADER_FENCE:
        for i in range(1, len(lines)):
            if lines[i].strip() == HEADER_FENCE:
                for h in lines[1:i]:
                    key, _, value = h.partition(":")
                    if key.strip():
                        header[key.strip()] = value.strip()
                start = i + 1
                break
    passages: list[str] = []
    spans: list[tuple[int, int]] = []
    current: list[str] = []
    first = last = 0  # file lines of the current passage's first and last text
    separator = CAPTURE_SEPARATOR.match
    for n, line in enumerate(lines[start:], start + 1):
        if "[" in line and separator(line):  # every separator has its bracket
            if first:
                passages.append("\n".join(current).strip())
                spans.append((first, last))
            current, first = [], 0
        else:
            current.append(line)
            if line.strip():
                first, last = first or n, n
    if first:
        passages.append("\n".join(current).strip())
        spans.append((first, last))
    return Capture(
        source_id, rel, tuple(passages), first_line=start + 1, header=header, spans=tuple(spans)
    )


def _captures(cap_dir: Path, root: Path, problems: list[Problem]) -> dict[str, Capture]:
    """Every captures/<id>.txt, in name order.

    Plain strings rather than a Path per file: with thousands of captures, building,
    comparing and relativising Path objects cost more than reading the files."""
    captures: dict[str, Capture] = {}
    if not cap_dir.is_dir():
        return captures
    base = _rel(cap_dir, root)
    with os.scandir(cap_dir) as it:
        # what Path(name).suffix == ".txt" means: a dot that does not start the name
        entries = [e for e in it if e.name.endswith(".txt") and len(e.name) > 4]
    # the order Path objects would sort in: by name, ignoring case where the OS does
    entries.sort(key=lambda e: os.path.normcase(e.name))
    for entry in entries:
        try:  # the directory listing usually knows, without a stat per file
            if not entry.is_file():
                continue
        except OSError:
            continue
        name = entry.name
        stem = name[:-4]
        rel = name if base == "." else f"{base}/{name}"
        text = _read_text(entry.path, rel, problems)
        if text is not None:
            captures[stem] = parse_capture(stem, rel, text)
    return captures


def load(data_dir: str | Path = "data", root: str | Path = ".") -> Dataset:
    """Load everything under data_dir; problems reading files are kept on the dataset."""
    with paused():
        return _load(Path(data_dir), Path(root))


def _load(data_dir: Path, root: Path) -> Dataset:
    data = data_dir
    if not data.is_absolute():
        data = root / data
    problems: list[Problem] = []
    documents: list[Document] = []
    built: dict[str, list[object]] = {}
    for fspec in s.FILES:
        path = data / fspec.filename
        rel = _rel(path, root)
        records: list[object] = []
        built[fspec.filename] = records
        if not path.exists():
            documents.append(Document(fspec, rel, None, exists=False))
            continue
        text = _read_text(path, rel, problems)
        if text is None:
            continue
        try:
            tree = parse(text, rel)
        except YamlError as exc:
            problems.append(exc.problem)
            continue
        documents.append(Document(fspec, rel, tree))
        if isinstance(tree, YSeq):
            for item in tree.items:
                if isinstance(item, YMap):
                    record = build_record(fspec.record, item)
                    if record is not None:
                        records.append(record)

    captures = _captures(data / "captures", root, problems)

    sources = tuple(r for r in built["sources.yaml"] if isinstance(r, Source))
    known = {src.id for src in sources}
    return Dataset(
        root=_rel(data, root),
        documents=tuple(documents),
        events=tuple(r for r in built["events.yaml"] if isinstance(r, Event)),
        actors=tuple(r for r in built["actors.yaml"] if isinstance(r, Actor)),
        sources=sources,
        topics=tuple(r for r in built["topics.yaml"] if isinstance(r, Topic)),
        factchecks=tuple(r for r in built["factchecks.yaml"] if isinstance(r, FactCheck)),
        brief=tuple(r for r in built["brief.yaml"] if isinstance(r, Brief)),
        figures=tuple(r for r in built["figures.yaml"] if isinstance(r, Figure)),
        questions=tuple(r for r in built["questions.yaml"] if isinstance(r, Question)),
        days=tuple(r for r in built["days.yaml"] if isinstance(r, Day)),
        captures=captures,
        orphan_captures=tuple(c for k, c in captures.items() if k not in known),
        load_problems=tuple(problems),
    )
