"""Markdown fragments for the site's pages, built from the model.

Every string that comes from data goes through `escape`; links between pages
are relative Markdown links so MkDocs validates them in strict mode.

Citations are rendered here as HTML rather than through Markdown's footnotes
extension: a marker after the sentence and an evidence list after the content.
The extension's cost grows faster than the page (a timeline with thousands of
citations took most of the build), and Material's footnote tooltips set up every
marker when a page loads, which on a phone blocked the timeline for over a second.
The site's script shows the same evidence on hover, focus or tap, with listeners
shared by all markers, so a page costs nothing until a reader points at one.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections import defaultdict
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from . import escape
from .focus import FOCUS_ID, Focus, Section, sections
from .model import (
    Actor,
    Brief,
    Cite,
    Claim,
    ClaimRef,
    Dataset,
    Event,
    FactCheck,
    Figure,
    Question,
    Source,
    Topic,
)
from .parts import (
    PART_LIMIT,
    SOURCE_PART_LIMIT,
    SOURCES,
    TIMELINE,
    Part,
    event_pages,
    page_url,
    source_parts,
    timeline_parts,
)
from .schema import SLUG_RE
from .wayback import parse_snapshot, search_url

BACKGROUND = "background.md"
METHOD = "methodology.md"
ONE_SOURCE_ANCHOR = "one-source"
ONE_SOURCE_TITLE = "only one independent publisher supports this sentence"
FACTCHECK = "fact-check.md"
HOME = "index.md"
QUESTIONS = "questions.md"
ACTORS_DIR = "actors"

KIND_LABELS = {
    "state": "State",
    "armed-group": "Armed group",
    "person": "Person",
    "organisation": "Organisation",
}
# schema.org ratings run from worst (1) to best (5)
VERDICT_SCORES = {"false": 1, "misleading": 2, "unsupported": 3, "partly-true": 3, "true": 5}
VERDICT_LABELS = {
    "false": "False",
    "misleading": "Misleading",
    "partly-true": "Partly true",
    "true": "True",
    "unsupported": "Unsupported",
}


@functools.lru_cache(maxsize=4096)
def human_date(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def archive_link(src: Source) -> str:
    """ "Archived copy" and its date only for a snapshot recorded in the data; otherwise
    an honest search of the archive, since nobody has checked that a copy exists."""
    if not src.archived:
        return (
            f'<a class="ex-archive ex-archive-search" href="{escape.href(search_url(src.url))}" '
            'rel="noopener noreferrer" title="No archived copy of this source has been checked '
            'yet: this searches the Wayback Machine">Search the archive</a>'
        )
    snap = parse_snapshot(src.archived)
    taken = f", {human_date(snap.taken.date())}" if snap else ""
    return (
        f'<a class="ex-archive" href="{escape.href(src.archived)}" '
        f'rel="noopener noreferrer">Archived copy{taken}</a>'
    )


def actor_page(actor_id: str) -> str:
    return f"{ACTORS_DIR}/{actor_id}.md"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page source to another, as MkDocs resolves them."""
    rel = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def _relpath(to_page: str, from_dir: str) -> str:
    # a large site asks for the same few page-to-page paths tens of thousands of times
    return posixpath.relpath(to_page, from_dir)


def claim_anchor(ref: ClaimRef) -> str:
    """A claim's anchor: its `id` when it has one, else its place in its record's list
    ("claim-border-talks-2" for that event's second claim, "claim-actors-un-3" for the
    third claim of actor "un"). A claim added at the
    end of a list leaves the others' anchors as they were; giving a claim an `id` pins its
    anchor even when claims are inserted before it or reordered."""
    if ref.claim.id:
        return f"claim-{ref.owner.id}-{ref.claim.id}"
    return f"claim-{ref.key.replace('/', '-')}"


# An evidence list longer than this starts folded: a phone lays out nothing inside a
# closed <details>, and every marker still opens its quote (and the list) on demand.
EVIDENCE_OPEN_LIMIT = 30


@dataclass
class PageContext:
    """Per-page state: which actors are already linked (first mention only), and how many
    citations the page has numbered so far."""

    path: str  # the page's source path relative to docs/, e.g. "actors/some-actor.md"
    linked: set[str] = field(default_factory=set)
    notes: int = 0

    def next_note(self) -> int:
        """The next citation number; numbers run on across every macro on the page, so
        marker and list ids stay unique. Stable links go to the claim anchors instead."""
        self.notes += 1
        return self.notes


class Renderer:
    def __init__(
        self,
        ds: Dataset,
        site_url: str = "",
        site_name: str = "",
        part_limit: int = PART_LIMIT,
        source_part_limit: int = SOURCE_PART_LIMIT,
        focus: Focus | None = None,
    ) -> None:
        self.ds = ds
        self.focus = focus
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.site_name = site_name
        self._refs = {(r.collection, r.owner.id, r.number): r for r in ds.claims()}
        self.parts = timeline_parts(ds, part_limit)
        self.event_page = event_pages(ds, self.parts)
        self.source_parts = source_parts(ds, source_part_limit)
        # a source's cited line and archive link, once per source rather than per quote
        self._source_heads: dict[str, str] = {}
        self._archive_links: dict[str, str] = {}

    def generated(
        self, only: Container[str] | None = None
    ) -> dict[tuple[str, str, str], tuple[str, PageContext]]:
        """The pages `explainer pages` writes (or those of them whose paths are in
        `only`), each rendered as its one macro call renders it, ahead of the build:
        keyed by (page path, macro, argument), with the page's state after it. Actors
        whose id cannot name a file get no page."""
        todo: list[tuple[str, str, str, Callable[[str, PageContext], str]]] = [
            (actor_page(a.id), "actor_page", a.id, self.actor)
            for a in self.ds.actors
            if SLUG_RE.match(a.id)
        ]
        todo += [(p.path, "timeline_part", p.key, self.timeline_part) for p in self.parts]
        todo += [(p.path, "source_part", p.key, self.source_part) for p in self.source_parts]
        out: dict[tuple[str, str, str], tuple[str, PageContext]] = {}
        for path, macro, arg, render in todo:
            if only is not None and path not in only:
                continue
            page = PageContext(path)
            out[(path, macro, arg)] = (render(arg, page), page)
        return out

    def claim_home(self, ref: ClaimRef) -> str:
        """The page on which a claim is shown."""
        if ref.collection == "events":
            return self.event_page.get(ref.owner.id, TIMELINE)
        return {
            "actors": actor_page(ref.owner.id),
            "topics": BACKGROUND,
            "factchecks": FACTCHECK,
            "brief": HOME,
            "figures": HOME,
            "questions": QUESTIONS,
        }[ref.collection]

    def event_link(self, page: PageContext, event_id: str) -> str:
        return link(page.path, self.event_page.get(event_id, TIMELINE), event_id)

    # --- building blocks ---------------------------------------------------------

    def linked_text(self, text: str, page: PageContext, owner: Actor | None = None) -> str:
        """Escaped claim text, with each actor's first mention on the page linked."""
        out, pos = [], 0
        for m, actor in self.ds.actor_names.find(text):
            if actor.id in page.linked or (owner and actor.id == owner.id):
                continue
            page.linked.add(actor.id)
            out.append(escape.inline(text[pos : m.start()]))
            out.append(f"[{escape.text(m.group(1))}]({link(page.path, actor_page(actor.id))})")
            pos = m.end()
        out.append(escape.inline(text[pos:]))
        return "".join(out).strip()

    def markers(self, cites: Iterable[Cite], page: PageContext, notes: list[str]) -> str:
        """A numbered marker per citation; each one's evidence goes to notes."""
        out = []
        for cite in cites:
            n = page.next_note()
            out.append(
                f'<sup class="ex-ref" id="ref-{n}"><a href="#note-{n}" '
                f'aria-label="Evidence {n}">{n}</a></sup>'
            )
            notes.append(self.note(cite, n))
        return "".join(out)

    def note(self, cite: Cite, n: int) -> str:
        """One entry of the evidence list: who said it, where, the quote, and the links."""
        src = self.ds.source_by_id.get(cite.source)
        if src is None:  # the checker fails the build before this can be published
            body = f'<q class="ex-quote">{escape.text(cite.quote)}</q>'
        else:
            body = self.citation(src, cite.quote)
        return (
            f'<li id="note-{n}">{body} '
            f'<a class="ex-back" href="#ref-{n}" aria-label="Back to the text">↩</a></li>'
        )

    def citation(self, src: Source, quote_text: str) -> str:
        url = escape.href(src.url + escape.text_fragment(quote_text))
        return (
            f'{self._cited(src)}<q class="ex-quote">{escape.text(quote_text)}</q> '
            f'<a class="ex-source" href="{url}" rel="noopener noreferrer">Source</a> · '
            f"{self._archive_link(src)}"
        )

    def _cited(self, src: Source) -> str:
        """Who published a source, its title and date: the same for each of its quotes."""
        head = self._source_heads.get(src.id)
        if head is None:
            via = f" (via {escape.text(src.via)})" if src.via else ""
            head = self._source_heads[src.id] = (
                f"{escape.text(src.publisher)}{via}, "
                f"<cite>{escape.text(src.title)}</cite>, {human_date(src.published)}. "
            )
        return head

    def _archive_link(self, src: Source) -> str:
        archive = self._archive_links.get(src.id)
        if archive is None:
            archive = self._archive_links[src.id] = archive_link(src)
        return archive

    def claim(self, ref: ClaimRef, page: PageContext, notes: list[str]) -> str:
        """One claim as a sentence with its footnote references; definitions go to notes."""
        owner = ref.owner if isinstance(ref.owner, Actor) else None
        body = self.linked_text(ref.claim.text, page, owner)
        marks = self.markers(ref.claim.cite, page, notes)
        badge = (
            ' <span class="ex-badge ex-contested" title="The cited sources disagree">'
            "sources differ</span>"
            if ref.claim.contested
            else ""
        )
        if self.ds.corroboration.of(ref.claim) < 2:
            badge += self.one_source(page)
        anchor = claim_anchor(ref)
        return (
            # a no-break space: the link never starts a line of its own
            f'<a id="{anchor}"></a>{body}{marks}{badge}&#160;'
            # the # is drawn by the style sheet: copying or indexing the sentence leaves it out
            f'<a class="ex-permalink" href="#{anchor}" aria-label="Link to this statement" '
            f'title="Copy the link to this statement"></a>'
        )

    def one_source(self, page: PageContext) -> str:
        """The marker of a claim that one publisher alone supports: words, not a colour,
        linking to the method page's account of how publishers are counted. The title
        is read as the link's description, after its visible name."""
        # a Markdown link, so that MkDocs resolves (and in strict mode validates) it
        return (
            f" [one source]({link(page.path, METHOD, ONE_SOURCE_ANCHOR)})"
            f'{{ .ex-badge .ex-single title="{ONE_SOURCE_TITLE}" }}'
        )

    def claim_list(self, refs: Iterable[ClaimRef], page: PageContext, notes: list[str]) -> str:
        return "\n".join(f"- {self.claim(ref, page, notes)}" for ref in refs)

    def refs(self, collection: str, owner_id: str, claims: tuple[Claim, ...]) -> list[ClaimRef]:
        return [self._refs[(collection, owner_id, n)] for n in range(1, len(claims) + 1)]

    # --- pages -----------------------------------------------------------------

    def timeline(self, page: PageContext) -> str:
        """Events by day, with a line of links to jump ahead: the focus window first when
        the explainer names one, else by year. When the timeline is split, an overview
        of every event linking to its part."""
        if self.parts:
            return self.timeline_overview(page)
        notes: list[str] = []
        events = self.ds.events_in_order()
        head = [self.filters(), "", self.map_data(), ""]
        secs = self._sections(events)
        if not secs:
            by_year = _by_year(events)
            return _with_notes(
                [*_jump(by_year), *head, *self.days(by_year, page, notes)], notes, page
            )
        parts: list[str] = []
        for sec in secs:
            parts += _section_start(sec)
            for day, on_day in _by_day(sec.events).items():
                parts.append(f"### {human_date(day)} {{#{day.isoformat()}}}")
                parts += [self.event(e, page, notes, level=4) for e in on_day]
            parts += _section_end(sec)
        return _with_notes([*_jump_sections(secs), *head, *parts], notes, page)

    def _sections(self, events: list[Event]) -> list[Section]:
        """The timeline's stretches around its focus; none (date order, by year) without a
        focus, or when no event falls inside it: the timeline never opens on a fold."""
        if self.focus is None:
            return []
        secs = sections(events, self.focus)
        return secs if secs and secs[0].id == FOCUS_ID else []

    def days(
        self, by_year: dict[int, dict[dt.date, list[Event]]], page: PageContext, notes: list[str]
    ) -> list[str]:
        parts = []
        for year, days in by_year.items():
            parts.append(f"## {year} {{#{year}}}")
            for day, events in days.items():
                parts.append(f"### {human_date(day)} {{#{day.isoformat()}}}")
                for event in events:
                    parts.append(self.event(event, page, notes, level=4))
        return parts

    def timeline_overview(self, page: PageContext) -> str:
        """Every event in one line under its year (or its stretch of the focus), filterable,
        linking to its part."""
        events = self.ds.events_in_order()
        part_links = " · ".join(
            f"[{escape.text(p.title)}]({link(page.path, p.path)})" for p in self.parts
        )
        parts = [f"The timeline is in {len(self.parts)} parts: {part_links}", ""]
        secs = self._sections(events)
        if not secs:
            by_year = _by_year(events)
            parts += [*_jump(by_year), self.filters(), "", self.map_data(), ""]
            for year, days in by_year.items():
                parts.append(f"## {year} {{#{year}}}")
                for on_day in days.values():
                    parts += [self.brief(e, page) for e in on_day]
            return "\n".join(parts) + "\n"
        parts += [*_jump_sections(secs), self.filters(), "", self.map_data(), ""]
        for sec in secs:
            parts += _section_start(sec)
            parts += [self.brief(e, page) for e in sec.events]
            parts += _section_end(sec)
        return "\n".join(parts) + "\n"

    def brief(self, e: Event, page: PageContext) -> str:
        """One event as a line of the overview, linking to its part."""
        return (
            f'<div class="ex-event ex-brief" id="{e.id}" '
            f'data-actors="{escape.attr(" ".join(e.actors))}" '
            f'data-tags="{escape.attr(" ".join(e.tags))}" markdown>\n'
            f"{human_date(e.date)}: [{escape.text(e.title)}]({self.event_link(page, e.id)})\n"
            "</div>"
        )

    def timeline_part(self, key: str, page: PageContext) -> str:
        """One part of a split timeline: its events in full, with their evidence."""
        part = _part(self.parts, key)
        notes: list[str] = []
        parts = [f"# Timeline: {escape.text(part.title)}", ""]
        parts += [_part_nav(self.parts, part, page, TIMELINE, "All events"), ""]
        parts += self.days(_by_year(part.items), page, notes)
        return _with_notes(parts, notes, page)

    def part_meta(self, key: str) -> tuple[str, str]:
        """A timeline part's title and description."""
        part = _part(self.parts, key)
        return (
            f"Timeline: {part.title}",
            f"The events of {part.title}, each sentence with a marker quoting its source.",
        )

    def source_part_meta(self, key: str) -> tuple[str, str]:
        """A sources part's title and description."""
        part = _part(self.source_parts, key)
        return (
            f"Sources: {part.title}",
            f"The sources published in {part.title}, each with the claims that cite it.",
        )

    def filters(self) -> str:
        """Filter controls; hidden until the script shows them, so no-JS readers see all."""
        actor_ids = {a for e in self.ds.events for a in e.actors}
        actors = sorted(
            (a for a in self.ds.actors if a.id in actor_ids), key=lambda a: a.name.casefold()
        )
        tags = sorted({t for e in self.ds.events for t in e.tags})
        actor_opts = "".join(
            f'<option value="{escape.attr(a.id)}">{escape.text(a.name)}</option>' for a in actors
        )
        tag_opts = "".join(
            f'<option value="{escape.attr(t)}">{escape.text(t)}</option>' for t in tags
        )
        return (
            '<form class="ex-filters" hidden aria-label="Filter the timeline">'
            '<label>Actor <select data-ex-filter="actors">'
            f'<option value="">All actors</option>{actor_opts}</select></label> '
            '<label>Tag <select data-ex-filter="tags">'
            f'<option value="">All tags</option>{tag_opts}</select></label> '
            '<output class="ex-filter-status" aria-live="polite"></output>'
            "</form>"
        )

    def map_data(self) -> str:
        """Event places, one entry per place, for a map drawn only when a reader opens it."""
        by_place: dict[tuple[float, float], dict[str, object]] = {}
        for e in self.ds.events_in_order():
            if e.place is None:
                continue
            key = (round(e.place.lat, 1), round(e.place.lon, 1))
            spot = by_place.setdefault(
                key, {"place": e.place.name, "lat": e.place.lat, "lon": e.place.lon, "events": []}
            )
            events: list[dict[str, str]] = spot["events"]  # type: ignore[assignment]
            events.append({"id": e.id, "title": e.title, "date": human_date(e.date)})
        if not by_place:
            return ""
        return (
            '<details class="ex-map-box"><summary>Map of event places</summary>'
            '<div class="ex-map" id="ex-map" role="region" aria-label="Map of event places">'
            "</div></details>\n"
            f'<script type="application/json" id="ex-places">'
            f"{escape.json_for_script(list(by_place.values()))}</script>"
        )

    def event_jsonld(self, event: Event) -> str:
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "startDate": event.date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "description": " ".join(c.text for c in event.claims[:2]),
        }
        if self.site_url:
            home = self.event_page.get(event.id, TIMELINE)
            data["url"] = f"{self.site_url}{page_url(home)}#{event.id}"
        if event.place is not None:
            data["location"] = {
                "@type": "Place",
                "name": event.place.name,
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": event.place.lat,
                    "longitude": event.place.lon,
                },
            }
        else:
            data["location"] = {"@type": "Place", "name": "Unspecified"}
        return f'<script type="application/ld+json">{escape.json_for_script(data)}</script>'

    def event(self, event: Event, page: PageContext, notes: list[str], level: int = 3) -> str:
        actors = [self.ds.actor_by_id[a] for a in event.actors if a in self.ds.actor_by_id]
        contested = any(c.contested for c in event.claims)
        wrapper = (
            f'<div class="ex-event" data-actors="{escape.attr(" ".join(event.actors))}" '
            f'data-tags="{escape.attr(" ".join(event.tags))}" markdown>'
        )
        lines = [wrapper, "", f"{'#' * level} {escape.text(event.title)} {{#{event.id}}}", ""]
        meta = [human_date(event.date)]
        if event.place:
            meta.append(escape.text(event.place.name))
        if contested:
            meta.append('<span class="ex-badge ex-contested">sources differ</span>')
        lines.append('<p class="ex-meta">' + " · ".join(meta) + "</p>")
        lines.append("")
        lines.append(self.claim_list(self.refs("events", event.id, event.claims), page, notes))
        if actors:
            who = ", ".join(
                f"[{escape.text(a.name)}]({link(page.path, actor_page(a.id))})" for a in actors
            )
            lines += ["", f'<span class="ex-label">Actors:</span> {who}']
        related = [self.ds.event_by_id[r] for r in event.related if r in self.ds.event_by_id]
        if related:
            rel = ", ".join(
                f"[{escape.text(r.title)}]({self.event_link(page, r.id)})" for r in related
            )
            lines += ["", f'<span class="ex-label">Related:</span> {rel}']
        lines += ["", self.event_jsonld(event), "", "</div>"]
        return "\n".join(lines) + "\n"

    def actor_index(self, page: PageContext) -> str:
        groups: dict[str, list[Actor]] = defaultdict(list)
        for actor in sorted(self.ds.actors, key=lambda a: a.name.casefold()):
            groups[actor.kind].append(actor)
        parts = []
        for kind, label in KIND_LABELS.items():
            if kind not in groups:
                continue
            parts.append(f"## {label}s\n")
            for a in groups[kind]:
                n = len(self.events_of(a))
                parts.append(
                    f"- [{escape.text(a.name)}]({link(page.path, actor_page(a.id))}) "
                    f'<span class="ex-count">{n} event{"s" if n != 1 else ""}</span>'
                )
            parts.append("")
        return "\n".join(parts)

    def events_of(self, actor: Actor) -> list[Event]:
        return self._events_by_actor.get(actor.id, [])

    @cached_property
    def _events_by_actor(self) -> dict[str, list[Event]]:
        """Actor id -> its events in date order, found in one pass."""
        out: dict[str, list[Event]] = defaultdict(list)
        for e in self.ds.events_in_order():
            for actor_id in dict.fromkeys(e.actors):
                out[actor_id].append(e)
        return out

    def actor(self, actor_id: str, page: PageContext) -> str:
        actor = self.ds.actor_by_id[actor_id]
        notes: list[str] = []
        page.linked.add(actor.id)
        parts = [f"# {escape.text(actor.name)}", ""]
        meta = [KIND_LABELS[actor.kind]]
        if actor.aliases:
            meta.append("also: " + ", ".join(escape.text(a) for a in actor.aliases))
        if actor.wikidata:
            wd = escape.href(f"https://www.wikidata.org/wiki/{actor.wikidata}")
            meta.append(f'<a href="{wd}" rel="noopener noreferrer">Wikidata</a>')
        parts += ['<p class="ex-meta">' + " · ".join(meta) + "</p>", ""]
        if actor.claims:
            parts += ["## Profile", ""]
            parts.append(self.claim_list(self.refs("actors", actor.id, actor.claims), page, notes))
            parts.append("")
        if actor.relations:
            parts += ["## Relations", ""]
            for rel in actor.relations:
                other = self.ds.actor_by_id.get(rel.actor)
                if other is None:
                    continue
                parts.append(
                    f"- {escape.text(rel.type)}: "
                    f"[{escape.text(other.name)}]({link(page.path, actor_page(other.id))})"
                    + self.markers(rel.cite, page, notes)
                )
            parts.append("")
        events = self.events_of(actor)
        parts += ["## Events", ""]
        if events:
            for e in events:
                parts.append(
                    f"- {human_date(e.date)}: "
                    f"[{escape.text(e.title)}]({self.event_link(page, e.id)})"
                )
        else:
            parts.append("No timeline events list this actor.")
        parts.append("")
        mentions = self.mentions_of(actor)
        if mentions:
            parts += ["## Mentioned in", ""]
            # one line per record (an event, a fact check...), linking to its first such claim
            firsts: dict[tuple[str, str], ClaimRef] = {}
            for ref in mentions:
                firsts.setdefault((ref.collection, ref.owner.id), ref)
            for ref in firsts.values():
                target = link(page.path, self.claim_home(ref), claim_anchor(ref))
                parts.append(f"- [{escape.text(self.owner_title(ref))}]({target})")
            parts.append("")
        return _with_notes(parts, notes, page)

    @cached_property
    def _mentions(self) -> dict[str, list[ClaimRef]]:
        """Actor id -> the claims that name it, found in one pass over all claims."""
        out: dict[str, list[ClaimRef]] = defaultdict(list)
        for ref in self.ds.claims():
            for actor in self.ds.actor_names.named_in(ref.claim.text):
                out[actor.id].append(ref)
        return out

    def mentions_of(self, actor: Actor) -> list[ClaimRef]:
        """Claims outside this actor's own page and events that name it."""
        own_events = {e.id for e in self.events_of(actor)}
        return [
            ref
            for ref in self._mentions.get(actor.id, [])
            if not (ref.collection == "actors" and ref.owner.id == actor.id)
            and not (ref.collection == "events" and ref.owner.id in own_events)
        ]

    def owner_title(self, ref: ClaimRef) -> str:
        owner = ref.owner
        if isinstance(owner, Event):
            return f"{human_date(owner.date)}: {owner.title}"
        if isinstance(owner, Actor):
            return owner.name
        if isinstance(owner, Topic):
            return owner.title
        if isinstance(owner, FactCheck):
            return f"Fact check: {owner.statement}"
        if isinstance(owner, Brief):
            return f"In brief: {owner.title}"
        if isinstance(owner, Figure):
            event = self.ds.event_by_id.get(owner.event)
            return f"Key figures: {event.title if event else owner.id}"
        if isinstance(owner, Question):
            return owner.question
        return owner.id

    @cached_property
    def _citing(self) -> dict[str, list[ClaimRef]]:
        """Source id -> the claims that cite it."""
        citing: dict[str, list[ClaimRef]] = defaultdict(list)
        for ref in self.ds.claims():
            for sid in dict.fromkeys(c.source for c in ref.claim.cite):
                citing[sid].append(ref)
        return citing

    def sources(self, page: PageContext) -> str:
        """Every source with the claims that cite it; when there are too many for one
        page, the parts they are listed in, by publication date."""
        if self.source_parts:
            links = "\n".join(
                f"- [{escape.text(p.title)}]({link(page.path, p.path)}) "
                f'<span class="ex-count">{len(p.items)} sources</span>'
                for p in self.source_parts
            )
            return f"Sources are listed by the date they were published:\n\n{links}\n"
        return self.source_entries(self.ds.sources, page)

    def source_part(self, key: str, page: PageContext) -> str:
        part = _part(self.source_parts, key)
        head = [f"# Sources: {escape.text(part.title)}", ""]
        head += [_part_nav(self.source_parts, part, page, SOURCES, "All sources"), ""]
        return "\n".join(head) + "\n" + self.source_entries(part.items, page)

    def source_entries(self, sources: Iterable[Source], page: PageContext) -> str:
        citing = self._citing
        parts = []
        for src in sorted(sources, key=lambda x: (x.publisher.casefold(), x.published)):
            parts.append(f"### {escape.text(src.title)} {{#{src.id}}}")
            parts.append("")
            meta = [escape.text(src.publisher)]
            if src.via:
                meta.append(f"via {escape.text(src.via)}")
            if src.author:
                meta.append(escape.text(src.author))
            meta += [human_date(src.published), src.kind]
            parts.append('<p class="ex-meta">' + " · ".join(meta) + "</p>")
            parts.append("")
            parts.append(
                f'<a class="ex-source" href="{escape.href(src.url)}" '
                f'rel="noopener noreferrer">Read the source</a> · {archive_link(src)}'
            )
            parts.append("")
            refs = citing.get(src.id, [])
            parts.append(f"Cited by {len(refs)} claim{'s' if len(refs) != 1 else ''}:")
            parts.append("")
            for ref in refs:
                target = link(page.path, self.claim_home(ref), claim_anchor(ref))
                parts.append(f"- [{escape.text(ref.claim.text)}]({target})")
            parts.append("")
        return "\n".join(parts)

    def topic(self, topic_id: str, page: PageContext, level: int = 2) -> str:
        topic = next(t for t in self.ds.topics if t.id == topic_id)
        notes: list[str] = []
        parts = [f"{'#' * level} {escape.text(topic.title)} {{#{topic.id}}}", ""]
        parts.append(self.claim_list(self.refs("topics", topic.id, topic.claims), page, notes))
        return _with_notes(parts, notes, page)

    def topics(self, page: PageContext) -> str:
        return "\n\n".join(self.topic(t.id, page) for t in self.ds.topics)

    def factchecks(self, page: PageContext) -> str:
        notes: list[str] = []
        parts = []
        for fc in self.ds.factchecks:
            verdict = VERDICT_LABELS[fc.verdict]
            parts.append(f"### “{escape.text(fc.statement)}” {{#{fc.id}}}")
            parts.append("")
            origin = escape.text(fc.origin)
            src = self.ds.source_by_id.get(fc.source) if fc.source else None
            if src is not None:
                url = escape.href(src.url + escape.text_fragment(fc.statement))
                origin = (
                    f'<a href="{url}" rel="noopener noreferrer">{origin}</a>, '
                    f"{human_date(src.published)}"
                )
            parts.append(
                f'<p class="ex-meta"><span class="ex-verdict ex-verdict-{fc.verdict}">'
                f"{verdict}</span> · {origin}</p>"
            )
            parts.append("")
            parts.append(self.claim_list(self.refs("factchecks", fc.id, fc.claims), page, notes))
            parts.append("")
            parts.append(self.claimreview_jsonld(fc))
            parts.append("")
        return _with_notes(parts, notes, page)

    def claimreview_jsonld(self, fc: FactCheck) -> str:
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": fc.statement,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": VERDICT_SCORES[fc.verdict],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": VERDICT_LABELS[fc.verdict],
            },
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "name": fc.origin},
            },
        }
        if self.site_name:
            data["author"] = {"@type": "Organization", "name": self.site_name}
        if self.site_url:
            data["url"] = f"{self.site_url}{page_url(FACTCHECK)}#{fc.id}"
        src = self.ds.source_by_id.get(fc.source) if fc.source else None
        if src is not None:
            data["itemReviewed"] = {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "url": src.url, "name": src.title},
                "datePublished": src.published.isoformat(),
            }
        return f'<script type="application/ld+json">{escape.json_for_script(data)}</script>'


def _part(parts: list[Part], key: str) -> Part:
    return next(p for p in parts if p.key == key)


def _part_nav(parts: list[Part], part: Part, page: PageContext, home: str, label: str) -> str:
    """Links to the overview and to the previous and next parts."""
    index = parts.index(part)
    nav = [f"[{label}]({link(page.path, home)})"]
    if index > 0:
        prev = parts[index - 1]
        nav.append(f"Previous: [{escape.text(prev.title)}]({link(page.path, prev.path)})")
    if index + 1 < len(parts):
        nxt = parts[index + 1]
        nav.append(f"Next: [{escape.text(nxt.title)}]({link(page.path, nxt.path)})")
    return " · ".join(nav)


def _by_year(events: Iterable[Event]) -> dict[int, dict[dt.date, list[Event]]]:
    by_year: dict[int, dict[dt.date, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for event in events:
        by_year[event.date.year][event.date].append(event)
    return by_year


def _by_day(events: Iterable[Event]) -> dict[dt.date, list[Event]]:
    by_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        by_day[event.date].append(event)
    return by_day


def _jump_sections(secs: list[Section]) -> list[str]:
    """A line of links to each stretch of a focused timeline."""
    if len(secs) < 2:
        return []
    links = " · ".join(f"[{escape.text(s.label)}](#{s.id})" for s in secs)
    return [f"Jump to: {links}", "{: .ex-jump }", ""]


def _section_start(sec: Section) -> list[str]:
    """A stretch's heading; a folded stretch also opens its fold. The fold is written open
    so that a reader without the script sees every event; the script closes it."""
    lines = [f"## {escape.text(sec.title)} {{#{sec.id}}}", ""]
    if sec.folded:
        first, last = sec.events[0].date, sec.events[-1].date
        n = len(sec.events)
        lines += [
            '<details class="ex-period" open markdown>',
            f"<summary>{n} event{'s' if n != 1 else ''}, "
            f"{human_date(first)} to {human_date(last)}</summary>",
            "",
        ]
    return lines


def _section_end(sec: Section) -> list[str]:
    return ["", "</details>", ""] if sec.folded else [""]


def _jump(by_year: dict[int, dict[dt.date, list[Event]]]) -> list[str]:
    """A line of links to each year's heading."""
    if not by_year:
        return []
    return ["Jump to: " + " · ".join(f"[{year}](#{year})" for year in by_year), "{: .ex-jump }", ""]


def _with_notes(parts: list[str], notes: list[str], page: PageContext, folded: bool = False) -> str:
    """The content, then its evidence list (numbered on from the page's earlier lists).
    A page that leads to other content below the list (the home page) keeps it folded."""
    if not notes:
        return "\n".join(parts) + "\n"
    first = page.notes - len(notes) + 1
    opened = " open" if len(notes) <= EVIDENCE_OPEN_LIMIT and not folded else ""
    passages = f"{len(notes)} quoted passage{'s' if len(notes) != 1 else ''}"
    return (
        "\n".join(parts)
        # data-search-exclude: the quotes are the sources' words and nine tenths of a
        # page's text; search finds the claims (our words) and each source's entry instead
        + f'\n\n<div data-search-exclude><details class="ex-evidence"{opened}>'
        + f"<summary>Evidence: {passages}</summary>"
        + f'<ol start="{first}">'
        + "".join(notes)
        + "</ol></details></div>\n"
    )
