"""What a rule is, and the context every rule reads from."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from ..claimwords import Evidence as ClaimEvidence
from ..dates import Evidence, resolve
from ..model import Cite, Claim, ClaimRef, Dataset, Document, statement_cites
from ..problems import Loc, Problem, Severity
from ..schema import RecordSpec
from ..textnorm import NormalizedCapture, normalize_capture
from ..vocabulary import Vocabulary
from ..yamltree import YMap
from .walk import FieldValue, scalar_type
from .walk import fields as walk_fields
from .walk import records as walk_records

Scope = str  # "dataset", "claim" or "event"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str  # one line, shown by `explainer rules` and on the contributing page
    scope: Scope
    fn: Callable[..., Iterable[Problem]]
    severity: Severity = Severity.ERROR
    # Rules that compare files would only add noise while one of them cannot be parsed.
    cross_file: bool = False


class Context:
    """The dataset plus indexes that several rules share, each computed once."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self._normalized: dict[str, NormalizedCapture] = {}
        self._evidence: dict[tuple[str, str], Evidence] = {}
        self._fields: dict[int, list[FieldValue]] = {}
        self._records: dict[int, list[tuple[RecordSpec, YMap]]] = {}
        self._typed: dict[tuple[int, tuple[type, ...]], list[FieldValue]] = {}
        self._by_type: dict[int, dict[type, list[FieldValue]]] = {}
        self._keys: dict[int, list[tuple[str, ...]]] = {}
        self._claim_evidence: dict[int, ClaimEvidence] = {}
        self._found: dict[tuple[str, str], bool] = {}

    @cached_property
    def claims(self) -> list[ClaimRef]:
        """Every claim, listed once for all the claim rules."""
        return list(self.ds.claims())

    @cached_property
    def cites(self) -> list[Cite]:
        """Every citation the cite rules check: the claims' and relations' (as
        Dataset.cites gives them), then the fact-checks' statements."""
        out = [cite for ref in self.claims for cite in ref.claim.cite]
        out += [cite for actor in self.ds.actors for rel in actor.relations for cite in rel.cite]
        out += statement_cites(self.ds)
        return out

    @cached_property
    def capture_words(self) -> Vocabulary:
        """The words of every capture, to tell a word cut short from a whole one."""
        return Vocabulary(p for cap in self.ds.captures.values() for p in cap.passages)

    @cached_property
    def complete(self) -> bool:
        """False when a data file could not be parsed, so its records are missing."""
        return not any(
            p.code == "E001" and p.loc.path.endswith(".yaml") for p in self.ds.load_problems
        )

    def fields(self, doc: Document) -> list[FieldValue]:
        """Every field value of a document, walked once and shared by the shape rules."""
        key = id(doc)
        got = self._fields.get(key)
        if got is None:
            got = self._fields[key] = walk_fields(doc, self.records(doc))
        return got

    def fields_of(self, doc: Document, *types: type) -> list[FieldValue]:
        """The field values whose (item) type is one of types, e.g. every Date field."""
        key = (id(doc), types)
        got = self._typed.get(key)
        if got is None:
            buckets = self._buckets(doc)
            wanted = [cls for cls in buckets if issubclass(cls, types)]
            if len(wanted) <= 1:  # one bucket is already in document order
                got = buckets[wanted[0]] if wanted else []
            else:
                keep = frozenset(wanted)
                got = [fv for fv in self.fields(doc) if type(scalar_type(fv)) in keep]
            self._typed[key] = got
        return got

    def _buckets(self, doc: Document) -> dict[type, list[FieldValue]]:
        """The field values of a document grouped by the class of their (item) type."""
        key = id(doc)
        got = self._by_type.get(key)
        if got is None:
            got = self._by_type[key] = {}
            for fv in self.fields(doc):
                ftype = fv.field.type if fv.item_of is None else fv.item_of.item
                bucket = got.get(type(ftype))
                if bucket is None:
                    bucket = got[type(ftype)] = []
                bucket.append(fv)
        return got

    def records(self, doc: Document) -> list[tuple[RecordSpec, YMap]]:
        key = id(doc)
        got = self._records.get(key)
        if got is None:
            got = self._records[key] = walk_records(doc)
        return got

    def keys(self, doc: Document) -> list[tuple[str, ...]]:
        """The key names of each record, in the order of records(doc), duplicates kept."""
        key = id(doc)
        got = self._keys.get(key)
        if got is None:
            got = self._keys[key] = [
                tuple([k.value if type(k.value) is str else str(k.value) for k, _ in node.items])
                for _, node in self.records(doc)
            ]
        return got

    def capture(self, source_id: str) -> NormalizedCapture | None:
        got = self._normalized.get(source_id)
        if got is None:
            cap = self.ds.captures.get(source_id)
            if cap is None:
                return None
            got = self._normalized[source_id] = normalize_capture(cap.passages)
        return got

    def quote_found(self, cite: Cite) -> bool:
        """Whether the quote is in its source's capture (E020 and E042 both ask)."""
        key = (cite.source, cite.quote)
        got = self._found.get(key)
        if got is None:
            capture = self.capture(cite.source)
            got = self._found[key] = capture is not None and capture.contains(cite.quote)
        return got

    def evidence_of(self, claim: Claim) -> ClaimEvidence:
        """What vouches for the words of a claim: its quotes, sources and actors."""
        got = self._claim_evidence.get(id(claim))
        if got is None:
            got = self._claim_evidence[id(claim)] = ClaimEvidence(
                claim, self.ds.source_by_id, self.ds.actor_names
            )
        return got

    def evidence(self, cite: Cite) -> Evidence | None:
        """Dates a quote establishes, read on its source's publication date."""
        src = self.ds.source_by_id.get(cite.source)
        if src is None:
            return None
        key = (cite.source, cite.quote)
        got = self._evidence.get(key)
        if got is None:
            got = self._evidence[key] = resolve(cite.quote, src.published)
        return got


def did_you_mean(value: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def at(record: object, key: str) -> Loc:
    """Position of a field's value, falling back to the record's own position."""
    positions = getattr(record, "at", {})
    return positions.get(key) or record.loc  # type: ignore[attr-defined]
