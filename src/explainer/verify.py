"""`explainer verify --online`: are the cited pages still there, and do they still say
what the claims quote?

For every source: fetch its URL; on failure fetch its web archive copy instead. Each
quote citing the source is looked for in the page's main text, then in all of the
page's text, with the checker's own normalisation (textnorm). The result lists dead
links, moved pages and quotes no longer found, as Markdown for people and JSON for
tools. URL prefixes can be rebased so tests (or a mirror) answer instead of the web.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from . import wayback
from .check import statement_cites
from .extract import NotText, main_text, page_text
from .httpfetch import Fetcher, FetchError, Response
from .model import Cite, Dataset, Source
from .textnorm import NormalizedCapture, normalize_capture
from .wayback import ArchiveError, Keys, Snapshot


@dataclass(frozen=True)
class Rebase:
    """Prefix rewrites applied to every URL before it is fetched."""

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, specs: Iterable[str]) -> Rebase:
        pairs = []
        for spec in specs:
            prefix, sep, replacement = spec.partition("=")
            if not sep or not prefix or not replacement:
                raise ValueError(f"--rebase {spec!r}: expected PREFIX=REPLACEMENT")
            pairs.append((prefix, replacement))
        return cls(tuple(pairs))

    def to_fetch(self, url: str) -> str:
        for prefix, replacement in self.pairs:
            if url.startswith(prefix):
                return replacement + url[len(prefix) :]
        return url

    def to_report(self, url: str) -> str:
        """A fetched URL as it would read without the rebase, for the report."""
        for prefix, replacement in self.pairs:
            if url.startswith(replacement):
                return prefix + url[len(replacement) :]
        return url


@dataclass(frozen=True)
class QuoteResult:
    quote: str
    where: str  # path:line:col of the quote in the data
    found: bool
    in_archive: bool | None = None  # when not found live: is it in the archived copy?


# What is known of a source's archived copy after a run, from best to worst.
RECORDED = "recorded"  # data/sources.yaml already names a snapshot: not asked again
FOUND = "found"  # the archive has one, found (or made) in this run
REQUESTED = "requested"  # a capture was asked for and is not ready yet
NONE = "none"  # the archive has none, and none was asked for
ERROR = "error"  # the archive could not be asked, or answered nonsense
SKIPPED = "skipped"  # --no-archive


@dataclass(frozen=True)
class ArchiveResult:
    state: str
    snapshot: str | None = None  # the snapshot URL, for RECORDED and FOUND
    taken: str | None = None  # its capture time, ISO 8601 UTC
    detail: str | None = None  # why NONE or ERROR, or the job id of a request

    @classmethod
    def of(cls, state: str, snap: Snapshot) -> ArchiveResult:
        return cls(state, snap.url, snap.taken.isoformat() + "Z")

    @property
    def archived(self) -> bool:
        return self.state in (RECORDED, FOUND)


@dataclass(frozen=True)
class SourceResult:
    id: str
    url: str
    archive_url: str
    checked_against: str | None  # "live", "archive" or None (nothing could be read)
    http_status: int | None = None
    error: str | None = None  # why the live page could not be used
    final_url: str | None = None  # when the live page redirected elsewhere
    redirects: tuple[tuple[int, str], ...] = ()
    archive_error: str | None = None
    unreadable: str | None = None  # a content type that has no text to search (PDF...)
    quotes: tuple[QuoteResult, ...] = ()
    archive: ArchiveResult = ArchiveResult(SKIPPED)

    @property
    def dead(self) -> bool:
        return self.error is not None

    @property
    def moved(self) -> bool:
        return self.final_url is not None

    @property
    def missing(self) -> list[QuoteResult]:
        return [q for q in self.quotes if not q.found]

    @property
    def needs_attention(self) -> bool:
        return self.dead or self.moved or bool(self.missing)


@dataclass(frozen=True)
class Report:
    checked: str  # ISO date
    user_agent: str
    sources: tuple[SourceResult, ...]

    @property
    def needs_attention(self) -> bool:
        return any(s.needs_attention for s in self.sources)

    def summary(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "quotes": sum(len(s.quotes) for s in self.sources),
            "dead_links": sum(s.dead for s in self.sources),
            "rescued_by_archive": sum(
                s.dead and s.checked_against == "archive" for s in self.sources
            ),
            "moved": sum(s.moved for s in self.sources),
            "quotes_not_found": sum(len(s.missing) for s in self.sources),
            "not_checked": sum(s.checked_against is None for s in self.sources),
            "archived": sum(s.archive.archived for s in self.sources),
            "archived_now": sum(s.archive.state == FOUND for s in self.sources),
            "archive_requested": sum(s.archive.state == REQUESTED for s in self.sources),
            "unarchived": sum(s.archive.state in (NONE, REQUESTED) for s in self.sources),
            "archive_errors": sum(s.archive.state == ERROR for s in self.sources),
        }

    def found_snapshots(self) -> dict[str, str]:
        """Snapshots found in this run, by source id: what `--record-archives` writes."""
        return {
            s.id: s.archive.snapshot
            for s in self.sources
            if s.archive.state == FOUND and s.archive.snapshot
        }

    def to_json(self) -> str:
        sources = []
        for s in self.sources:
            d = asdict(s)
            d["redirects"] = [{"status": c, "to": u} for c, u in s.redirects]
            d.update(dead=s.dead, moved=s.moved, needs_attention=s.needs_attention)
            sources.append(d)
        doc = {
            "checked": self.checked,
            "user_agent": self.user_agent,
            "needs_attention": self.needs_attention,
            "summary": self.summary(),
            "sources": sources,
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

    def to_markdown(self) -> str:
        return render_markdown(self)


def quotes_by_source(ds: Dataset) -> dict[str, list[Cite]]:
    """Every quote of every source, in data order, each quote once per source."""
    out: dict[str, list[Cite]] = {}
    seen: set[tuple[str, str]] = set()
    for cite in [*ds.cites(), *statement_cites(ds)]:
        key = (cite.source, cite.quote)
        if key not in seen:
            seen.add(key)
            out.setdefault(cite.source, []).append(cite)
    return out


def _where(cite: Cite) -> str:
    return str(cite.at.get("quote") or cite.loc)


class _Texts:
    """A page's main text and, only when needed, all of its text, normalised."""

    def __init__(self, resp: Response) -> None:
        self.resp = resp
        self._main: NormalizedCapture | None = None
        self._all: NormalizedCapture | None = None

    def contains(self, quote: str) -> bool:
        if self._main is None:
            self._main = normalize_capture(((main_text(self.resp) or ""),))
        if self._main.contains(quote):
            return True
        if self._all is None:
            self._all = normalize_capture((page_text(self.resp),))
        return self._all.contains(quote)


@dataclass
class Verifier:
    fetcher: Fetcher
    rebase: Rebase = field(default_factory=Rebase)
    use_archive: bool = True
    delay: float = 1.0  # seconds between requests, to be gentle with publishers
    sleep: Callable[[float], None] | None = None
    keys: Keys | None = None  # Save Page Now credentials; without them nothing is requested
    request_archives: bool = False  # ask Save Page Now for sources the archive lacks
    archive_wait: float = 0.0  # seconds to wait for requested captures to appear
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _requests: int = field(default=0, init=False, repr=False)

    def _pace(self) -> None:
        if self._requests and self.delay > 0:
            self._sleep(self.delay)
        self._requests += 1

    def _sleep(self, seconds: float) -> None:
        (self.sleep or self.fetcher.sleep)(seconds)

    def _get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        self._pace()
        return self.fetcher.get(self.rebase.to_fetch(url), headers)

    # wayback.Http: the archive's API, paced and rebased like every other request
    get = _get

    def post(
        self, url: str, form: dict[str, str], headers: dict[str, str] | None = None
    ) -> Response:
        self._pace()
        return self.fetcher.post(self.rebase.to_fetch(url), form, headers)

    def _archive(self, src: Source, snapshot: str | None) -> tuple[_Texts | None, str | None]:
        if not self.use_archive:
            return None, "archive not consulted (--no-archive)"
        try:
            return _Texts(self._get(snapshot or src.archive_url)), None
        except FetchError as exc:
            return None, exc.reason

    def snapshot(self, src: Source) -> ArchiveResult:
        """What the archive holds for src: the recorded snapshot, or the closest one to
        its publication date."""
        if not self.use_archive:
            return ArchiveResult(SKIPPED)
        if src.archived:
            snap = wayback.parse_snapshot(src.archived)
            return (
                ArchiveResult.of(RECORDED, snap) if snap else ArchiveResult(RECORDED, src.archived)
            )
        try:
            snap = wayback.closest(self, src.url, src.published)
        except ArchiveError as exc:
            return ArchiveResult(ERROR, detail=str(exc))
        if snap is None:
            return ArchiveResult(NONE, detail="the archive has no snapshot")
        return ArchiveResult.of(FOUND, snap)

    def request(self, results: list[SourceResult]) -> list[SourceResult]:
        """Ask Save Page Now for each source without a snapshot, then wait up to
        archive_wait seconds for the captures to appear."""
        missing = [i for i, r in enumerate(results) if r.archive.state == NONE]
        if not (self.request_archives and missing):
            return results
        out = list(results)
        if self.keys is None:
            for i in missing:
                out[i] = replace(
                    out[i],
                    archive=replace(
                        out[i].archive,
                        detail="not requested: Save Page Now needs ARCHIVE_ACCESS_KEY and "
                        "ARCHIVE_SECRET_KEY",
                    ),
                )
            return out
        jobs: dict[int, str] = {}
        for i in missing:
            try:
                jobs[i] = wayback.request_capture(self, self.keys, out[i].url)
            except ArchiveError as exc:
                out[i] = replace(out[i], archive=ArchiveResult(ERROR, detail=str(exc)))
                continue
            out[i] = replace(out[i], archive=ArchiveResult(REQUESTED, detail=f"job {jobs[i]}"))
        deadline = self.clock() + self.archive_wait
        while jobs and self.clock() < deadline:
            self._sleep(min(10.0, max(0.0, deadline - self.clock())))
            for i, job in list(jobs.items()):
                try:
                    snap = wayback.capture_status(self, self.keys, job)
                except ArchiveError as exc:
                    out[i] = replace(out[i], archive=ArchiveResult(ERROR, detail=str(exc)))
                    del jobs[i]
                    continue
                if snap is not None:
                    out[i] = replace(out[i], archive=ArchiveResult.of(FOUND, snap))
                    del jobs[i]
        return out

    def source(self, src: Source, cites: Sequence[Cite]) -> SourceResult:
        archive = self.snapshot(src)
        return replace(self._check(src, cites, archive.snapshot), archive=archive)

    def _check(self, src: Source, cites: Sequence[Cite], snapshot: str | None) -> SourceResult:
        base = SourceResult(src.id, src.url, snapshot or src.archive_url, None)
        try:
            live = self._get(src.url)
        except FetchError as exc:
            archived, archive_error = self._archive(src, snapshot)
            result = replace(base, http_status=exc.status, error=exc.reason)
            if archived is None:
                return replace(result, archive_error=archive_error)
            return self._search(replace(result, checked_against="archive"), archived, cites)
        final = self.rebase.to_report(live.final_url)
        result = replace(base, checked_against="live", http_status=live.status)
        if final != src.url:
            redirects = tuple((code, self.rebase.to_report(u)) for code, u in live.redirects)
            result = replace(result, final_url=final, redirects=redirects)
        result = self._search(result, _Texts(live), cites)
        if result.missing and result.unreadable is None:
            # tell "the page changed since" from "the quote was never on it"
            archived, archive_error = self._archive(src, snapshot)
            result = replace(result, archive_error=archive_error)
            if archived is not None:
                quotes = tuple(
                    q if q.found else replace(q, in_archive=_safe_contains(archived, q.quote))
                    for q in result.quotes
                )
                result = replace(result, quotes=quotes)
        return result

    def _search(self, result: SourceResult, texts: _Texts, cites: Sequence[Cite]) -> SourceResult:
        try:
            quotes = tuple(QuoteResult(c.quote, _where(c), texts.contains(c.quote)) for c in cites)
        except NotText as exc:
            return replace(result, unreadable=str(exc), checked_against=None)
        return replace(result, quotes=quotes)


def _safe_contains(texts: _Texts, quote: str) -> bool | None:
    try:
        return texts.contains(quote)
    except NotText:
        return None


def verify(
    ds: Dataset,
    verifier: Verifier,
    *,
    only: Iterable[str] = (),
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    wanted = set(only)
    quotes = quotes_by_source(ds)
    results = []
    for src in ds.sources:
        if wanted and src.id not in wanted:
            continue
        if progress:
            progress(src.id)
        results.append(verifier.source(src, quotes.get(src.id, [])))
    results = verifier.request(results)
    return Report(
        (today or dt.date.today()).isoformat(), verifier.fetcher.user_agent, tuple(results)
    )


# --- Markdown ------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str) -> str:
    """Data text made inert in Markdown (and no @mentions when posted as an issue)."""
    return " ".join(text.split()).translate(_MD_SPECIAL).replace("@", "@\u200b")


def _link(url: str) -> str:
    return f"<{url}>" if " " not in url and ">" not in url else md(url)


_RULE4 = "| --- | --- | --- | --- |"


def render_markdown(report: Report) -> str:
    s = report.summary()
    out = [
        f"# Source check of {report.checked}",
        "",
        f"{s['sources']} sources and {s['quotes']} quotes checked against the live pages "
        f"(the web archive where a page failed): {s['dead_links']} dead link(s), "
        f"{s['moved']} moved page(s), {s['quotes_not_found']} quote(s) no longer found, "
        f"{s['not_checked']} source(s) that could not be checked.",
        "",
    ]
    if any(r.archive.state != SKIPPED for r in report.sources):
        out += [
            f"Archived copies: {s['archived']} source(s) have a snapshot "
            f"({s['archived_now']} found or made in this run), {s['archive_requested']} "
            f"requested and not ready yet, {s['unarchived'] - s['archive_requested']} with "
            f"none, {s['archive_errors']} that the archive could not answer for.",
            "",
        ]
    if not report.needs_attention:
        out += ["Nothing needs attention.", ""]
    dead = [r for r in report.sources if r.dead]
    if dead:
        out += ["## Dead links", "", "| Source | URL | Problem | Archived copy |", _RULE4]
        for r in dead:
            archive = (
                "used instead"
                if r.checked_against == "archive"
                else f"failed too: {md(r.archive_error or 'not found')}"
            )
            out.append(f"| `{r.id}` | {_link(r.url)} | {md(r.error or '')} | {archive} |")
        out.append("")
    moved = [r for r in report.sources if r.moved]
    if moved:
        out += ["## Moved pages", "", "| Source | Cited URL | Now at | Redirects |", _RULE4]
        for r in moved:
            hops = ", ".join(str(code) for code, _ in r.redirects) or "-"
            out.append(f"| `{r.id}` | {_link(r.url)} | {_link(r.final_url or '')} | {hops} |")
        out += ["", "Update `url` in data/sources.yaml if the page moved for good (301, 308).", ""]
    missing = [r for r in report.sources if r.missing]
    if missing:
        out += ["## Quotes no longer found", ""]
        for r in missing:
            against = "the archived copy" if r.checked_against == "archive" else "the live page"
            out += [f"### `{r.id}` ({against})", ""]
            for q in r.missing:
                note = {
                    True: " - still in the archived copy: the page changed",
                    False: " - not in the archived copy either",
                    None: "",
                }[q.in_archive]
                out.append(f"- `{q.where}`: \u201c{md(q.quote)}\u201d{note}")
            out.append("")
    found = [r for r in report.sources if r.archive.state == FOUND]
    if found:
        out += ["## Snapshots found", "", "| Source | Snapshot | Taken |", "| --- | --- | --- |"]
        for r in found:
            out.append(f"| `{r.id}` | {_link(r.archive.snapshot or '')} | {r.archive.taken} |")
        out += [
            "",
            "`explainer verify --online --record-archives` records these as `archived:` in "
            "data/sources.yaml.",
            "",
        ]
    waiting = [r for r in report.sources if r.archive.state in (NONE, REQUESTED, ERROR)]
    if waiting:
        out += ["## Not archived yet", "", "| Source | URL | State |", "| --- | --- | --- |"]
        for r in waiting:
            state = r.archive.state + (f": {r.archive.detail}" if r.archive.detail else "")
            out.append(f"| `{r.id}` | {_link(r.url)} | {md(state)} |")
        out.append("")
    unchecked = [r for r in report.sources if r.checked_against is None]
    if unchecked:
        out += ["## Not checked", ""]
        for r in unchecked:
            why = (
                f"{r.unreadable} has no text to search" if r.unreadable else "no copy was readable"
            )
            out.append(f"- `{r.id}`: {md(why)}; check {_link(r.url)} by hand")
        out.append("")
    return "\n".join(out)
