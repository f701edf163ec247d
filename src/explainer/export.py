"""Machine-readable downloads of the dataset: JSON, CSV and an iCalendar feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable

from .model import Actor, Claim, Dataset, Event, Source
from .parts import event_pages, page_url, timeline_parts

DOWNLOADS = ("events.json", "actors.json", "sources.json", "claims.csv", "events.ics")


def _claim(ds: Dataset, claim: Claim) -> dict[str, object]:
    out: dict[str, object] = {
        "text": claim.text,
        "cite": [{"source": c.source, "quote": c.quote} for c in claim.cite],
        # independent publishers among the cited sources (wire copies count once)
        "publishers": ds.corroboration.of(claim),
    }
    if claim.id:
        out["id"] = claim.id
    if claim.contested:
        out["contested"] = True
    return out


def _event(ds: Dataset, e: Event) -> dict[str, object]:
    out: dict[str, object] = {
        "id": e.id,
        "date": e.date.isoformat(),
        "title": e.title,
        "actors": list(e.actors),
        "tags": list(e.tags),
        "related": list(e.related),
        "claims": [_claim(ds, c) for c in e.claims],
    }
    if e.place is not None:
        out["place"] = {"name": e.place.name, "lat": e.place.lat, "lon": e.place.lon}
    return out


def _actor(ds: Dataset, a: Actor) -> dict[str, object]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "wikidata": a.wikidata,
        "claims": [_claim(ds, c) for c in a.claims],
        "relations": [
            {
                "actor": r.actor,
                "type": r.type,
                "cite": [{"source": c.source, "quote": c.quote} for c in r.cite],
            }
            for r in a.relations
        ],
    }


def _source(s: Source) -> dict[str, object]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "via": s.via,
        "author": s.author,
        "published": s.published.isoformat(),
        "accessed": s.accessed.isoformat(),
        "url": s.url,
        "archived": s.archived,  # a recorded snapshot, or null: never a guess
        "kind": s.kind,
    }


def _json(rows: Iterable[dict[str, object]]) -> str:
    """A JSON array with one record per line: readable in a diff, and written by json's
    C encoder (indented output goes through its pure-Python one, many times slower)."""
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def claims_csv(ds: Dataset) -> str:
    """One row per citation, so every quote can be audited in a spreadsheet."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        ["claim", "collection", "owner", "text", "contested", "publishers", "source",
         "publisher", "published", "url", "quote"]
    )  # fmt: skip
    for ref in ds.claims():
        publishers = str(ds.corroboration.of(ref.claim))
        for cite in ref.claim.cite:
            src = ds.source_by_id.get(cite.source)
            writer.writerow(
                [
                    ref.key,
                    ref.collection,
                    ref.owner.id,
                    _cell(ref.claim.text),
                    "yes" if ref.claim.contested else "no",
                    publishers,
                    cite.source,
                    _cell(src.publisher) if src else "",
                    src.published.isoformat() if src else "",
                    src.url if src else "",
                    _cell(cite.quote),
                ]
            )
    return buf.getvalue()


def _cell(value: str) -> str:
    # a cell starting with = + - @ is a formula to a spreadsheet: keep it text
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue after CRLF and a space
    (which takes one octet of the next line's 75). A cut never splits a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    out, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off
            cut -= 1
        out.append(data[start:cut].decode("utf-8"))
        start, limit = cut, 74
    out.append(data[start:].decode("utf-8"))
    return "\r\n ".join(out)


def events_ics(ds: Dataset, site_url: str = "", name: str = "Explainer") -> str:
    """Every event as an all-day calendar entry linking back to the timeline."""
    stamp = max((s.accessed for s in ds.sources), default=dt.date(2000, 1, 1))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//explainer//timeline//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(name)}",
    ]
    base = site_url.rstrip("/") + "/" if site_url else ""
    homes = event_pages(ds, timeline_parts(ds))
    for e in ds.events_in_order():
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.id}@explainer",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{e.date + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(e.title)}",
            f"DESCRIPTION:{_ics_text(' '.join(c.text for c in e.claims))}",
        ]
        if e.place is not None:
            lines += [f"LOCATION:{_ics_text(e.place.name)}", f"GEO:{e.place.lat};{e.place.lon}"]
        if base:
            lines.append(f"URL:{base}{page_url(homes[e.id])}#{e.id}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def downloads(ds: Dataset, site_url: str = "", name: str = "Explainer") -> dict[str, str]:
    """File name -> content for every download."""
    return {
        "events.json": _json(_event(ds, e) for e in ds.events_in_order()),
        "actors.json": _json(_actor(ds, a) for a in ds.actors),
        "sources.json": _json(_source(s) for s in ds.sources),
        "claims.csv": claims_csv(ds),
        "events.ics": events_ics(ds, site_url, name),
    }
