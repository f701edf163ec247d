"""`explainer new`: append a skeleton event, actor or source to its data file.

The skeleton has the shape the contract (and the JSON Schema) requires, so the
only problems `make check` reports afterwards are the placeholders a contributor
still has to replace, each at its own line. The file is rewritten only after the
new text has been parsed back and found to hold exactly one more entry.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import schema as s
from .jsonschema_export import modeline
from .model import is_http_url, parse_date
from .yamltree import YamlError, YMap, YScalar, YSeq, parse

# Placeholders that satisfy the shape rules but that the checker reports (unknown
# source, quote not in capture), so a forgotten one cannot reach the site.
PLACEHOLDER_TEXT = "Replace with a fact, in your own words."
PLACEHOLDER_SOURCE = "replace-with-a-source-id"
PLACEHOLDER_QUOTE = "Replace with the exact words of the source that prove the fact."

Ask = Callable[[str], str]


class ScaffoldError(Exception):
    """A problem the contributor can fix; the message says how."""


@dataclass(frozen=True)
class Prompted:
    """One value `explainer new` needs: from a flag, or asked for in a terminal."""

    name: str
    label: str
    kind: str  # "slug", "date", "text", "url", "choice" or "list"
    required: bool = True
    choices: tuple[str, ...] = ()
    default: Callable[[Mapping[str, Any]], str] | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def _today(_: Mapping[str, Any]) -> str:
    return dt.date.today().isoformat()


def _event_id(values: Mapping[str, Any]) -> str:
    title = values.get("title") or ""
    return slugify(title) if title else ""


def _actor_id(values: Mapping[str, Any]) -> str:
    return slugify(values.get("name") or "")


EVENT_FIELDS = (
    Prompted("date", "date of the event (YYYY-MM-DD)", "date"),
    Prompted("title", "short headline, in your own words", "text"),
    Prompted("id", "id (lowercase words joined by -)", "slug", default=_event_id),
    Prompted("actors", "actor ids, comma-separated (from data/actors.yaml)", "list", False),
    Prompted("text", "the first claim: one fact, in your own words", "text", False),
    Prompted("source", "the id of the source that proves it (data/sources.yaml)", "slug", False),
    Prompted("quote", "the exact words of that source that prove it", "text", False),
)
ACTOR_FIELDS = (
    Prompted("name", "name shown to readers", "text"),
    Prompted("id", "id (lowercase words joined by -)", "slug", default=_actor_id),
    Prompted("kind", "kind", "choice", choices=s.ACTOR_KINDS),
    Prompted("aliases", "other names used in claim text, comma-separated", "list", False),
)
SOURCE_FIELDS = (
    Prompted("url", "URL where you read it (http or https)", "url"),
    Prompted("title", "headline or title as published", "text"),
    Prompted("publisher", "publisher (for wire copy: the agency)", "text"),
    Prompted("published", "publication date (YYYY-MM-DD)", "date"),
    Prompted("id", "id, e.g. publisher-YYYY-MM-DD-topic", "slug"),
    Prompted("kind", "kind", "choice", choices=s.SOURCE_KINDS),
    Prompted("accessed", "date you read it (YYYY-MM-DD)", "date", default=_today),
    Prompted("author", "byline (optional)", "text", False),
    Prompted("via", "outlet whose copy you read, if it republished the text", "text", False),
)


@dataclass(frozen=True)
class Kind:
    name: str
    fspec: s.FileSpec
    fields: tuple[Prompted, ...]


def _fspec(filename: str) -> s.FileSpec:
    return next(f for f in s.FILES if f.filename == filename)


KINDS = {
    "event": Kind("event", _fspec("events.yaml"), EVENT_FIELDS),
    "actor": Kind("actor", _fspec("actors.yaml"), ACTOR_FIELDS),
    "source": Kind("source", _fspec("sources.yaml"), SOURCE_FIELDS),
}


def parse_value(field: Prompted, raw: str) -> Any:
    """The typed value of raw for field; ScaffoldError saying what is wrong."""
    raw = raw.strip()
    if field.kind == "list":
        items = [x.strip() for x in raw.split(",") if x.strip()]
        if field.name == "actors":
            for item in items:
                if not s.SLUG_RE.match(item):
                    raise ScaffoldError(f'{field.flag}: "{item}" is not an actor id')
        return items
    if not raw:
        raise ScaffoldError(f"{field.flag} is empty")
    if field.kind == "slug" and not s.SLUG_RE.match(raw):
        hint = slugify(raw)
        extra = f' (try "{hint}")' if hint else ""
        raise ScaffoldError(
            f'{field.flag}: "{raw}" is not an id: use lowercase letters, digits and -{extra}'
        )
    if field.kind == "date":
        date = parse_date(raw)
        if date is None:
            raise ScaffoldError(f'{field.flag}: "{raw}" is not a real date in YYYY-MM-DD form')
        return date
    if field.kind == "url" and not is_http_url(raw):
        raise ScaffoldError(f'{field.flag}: "{raw}" is not an absolute http:// or https:// URL')
    if field.kind == "choice" and raw not in field.choices:
        raise ScaffoldError(f'{field.flag}: "{raw}" is not one of {", ".join(field.choices)}')
    return raw


def gather(kind: Kind, given: Mapping[str, str | None], ask: Ask | None) -> dict[str, Any]:
    """Every value for kind: from flags, else asked for (when ask is given), else defaults.

    Without ask (no terminal) a missing required value is an error naming the flags.
    """
    values: dict[str, Any] = {}
    missing: list[str] = []
    for field in kind.fields:
        raw = given.get(field.name)
        if raw is not None:
            values[field.name] = parse_value(field, raw)
            continue
        default = field.default(values) if field.default else ""
        if ask is not None:
            values[field.name] = _ask(ask, field, default)
        elif default:
            values[field.name] = parse_value(field, default)
        elif field.required:
            missing.append(field.flag)
    if missing:
        raise ScaffoldError(
            f"explainer new {kind.name}: missing {', '.join(missing)}; pass them as flags, "
            "or run the command in a terminal to be asked"
        )
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def _ask(ask: Ask, field: Prompted, default: str) -> Any:
    label = field.label
    if field.choices:
        label += f" ({'/'.join(field.choices)})"
    if default:
        label += f" [{default}]"
    elif not field.required:
        label += " [leave empty to skip]"
    while True:
        answer = ask(f"{label}: ").strip() or default
        if not answer and not field.required:
            return None
        try:
            return parse_value(field, answer)
        except ScaffoldError as exc:
            print(f"  {exc}")


def entry(kind: Kind, values: Mapping[str, Any]) -> dict[str, Any]:
    """The new record, keys in the order the contract lists them."""
    if kind.name == "event":
        cite = {
            "source": values.get("source", PLACEHOLDER_SOURCE),
            "quote": values.get("quote", PLACEHOLDER_QUOTE),
        }
        return {
            "id": values["id"],
            "date": values["date"],
            "title": values["title"],
            "actors": list(values.get("actors", [])),
            "claims": [{"text": values.get("text", PLACEHOLDER_TEXT), "cite": [cite]}],
        }
    if kind.name == "actor":
        out: dict[str, Any] = {"id": values["id"], "name": values["name"], "kind": values["kind"]}
        if values.get("aliases"):
            out["aliases"] = list(values["aliases"])
        out["claims"] = []
        return out
    order = [f.name for f in kind.fspec.record.fields]
    return {name: values[name] for name in order if name in values}


def dump(record: Mapping[str, Any]) -> str:
    # The same style as the existing files, so a diff shows only the new entry.
    return yaml.safe_dump(
        [dict(record)], sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


@dataclass(frozen=True)
class Added:
    path: Path
    line: int  # 1-based line of the new entry's "- id:"
    record: dict[str, Any]


def _ids(root: YSeq) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in root.items:
        if isinstance(item, YMap):
            node = item.get("id")
            if isinstance(node, YScalar) and isinstance(node.value, str):
                out.setdefault(node.value, node.loc.line)
    return out


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def append(path: Path, rel: str, kind: Kind, record: Mapping[str, Any]) -> Added:
    """Append record to the data file at path, or raise ScaffoldError and change nothing."""
    if path.exists():
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ScaffoldError(f"{rel}: cannot read it ({exc}); fix it, then try again") from None
    else:
        text = f"{modeline(kind.fspec)}\n# {kind.fspec.doc}\n"
    try:
        root = parse(text, rel)
    except YamlError as exc:
        raise ScaffoldError(
            f"{exc.problem}; fix that first (`make check` lists problems), then try again"
        ) from None
    if root is not None and not isinstance(root, YSeq):
        raise ScaffoldError(f"{rel} is not a list of {kind.name}s; fix it, then try again")
    before = root.items if isinstance(root, YSeq) else ()
    existing = _ids(root) if isinstance(root, YSeq) else {}
    new_id = str(record["id"])
    if new_id in existing:
        raise ScaffoldError(
            f'{rel}:{existing[new_id]}: {_article(kind.name)} {kind.name} with id "{new_id}" '
            "already exists; choose another --id (ids are unique in a file)"
        )
    if text and not text.endswith("\n"):
        text += "\n"
    new_text = text + dump(record)
    try:
        after = parse(new_text, rel)
    except YamlError:
        after = None
    ok = (
        isinstance(after, YSeq)
        and len(after.items) == len(before) + 1
        and isinstance(after.items[-1], YMap)
        and _ids(after).get(new_id) == after.items[-1].loc.line
    )
    if not ok:
        raise ScaffoldError(
            f"{rel}: cannot append safely (is the list written in [flow] style?); "
            "add the entry by hand"
        )
    _write_atomically(path, new_text)
    assert isinstance(after, YSeq)
    return Added(path, after.items[-1].loc.line, dict(record))


def _write_atomically(path: Path, text: str) -> None:
    # A crash mid-write must leave the old file, never half of the new one.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def known_ids(path: Path) -> set[str]:
    """Ids in another data file, for friendly warnings; empty when unreadable."""
    try:
        root = parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, YamlError):
        return set()
    return set(_ids(root)) if isinstance(root, YSeq) else set()


def notes(kind: Kind, record: Mapping[str, Any], data: Path) -> list[str]:
    """Warnings about references the checker will reject, said before `make check` does."""
    out: list[str] = []
    if kind.name == "event":
        actors = known_ids(data / "actors.yaml")
        unknown = [a for a in record.get("actors", []) if a not in actors]
        if unknown:
            out.append(
                f"not in data/actors.yaml yet: {', '.join(unknown)} "
                "(add them with `explainer new actor`)"
            )
        source = record["claims"][0]["cite"][0]["source"]
        if source != PLACEHOLDER_SOURCE and source not in known_ids(data / "sources.yaml"):
            out.append(
                f"not in data/sources.yaml yet: {source} (add it with `explainer new source`)"
            )
    return out


def next_steps(kind: Kind, added: Added, rel: str) -> list[str]:
    where = f"{rel}:{added.line}"
    rid = added.record["id"]
    if kind.name == "event":
        todo = []
        claim = added.record["claims"][0]
        if claim["text"] == PLACEHOLDER_TEXT:
            todo.append("text")
        if claim["cite"][0]["source"] == PLACEHOLDER_SOURCE:
            todo.append("source")
        if claim["cite"][0]["quote"] == PLACEHOLDER_QUOTE:
            todo.append("quote")
        steps = []
        if todo:
            steps.append(f"Replace the placeholder {', '.join(todo)} of the claim at {where}.")
        steps.append(
            "List the actors involved and add more claims as needed; every number and "
            "date in a claim must appear in its quote."
        )
        steps.append("Run `make check` and fix what it reports.")
        return steps
    if kind.name == "actor":
        return [
            f"Add sourced claims about it at {where} (optional), then run `make pages` "
            "to create its page, and `make check`.",
        ]
    url = added.record.get("url", "URL")
    return [
        f"Capture the passages you quote: `explainer capture {url} --id {rid}` writes "
        f"data/captures/{rid}.txt (no capture file was created now: an empty one is an "
        "error, rule E037). Trim it to the passages your claims quote.",
        f"Cite it from a claim (source: {rid}), then run `make check`.",
    ]


def scaffold(
    kind_name: str,
    given: Mapping[str, str | None],
    data: Path,
    rel_data: str,
    ask: Ask | None,
) -> tuple[Added, list[str], list[str]]:
    """Gather values, append the entry; the result, warnings and next steps."""
    kind = KINDS[kind_name]
    values = gather(kind, given, ask)
    record = entry(kind, values)
    rel = f"{rel_data}/{kind.fspec.filename}"
    added = append(data / kind.fspec.filename, rel, kind, record)
    return added, notes(kind, record, data), next_steps(kind, added, rel)
