"""Walking a parsed data file alongside the schema that describes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .. import schema as s
from ..model import Dataset, Document
from ..yamltree import YMap, YNode, YScalar, YSeq


class FieldValue(NamedTuple):
    doc: Document
    record: s.RecordSpec
    node: YMap  # the mapping holding the field
    field: s.Field
    key: YScalar
    value: YNode
    item_of: s.ListOf | None = None  # set when value is one item of a list field


def records(doc: Document) -> list[tuple[s.RecordSpec, YMap]]:
    """Every mapping in the file that should be a record, nested ones included, in
    document order (each record before the records nested in it)."""
    out: list[tuple[s.RecordSpec, YMap]] = []
    root = doc.root
    if isinstance(root, YSeq):
        spec = doc.spec.record
        for item in root.items:
            if type(item) is YMap:
                _records(spec, item, out)
    return out


def _records(spec: s.RecordSpec, node: YMap, out: list[tuple[s.RecordSpec, YMap]]) -> None:
    # A list and recursion, not nested generators: every level of `yield from` costs a
    # resumption per record, and files hold tens of thousands of records.
    out.append((spec, node))
    nested = _nested(spec)
    if not nested:
        return
    for key, value in node.items:
        inner = nested.get(key.value if type(key.value) is str else str(key.value))
        if inner is None:
            continue
        sub, is_list = inner
        if not is_list:
            if type(value) is YMap:
                _records(sub, value, out)
        elif type(value) is YSeq:
            for item in value.items:
                if type(item) is YMap:
                    _records(sub, item, out)


_NESTED: dict[int, tuple[s.RecordSpec, dict[str, tuple[s.RecordSpec, bool]]]] = {}


def _nested(spec: s.RecordSpec) -> dict[str, tuple[s.RecordSpec, bool]]:
    """The fields of spec that hold records: name -> (their spec, whether a list)."""
    got = _NESTED.get(id(spec))
    if got is None or got[0] is not spec:
        found: dict[str, tuple[s.RecordSpec, bool]] = {}
        for f in spec.fields:
            if isinstance(f.type, s.Record):
                found[f.name] = (f.type.spec, False)
            elif isinstance(f.type, s.ListOf) and isinstance(f.type.item, s.Record):
                found[f.name] = (f.type.item.spec, True)
        got = _NESTED[id(spec)] = (spec, found)  # the spec is held: its id stays its own
    return got[1]


def fields(doc: Document, recs: list[tuple[s.RecordSpec, YMap]] | None = None) -> list[FieldValue]:
    """Every known field's value in every record; items of scalar lists one by one."""
    out: list[FieldValue] = []
    append = out.append
    # tuple.__new__ directly: the named tuple's own __new__ is a Python function, and
    # a large file has a field value per scalar
    new, fv = tuple.__new__, FieldValue
    for spec, node in records(doc) if recs is None else recs:
        get = spec.get
        for key, value in node.items:
            f = get(key.value if type(key.value) is str else str(key.value))
            if f is None:
                continue
            append(new(fv, (doc, spec, node, f, key, value, None)))
            ftype = f.type
            if type(value) is YSeq and isinstance(ftype, s.ListOf):
                if isinstance(ftype.item, s.Record):
                    continue
                for item in value.items:
                    append(new(fv, (doc, spec, node, f, key, item, ftype)))
    return out


def scalar_type(fv: FieldValue) -> s.FieldType:
    """The type a scalar value must have: the list's item type for list items."""
    return fv.item_of.item if fv.item_of is not None else fv.field.type


def documents(ds: Dataset) -> Iterator[Document]:
    for doc in ds.documents:
        if doc.exists:
            yield doc
