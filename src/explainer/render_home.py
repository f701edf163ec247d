"""The reader's way in: the home page's brief, key figures and day strip, and the
questions page. Claims render exactly as everywhere else (Renderer.claim: actor links,
evidence markers, badges); this module only arranges them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import escape
from .model import ClaimRef, Event
from .parts import TIMELINE, page_url
from .render import QUESTIONS, PageContext, Renderer, _with_notes, actor_page, human_date, link

LINKS = "{: .ex-answer-links }"


class HomeRenderer:
    def __init__(self, base: Renderer) -> None:
        self.base = base
        self.ds = base.ds

    def paragraph(self, refs: list[ClaimRef], page: PageContext, notes: list[str]) -> str:
        """Claims read as one paragraph, each sentence with its own markers."""
        return " ".join(self.base.claim(ref, page, notes) for ref in refs)

    # --- home page -------------------------------------------------------------

    def brief(self, page: PageContext) -> str:
        """The whole story in a few claims, one short paragraph per part."""
        notes: list[str] = []
        parts: list[str] = []
        for part in self.ds.brief:
            parts += [f"### {escape.text(part.title)} {{#brief-{part.id}}}", ""]
            refs = self.base.refs("brief", part.id, part.claims)
            parts += [self.paragraph(refs, page, notes), ""]
        return _with_notes(parts, notes, page, folded=True)

    def key_figures(self, page: PageContext) -> str:
        """Per strike, each account of the toll with who gave it: one card per strike."""
        notes: list[str] = []
        parts = ['<div class="ex-figures" markdown>', ""]
        for fig in self.ds.figures:
            event = self.ds.event_by_id.get(fig.event)
            if event is None:  # the checker (E032) stops the build first
                continue
            parts += [
                f'<div class="ex-figure" id="figure-{fig.id}" markdown>',
                "",
                f'<p class="ex-figure-date">{human_date(event.date)}</p>',
                "",
                f"[{escape.text(event.title)}]({self.base.event_link(page, event.id)})",
                "{: .ex-figure-title }",
                "",
                "\n".join(
                    f"- {self.figure_claim(ref, page, notes)}"
                    for ref in self.base.refs("figures", fig.id, fig.claims)
                ),
                "",
                "</div>",
                "",
            ]
        parts.append("</div>")
        return _with_notes(parts, notes, page, folded=True)

    def figure_claim(self, ref: ClaimRef, page: PageContext, notes: list[str]) -> str:
        """A figure's claim, with who gave the figure (the text before its first colon,
        as figures.yaml writes them) in bold, so a reader scans the accounts by source."""
        out = self.base.claim(ref, page, notes)
        start = out.index("</a>") + len("</a>")  # after the claim's anchor
        who, colon, rest = out[start:].partition(": ")
        if not colon or "<" in who:  # no colon before the markers: leave it as it is
            return out
        return f'{out[:start]}<strong class="ex-figure-who">{who}</strong>: {rest}'

    def day_strip(self, page: PageContext) -> str:
        """One cell per day from the first to the last day of days.yaml: the lead event's
        title (shown on the timeline with its claims) linking to it, or a plain cell."""
        by_day: dict[dt.date, list[Event]] = defaultdict(list)
        for e in self.ds.events_in_order():
            by_day[e.date].append(e)
        leads: dict[dt.date, Event] = {}
        for d in self.ds.days:
            event = self.ds.event_by_id.get(d.event)
            if event is not None:
                leads.setdefault(event.date, event)
        if not leads:
            return ""
        first, last = min(leads), max(leads)
        cells = []
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            events = by_day.get(day, [])
            date = (
                f'<time class="ex-day-date" datetime="{day.isoformat()}">'
                f"{day:%a} {day.day} {day:%b}</time>"
            )
            if not events:
                cells.append(
                    f'<li class="ex-day ex-day-empty">{date} '
                    '<span class="ex-day-label">No events recorded</span></li>'
                )
                continue
            lead = leads.get(day, events[0])
            more = len(events) - 1
            extra = (
                f' <span class="ex-day-more">and {more} more event{"s" if more != 1 else ""}</span>'
                if more
                else ""
            )
            href = escape.attr(self._href(page, lead.id))
            cells.append(
                f'<li class="ex-day"><a class="ex-day-link" href="{href}">{date} '
                f'<span class="ex-day-label">{escape.text(lead.title)}</span>{extra}</a></li>'
            )
        return (
            '<ol class="ex-days" aria-label="The crisis day by day">' + "".join(cells) + "</ol>\n"
        )

    def _href(self, page: PageContext, event_id: str) -> str:
        """The built URL of an event's anchor, relative to the page: raw HTML links are
        not rewritten by MkDocs, so they point at the page's directory URL."""
        target = self.base.event_page.get(event_id, TIMELINE)
        here = (
            page.path.removesuffix("index.md")
            if page.path.endswith("index.md")
            else (page_url(page.path))
        )
        return "../" * here.count("/") + page_url(target) + f"#{event_id}"

    # --- questions page ----------------------------------------------------------

    def questions(self, page: PageContext) -> str:
        """Every question with its answer, links to its events and actors, and the same
        answers as FAQPage data for search engines."""
        notes: list[str] = []
        parts: list[str] = []
        for q in self.ds.questions:
            parts += [f"## {escape.text(q.question)} {{#{q.id}}}", ""]
            refs = self.base.refs("questions", q.id, q.claims)
            parts += [
                f'<div class="ex-answer" data-question="{escape.attr(q.id)}" markdown>',
                "",
                self.paragraph(refs, page, notes),
                "",
                "</div>",
                "",
            ]
            events = [self.ds.event_by_id[e] for e in q.events if e in self.ds.event_by_id]
            if events:
                links = ", ".join(
                    f"[{escape.text(e.title)}]({self.base.event_link(page, e.id)})" for e in events
                )
                parts += [f'<span class="ex-label">On the timeline:</span> {links}', LINKS, ""]
            actors = [self.ds.actor_by_id[a] for a in q.actors if a in self.ds.actor_by_id]
            if actors:
                links = ", ".join(
                    f"[{escape.text(a.name)}]({link(page.path, actor_page(a.id))})" for a in actors
                )
                parts += [f'<span class="ex-label">Actors:</span> {links}', LINKS, ""]
        parts.append(self.faq_jsonld())
        return _with_notes(parts, notes, page)

    def faq_jsonld(self) -> str:
        """schema.org FAQPage: each answer is its claims' text, as the page shows it."""
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": q.question,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": " ".join(c.text for c in q.claims),
                    },
                }
                for q in self.ds.questions
            ],
        }
        if self.base.site_url:
            data["url"] = f"{self.base.site_url}{page_url(QUESTIONS)}"
        return f'<script type="application/ld+json">{escape.json_for_script(data)}</script>'
