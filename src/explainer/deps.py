"""Which pages a data change touches, for a rebuild that redoes only those.

Each page gets a fingerprint: a digest of every piece of data the page shows, taken
from the same indexes the renderer uses (an event's claims and the sources they cite,
an actor's events and mentions, the claims citing a source, the way the timeline and
the source list are split into parts). Two builds' fingerprints differ exactly where
a page's data differs, so the pages to rebuild are the ones whose fingerprint changed.

Fingerprints err on the side of rebuilding: whatever shapes many pages at once (actor
names, which link claims to actor pages; the parts, which decide every link to an
event) is part of every page that could show it, and a page that calls a macro this
module does not know depends on all the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .model import Claim, Dataset, Event
from .parts import Part
from .render import ACTORS_DIR, Renderer, actor_page, claim_anchor
from .schema import SLUG_RE

# Fields that say where a record is written in its file, not what the site shows: a
# line added above a record must not make its pages look changed.
_POSITION_FIELDS = frozenset({"loc", "at"})
_MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(")
# Macros whose output does not depend on the data.
_CONSTANT_MACROS = frozenset({"rule_table"})
GENERATED_FOLDERS = (ACTORS_DIR, "timeline", "sources")


def plain(value: Any) -> Any:
    """A record as nested tuples of its shown fields, without positions: comparable and
    printable the same way in every run."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _SHOWN.get(kind)
    if names is not None:
        return (kind.__name__, *[plain(getattr(value, n)) for n in names])
    if kind is tuple or kind is list:
        return tuple([plain(v) for v in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _SHOWN[kind] = tuple(
            f.name for f in dataclasses.fields(value) if f.name not in _POSITION_FIELDS
        )
        return plain(value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), plain(v)) for k, v in value.items()))
    if isinstance(value, (str, int, float, dt.date)):
        return value
    return repr(value)


# Field names shown, per record class: looked up once, not per record.
_SHOWN: dict[type, tuple[str, ...]] = {}
_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def macro_calls(text: str) -> tuple[str, ...]:
    """The names of the macros a page source calls, in order, without repeats."""
    return tuple(dict.fromkeys(_MACRO_CALL.findall(text)))


def handwritten_pages(docs: Path) -> dict[str, tuple[str, ...]]:
    """Page source path -> the macros it calls, for every page `explainer pages` does
    not write (those are fingerprinted from the data alone)."""
    out: dict[str, tuple[str, ...]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        folder, _, name = rel.rpartition("/")
        if folder in GENERATED_FOLDERS and name != "index.md":
            continue
        out[rel] = macro_calls(path.read_text(encoding="utf-8"))
    return out


class Fingerprints:
    """Digests of what each page shows, for one dataset as one renderer lays it out."""

    def __init__(self, renderer: Renderer, config: object = ()) -> None:
        self.r = renderer
        self.ds: Dataset = renderer.ds
        copies: dict[str, set[str]] = {}
        for p in self.ds.shared_passages:
            copies.setdefault(p.earlier.id, set()).add(p.later.id)
            copies.setdefault(p.later.id, set()).add(p.earlier.id)
        self.source = {
            s.id: digest(plain(s), sorted(copies.get(s.id, ()))) for s in self.ds.sources
        }
        self.event = {e.id: digest(plain(e)) for e in self.ds.events}
        self.brief = {e.id: _brief(e) for e in self.ds.events}
        # What every page with claims or actor links depends on: actor names link claim
        # texts to actor pages, the parts place every event, the config every URL.
        self.common = digest(
            config,
            [(a.id, a.name, a.aliases, a.kind) for a in self.ds.actors],
            [_part_shape(p) for p in renderer.parts],
            [_part_shape(p) for p in renderer.source_parts],
            renderer.site_url,
            renderer.site_name,
        )

    # --- pieces ----------------------------------------------------------------

    def sources_of(self, claims: Iterable[Claim]) -> list[str]:
        return [self.source.get(c.source, c.source) for claim in claims for c in claim.cite]

    def events_full(self, events: Iterable[Event]) -> list[object]:
        """Events as a page shows them in full: claims, cited sources, related events."""
        return [
            (
                self.event[e.id],
                self.sources_of(e.claims),
                [self.brief.get(r, r) for r in e.related],
            )
            for e in events
        ]

    def citing(self, source_id: str) -> list[object]:
        """The claims a source's entry lists, with where each one is shown."""
        return [
            (ref.claim.text, self.r.claim_home(ref), claim_anchor(ref))
            for ref in self.r._citing.get(source_id, [])
        ]

    def mentions(self, actor_id: str) -> list[object]:
        actor = self.ds.actor_by_id[actor_id]
        return [
            (self.r.claim_home(ref), claim_anchor(ref), self.r.owner_title(ref))
            for ref in self.r.mentions_of(actor)
        ]

    # --- pages -----------------------------------------------------------------

    def generated(self) -> dict[str, str]:
        """Page source path -> fingerprint, for every page `explainer pages` writes."""
        out: dict[str, str] = {}
        for a in self.ds.actors:
            if SLUG_RE.match(a.id):
                out[actor_page(a.id)] = self.actor(a.id)
        for part in self.r.parts:
            out[part.path] = digest(self.common, part.key, self.events_full(part.items))
        for part in self.r.source_parts:
            out[part.path] = digest(
                self.common,
                part.key,
                [(self.source[s.id], self.citing(s.id)) for s in part.items],
            )
        return out

    def actor(self, actor_id: str) -> str:
        actor = self.ds.actor_by_id[actor_id]
        relations = [
            (r.type, r.actor, [self.source.get(c.source, c.source) for c in r.cite])
            for r in actor.relations
        ]
        return digest(
            self.common,
            plain(actor),
            self.sources_of(actor.claims),
            relations,
            [self.brief[e.id] for e in self.r.events_of(actor)],
            self.mentions(actor_id),
        )

    def macro(self, name: str) -> str:
        """What a macro shows on a hand-written page."""
        ds, r = self.ds, self.r
        if name in _CONSTANT_MACROS:
            return name
        if name == "stats":
            claims = sum(1 for _ in ds.claims())
            publishers = sorted({s.publisher for s in ds.sources})
            return digest(name, len(ds.events), len(ds.actors), claims, len(ds.sources), publishers)
        if name == "timeline":
            if r.parts:  # the overview: one line per event, filters and map
                return digest(name, self.common, [self.brief[e.id] for e in ds.events_in_order()])
            return digest(name, self.common, self.events_full(ds.events_in_order()))
        if name == "actor_index":
            counts = [(a.id, len(r.events_of(a))) for a in ds.actors]
            return digest(name, self.common, counts)
        if name == "source_list":
            if r.source_parts:
                return digest(name, self.common)
            return digest(
                name, self.common, [(self.source[s.id], self.citing(s.id)) for s in ds.sources]
            )
        if name in ("topic", "topics"):
            return digest(
                name, self.common, [(plain(t), self.sources_of(t.claims)) for t in ds.topics]
            )
        if name == "factchecks":
            return digest(
                name,
                self.common,
                [
                    (plain(f), self.sources_of(f.claims), self.source.get(f.source or "", ""))
                    for f in ds.factchecks
                ],
            )
        return self.everything()

    def everything(self) -> str:
        ds = self.ds
        return digest(
            self.common,
            sorted(self.event.items()),
            sorted(self.source.items()),
            [plain(a) for a in ds.actors],
            [plain(t) for t in ds.topics],
            [plain(f) for f in ds.factchecks],
        )

    def pages(self, handwritten: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
        """Fingerprints of the generated pages and of the given hand-written ones."""
        out = self.generated()
        for path, macros in handwritten.items():
            out[path] = digest(path, [self.macro(m) for m in macros])
        return out


def changed(before: Mapping[str, str], after: Mapping[str, str]) -> set[str]:
    """Pages whose fingerprint differs, and pages that appeared or went."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def site_file(src_path: str) -> str:
    """Where MkDocs (directory URLs) writes a page source, relative to the site."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def site_url(src_path: str) -> str:
    """The page's URL relative to the site, as MkDocs and the search index give it."""
    return site_file(src_path).removesuffix("index.html")


def _brief(e: Event) -> str:
    """An event as a one-line link shows it: on actor pages and the timeline overview."""
    return digest(e.id, e.date, e.title, e.actors, e.tags, plain(e.place))


def _part_shape(part: Part[Any]) -> tuple[str, str, tuple[str, ...]]:
    return (part.key, part.title, tuple(getattr(item, "id", "") for item in part.items))
