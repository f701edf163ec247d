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


def records(doc: Document) -> Iterator[tuple[s.RecordSpec, YMap]]:
    """Every mapping in the file that should be a record, nested ones included."""
    root = doc.root
    if not isinstance(root, YSeq):
        return
    for item in root.items:
        if isinstance(item, YMap):
            yield from _records(doc.spec.record, item)


def _records(spec: s.RecordSpec, node: YMap) -> Iterator[tuple[s.RecordSpec, YMap]]:
    yield spec, node
    for key, value in node.items:
        f = spec.get(str(key.value))
        if f is None:
            continue
        ftype = f.type
        if isinstance(ftype, s.Record) and isinstance(value, YMap):
            yield from _records(ftype.spec, value)
        elif (
            isinstance(ftype, s.ListOf)
            and isinstance(ftype.item, s.Record)
            and isinstance(value, YSeq)
        ):
            for item in value.items:
                if isinstance(item, YMap):
                    yield from _records(ftype.item.spec, item)


def fields(doc: Document) -> Iterator[FieldValue]:
    """Every known field's value in every record; items of scalar lists one by one."""
    for spec, node in records(doc):
        for key, value in node.items:
            f = spec.get(str(key.value))
            if f is None:
                continue
            yield FieldValue(doc, spec, node, f, key, value)
            if isinstance(f.type, s.ListOf) and isinstance(value, YSeq):
                if isinstance(f.type.item, s.Record):
                    continue
                for item in value.items:
                    yield FieldValue(doc, spec, node, f, key, item, item_of=f.type)


def scalar_type(fv: FieldValue) -> s.FieldType:
    """The type a scalar value must have: the list's item type for list items."""
    return fv.item_of.item if fv.item_of is not None else fv.field.type


def documents(ds: Dataset) -> Iterator[Document]:
    for doc in ds.documents:
        if doc.exists:
            yield doc
