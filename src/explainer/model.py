"""The immutable model built from the parsed data files.

Building is lenient on purpose: a value that breaks the contract is left out
(the shape rules report it with its position), so the semantic rules can still
run on everything else and a contributor sees all problems in one pass.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from . import schema as s
from .problems import Loc
from .yamltree import YMap, YNode, YScalar, YSeq

if TYPE_CHECKING:  # syndication reads the model; it is imported when first needed
    from .syndication import Corroboration, SharedPassage

Positions = Mapping[str, Loc]


def _no_positions() -> Positions:
    return MappingProxyType({})


@dataclass(frozen=True)
class Cite:
    source: str
    quote: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)


@dataclass(frozen=True)
class Claim:
    text: str
    cite: tuple[Cite, ...]
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    id: str | None = None
    contested: bool = False


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    loc: Loc
    at: Positions = field(default_factory=_no_positions)


@dataclass(frozen=True)
class Event:
    id: str
    date: dt.date
    title: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    claims: tuple[Claim, ...] = ()
    actors: tuple[str, ...] = ()
    place: Place | None = None
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    actor: str
    type: str
    cite: tuple[Cite, ...]
    loc: Loc
    at: Positions = field(default_factory=_no_positions)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    aliases: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: dt.date
    url: str
    accessed: dt.date
    kind: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    via: str | None = None
    author: str | None = None
    archived: str | None = None

    @property
    def archive_url(self) -> str:
        """Where to read an archived copy: the recorded snapshot, else the archive's
        redirect to its capture closest to publication (which may not exist)."""
        if self.archived:
            return self.archived
        return f"https://web.archive.org/web/{self.published:%Y%m%d}/{self.url}"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class FactCheck:
    id: str
    statement: str
    origin: str
    verdict: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    source: str | None = None
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Brief:
    id: str
    title: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Figure:
    id: str
    event: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)
    claims: tuple[Claim, ...] = ()
    events: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Day:
    event: str
    loc: Loc
    at: Positions = field(default_factory=_no_positions)


Owner = Event | Actor | Topic | FactCheck | Brief | Figure | Question

# Every kind of record that holds claims, in the order the checker and pages walk them.
CLAIM_COLLECTIONS = ("events", "actors", "topics", "factchecks", "brief", "figures", "questions")


@dataclass(frozen=True)
class Capture:
    """The captured text of one source: passages separated by `[…]` lines."""

    source_id: str
    path: str
    passages: tuple[str, ...]
    first_line: int  # line of the body's first line in the file (after any header)
    header: Mapping[str, str] = field(default_factory=dict)
    # (first, last) line in the file of each passage's text, in the order of passages
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Document:
    """One parsed data file; root is None when the file is empty or absent."""

    spec: s.FileSpec
    path: str
    root: YNode | None
    exists: bool = True


@dataclass(frozen=True)
class ClaimRef:
    """Where a claim lives: which file, which record, which position (1-based)."""

    collection: str  # one of CLAIM_COLLECTIONS
    owner: Owner
    number: int
    claim: Claim

    @property
    def key(self) -> str:
        if self.collection == "events":
            return f"{self.owner.id}/{self.number}"
        return f"{self.collection}/{self.owner.id}/{self.number}"

    @property
    def event(self) -> Event | None:
        return self.owner if isinstance(self.owner, Event) else None


@dataclass(frozen=True)
class Dataset:
    root: str  # the data directory, relative to the project root
    documents: tuple[Document, ...]
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    topics: tuple[Topic, ...] = ()
    factchecks: tuple[FactCheck, ...] = ()
    brief: tuple[Brief, ...] = ()
    figures: tuple[Figure, ...] = ()
    questions: tuple[Question, ...] = ()
    days: tuple[Day, ...] = ()
    captures: Mapping[str, Capture] = field(default_factory=dict)
    orphan_captures: tuple[Capture, ...] = ()
    load_problems: tuple[Any, ...] = ()  # Problems found while reading files

    @cached_property
    def source_by_id(self) -> Mapping[str, Source]:
        return _first_by_id(self.sources)

    @cached_property
    def actor_by_id(self) -> Mapping[str, Actor]:
        return _first_by_id(self.actors)

    @cached_property
    def event_by_id(self) -> Mapping[str, Event]:
        return _first_by_id(self.events)

    @cached_property
    def actor_names(self) -> ActorNames:
        return ActorNames(self.actors)

    @cached_property
    def cited_source_ids(self) -> frozenset[str]:
        """Every source a claim, a relation or a fact-check's statement relies on."""
        return frozenset(c.source for c in self.cites()) | {
            f.source for f in self.factchecks if f.source
        }

    @cached_property
    def shared_passages(self) -> tuple[SharedPassage, ...]:
        """Pairs of sources whose captures share a long passage: copies of one story."""
        from .syndication import shared_passages

        return tuple(shared_passages(self))

    @cached_property
    def corroboration(self) -> Corroboration:
        """Counts a claim's independent publishers: `ds.corroboration.of(claim)`."""
        from .syndication import Corroboration

        return Corroboration(self.source_by_id, self.shared_passages)

    def claims(self) -> Iterator[ClaimRef]:
        return iter(self._claim_refs)

    @cached_property
    def _claim_refs(self) -> tuple[ClaimRef, ...]:
        # made once: the checker and every page that lists claims walk them again
        return tuple(
            ClaimRef(collection, owner, n, claim)
            for collection in CLAIM_COLLECTIONS
            for owner in getattr(self, collection)
            for n, claim in enumerate(owner.claims, 1)
        )

    def cites(self) -> Iterator[Cite]:
        for ref in self.claims():
            yield from ref.claim.cite
        for actor in self.actors:
            for rel in actor.relations:
                yield from rel.cite

    def events_in_order(self) -> list[Event]:
        return list(self._events_sorted)

    @cached_property
    def _events_sorted(self) -> tuple[Event, ...]:
        return tuple(sorted(self.events, key=lambda e: (e.date, e.id)))


class ActorNames:
    """Finds actors in text by name or alias: the checker and the renderer must agree on
    what counts as naming an actor, so both use this one matcher."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self._by_name: dict[str, Actor] = {}
        for actor in actors:
            for name in actor.names:
                if name.strip():
                    self._by_name.setdefault(name, actor)
        names = sorted(self._by_name, key=len, reverse=True)  # longest name wins
        # Every match starts with the first character of some name: the lookahead lets
        # the engine pass any other position without trying each name there.
        firsts = "".join(re.escape(c) for c in sorted({n[0] for n in names}))
        self._pattern = (
            re.compile(
                r"(?<!\w)(?=["
                + firsts
                + r"])("
                + "|".join(re.escape(n) for n in names)
                + r")(?!\w)"
            )
            if names
            else None
        )

    def find(self, text: str) -> Iterator[tuple[re.Match[str], Actor]]:
        """Each mention in order, with the actor it names."""
        if self._pattern is None:
            return
        for m in self._pattern.finditer(text):
            yield m, self._by_name[m.group(1)]

    def named_in(self, text: str) -> list[Actor]:
        """The actors a text names, each once, in order of first mention."""
        seen: dict[str, Actor] = {}
        for _, actor in self.find(text):
            seen.setdefault(actor.id, actor)
        return list(seen.values())


def statement_cites(ds: Dataset) -> Iterator[Cite]:
    """A fact-check naming a source must quote it exactly, like any citation."""
    for fc in ds.factchecks:
        if fc.source:
            at = {"source": fc.at.get("source", fc.loc), "quote": fc.at.get("statement", fc.loc)}
            yield Cite(fc.source, fc.statement, fc.loc, MappingProxyType(at))


def _first_by_id(records: tuple[Any, ...]) -> Mapping[str, Any]:
    out: dict[str, Any] = {}
    for r in records:
        out.setdefault(r.id, r)
    return MappingProxyType(out)


# --- building from the tree -------------------------------------------------------

_MODELS: dict[str, type] = {
    "cite": Cite,
    "claim": Claim,
    "place": Place,
    "event": Event,
    "relation": Relation,
    "actor": Actor,
    "source": Source,
    "topic": Topic,
    "factcheck": FactCheck,
    "brief": Brief,
    "figure": Figure,
    "question": Question,
    "day": Day,
}

_INVALID = object()


def parse_date(raw: str) -> dt.date | None:
    if len(raw) != 10:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # the builder and E009 both ask about every URL
def is_http_url(raw: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(raw)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not _URL_BAD.search(raw)


# \s is str.isspace() in Python's re; with the C0 controls, what a URL may not contain.
_URL_BAD = re.compile(r"[\s\x00-\x1f]")


Converter = Callable[[YNode, dict[str, Loc], str], Any]


def _converter(ftype: s.FieldType) -> Converter:
    """A function turning a node into its model value, or _INVALID when it breaks the
    contract. Chosen once per field type, so building a record asks no type questions."""
    if isinstance(ftype, s.ListOf):
        return _list_converter(ftype)
    if isinstance(ftype, s.Record):
        spec = ftype.spec

        def record(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YMap:
                return _INVALID
            built = build_record(spec, node)
            return _INVALID if built is None else built

        return record
    return _scalar_converter(ftype)


def _list_converter(ftype: s.ListOf) -> Converter:
    item = _converter(ftype.item)
    if isinstance(ftype.item, s.Record):  # records keep their own positions

        def records(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YSeq:
                return _INVALID
            built = [item(n, at, key) for n in node.items]
            return tuple([v for v in built if v is not _INVALID])

        return records

    if isinstance(ftype.item, s.ListOf):  # a list of lists: each keeps its index

        def lists(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YSeq:
                return _INVALID
            built = [item(n, at, f"{key}.{i}") for i, n in enumerate(node.items)]
            return tuple([v for v in built if v is not _INVALID])

        return lists

    def scalars(node: YNode, at: dict[str, Loc], key: str) -> Any:
        if type(node) is not YSeq:
            return _INVALID
        out = []
        for i, n in enumerate(node.items):
            if type(n) is YScalar:  # each scalar item's own position, as "tags.0"
                at[f"{key}.{i}"] = n.loc
            v = item(n, at, key)
            if v is not _INVALID:
                out.append(v)
        return tuple(out)

    return scalars


def _scalar_converter(ftype: s.FieldType) -> Converter:
    # One call per value, on the loader's hottest path. A scalar's position is recorded
    # by whoever holds it: build_record for a field, the list converter for an item.
    if isinstance(ftype, s.Bool):

        def flag(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YScalar:
                return _INVALID
            return node.value if isinstance(node.value, bool) else _INVALID

        return flag
    if isinstance(ftype, s.Number):
        low, high = ftype.minimum, ftype.maximum

        def number(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YScalar:
                return _INVALID
            v = node.value
            if isinstance(v, bool) or not isinstance(v, int | float):
                return _INVALID
            return float(v) if low <= v <= high else _INVALID

        return number
    if isinstance(ftype, s.Date):

        def date(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YScalar:
                return _INVALID
            d = parse_date(node.raw) if node.kind in ("timestamp", "str") else None
            return _INVALID if d is None else d

        return date
    if isinstance(ftype, s.Enum):
        values = ftype.values

        def choice(node: YNode, at: dict[str, Loc], key: str) -> Any:
            if type(node) is not YScalar:
                return _INVALID
            # `verdict: false` is a choice, not a boolean, to a contributor
            if node.kind in ("str", "bool"):
                return node.raw if node.raw in values else _INVALID
            return _INVALID

        return choice
    valid: Callable[[str], object] | None = None
    if isinstance(ftype, s.Slug):
        valid = s.SLUG_RE.match
    elif isinstance(ftype, s.Url):
        valid = is_http_url
    elif isinstance(ftype, s.Pattern):
        valid = ftype.regex.match

    def text(node: YNode, at: dict[str, Loc], key: str) -> Any:
        if type(node) is not YScalar:
            return _INVALID
        v = node.value
        if node.kind != "str" or not isinstance(v, str) or not v.strip():
            return _INVALID
        if valid is not None and not valid(v):
            return _INVALID
        return v

    return text


@dataclass(frozen=True)
class _Builder:
    """What building one kind of record needs, worked out once from its spec."""

    spec: s.RecordSpec  # held, so that the id keying _BUILDERS is never reused
    model: type
    converters: Mapping[str, Converter]
    required: tuple[tuple[str, bool], ...]  # (name, is a list)
    defaults: Mapping[str, Any]


_BUILDERS: dict[int, _Builder] = {}


def _builder(spec: s.RecordSpec) -> _Builder:
    got = _BUILDERS.get(id(spec))
    if got is None:
        model = _MODELS[spec.name]
        got = _BUILDERS[id(spec)] = _Builder(
            spec,
            model,
            {f.name: _converter(f.type) for f in spec.fields},
            tuple((f.name, isinstance(f.type, s.ListOf)) for f in spec.fields if f.required),
            _defaults(model),
        )
    return got


def _defaults(model: type) -> dict[str, Any]:
    return {
        f.name: f.default for f in dataclasses.fields(model) if f.default is not dataclasses.MISSING
    }


def build_record(spec: s.RecordSpec, node: YMap) -> Any:
    """The model object for one mapping, or None when a required field is unusable."""
    b = _BUILDERS.get(id(spec)) or _builder(spec)
    converters = b.converters
    kwargs: dict[str, Any] = {}
    at: dict[str, Loc] = {}
    for key_node, value_node in node.items:
        name = key_node.value
        if type(name) is not str:
            name = str(name)
        convert = converters.get(name)
        if convert is None or name in at:
            continue  # unknown and duplicate keys are reported by rules
        at[name] = value_node.loc
        v = convert(value_node, at, name)
        if v is not _INVALID:
            kwargs[name] = v
    for name, is_list in b.required:
        if name not in kwargs:
            if not is_list:
                return None
            kwargs[name] = ()  # a missing list is reported by E004; the record stays usable
    return _new(b, node.loc, MappingProxyType(at), kwargs)


def _new(b: _Builder, loc: Loc, at: Positions, kwargs: dict[str, Any]) -> Any:
    """The frozen model object that b.model(loc=loc, at=at, **kwargs) would make.

    A frozen dataclass sets each field through object.__setattr__ in __init__, which
    dominates building tens of thousands of small records; filling the instance's
    __dict__ with the same values is several times cheaper and leaves the same object."""
    obj = object.__new__(b.model)
    d = obj.__dict__
    d.update(b.defaults)
    d.update(kwargs)
    d["loc"] = loc
    d["at"] = at
    return obj
