"""JSON Schema for each data file, generated from the declarations in schema.py.

Editors (through the yaml-language-server modeline at the top of each data file)
use these schemas to autocomplete keys and flag mistakes while typing; the checker
stays the authority. Draft-07 because that is what the YAML language server
implements fully. Nested records are inlined rather than referenced, so every
`description` shows on hover whatever the editor does with `$ref` siblings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import schema as s

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schemas"

# The same rules as the checker's (schema.SLUG_RE, model.is_http_url), in the regex
# syntax that ECMAScript engines (editors) and Python share.
SLUG_PATTERN = s.SLUG_RE.pattern
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
URL_PATTERN = "^[hH][tT][tT][pP][sS]?://[^\\s/?#]+([/?#][^\\s]*)?$"
NOT_BLANK = "\\S"


def schema_filename(fspec: s.FileSpec) -> str:
    return fspec.filename.removesuffix(".yaml") + ".schema.json"


def modeline(fspec: s.FileSpec) -> str:
    """The first line of a data file: tells YAML-aware editors which schema applies."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{schema_filename(fspec)}"


def field_schema(ftype: s.FieldType, doc: str) -> dict[str, Any]:
    out: dict[str, Any] = {"description": doc}
    if isinstance(ftype, s.ListOf):
        out["type"] = "array"
        out["items"] = field_schema(ftype.item, doc)
        if ftype.min_items:
            out["minItems"] = ftype.min_items
        return out
    if isinstance(ftype, s.Record):
        return record_schema(ftype.spec, doc)
    if isinstance(ftype, s.Text):
        out.update(type="string", minLength=1, pattern=NOT_BLANK)
    elif isinstance(ftype, s.Slug):
        out.update(type="string", pattern=SLUG_PATTERN)
    elif isinstance(ftype, s.Ref):
        out.update(type="string", pattern=SLUG_PATTERN)
        if f"{ftype.target}.yaml" not in doc:
            out["description"] = f"{doc} An id from {ftype.target}.yaml."
    elif isinstance(ftype, s.Date):
        out.update(type="string", format="date", pattern=DATE_PATTERN)
    elif isinstance(ftype, s.Url):
        out.update(type="string", pattern=URL_PATTERN)
    elif isinstance(ftype, s.Enum):
        out.update(type="string", enum=list(ftype.values))
        if any(v in ("true", "false", "yes", "no") for v in ftype.values):
            out["description"] = f"{doc} Put 'true' and 'false' in quotes."
    elif isinstance(ftype, s.Bool):
        out["type"] = "boolean"
    elif isinstance(ftype, s.Number):
        out.update(type="number", minimum=ftype.minimum, maximum=ftype.maximum)
    elif isinstance(ftype, s.Pattern):
        out.update(type="string", pattern=ftype.regex.pattern)
        out["description"] = f"{doc} Must be {ftype.hint}."
    else:  # pragma: no cover - guarded by a test over every declared type
        raise TypeError(f"no JSON Schema for {ftype!r}")
    return out


def record_schema(spec: s.RecordSpec, doc: str | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "description": spec.doc if doc is None else f"{doc} {spec.doc}",
        "properties": {f.name: field_schema(f.type, f.doc) for f in spec.fields},
        "required": [f.name for f in spec.fields if f.required],
        "additionalProperties": False,
    }


def file_schema(fspec: s.FileSpec) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$comment": "Generated from src/explainer/schema.py by `explainer schema`; do not edit.",
        "title": f"data/{fspec.filename}",
        "description": f"{fspec.doc} Contract: CONTRIBUTING.md; check with `make check`.",
        "type": "array",
        "items": record_schema(fspec.record),
    }


def render(fspec: s.FileSpec) -> str:
    return json.dumps(file_schema(fspec), indent=2, ensure_ascii=False) + "\n"


def rendered() -> dict[str, str]:
    """File name in schemas/ -> its text, for every data file."""
    return {schema_filename(f): render(f) for f in s.FILES}


def stale(directory: Path) -> list[str]:
    """Names of schema files in directory that are missing or differ from the model."""
    out = []
    for name, text in rendered().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def write(directory: Path) -> list[str]:
    """Write every schema that changed; the names written."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = stale(directory)
    texts = rendered()
    for name in changed:
        (directory / name).write_text(texts[name], encoding="utf-8")
    return changed
