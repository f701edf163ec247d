"""E042: captures hold whole words and each paragraph once; quotes start and end on words.

A passage cut inside a word ("a senior gover") reads as if the source said something
else, and a paragraph pasted twice makes a quote look better supported than it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Capture, Cite
from ..problems import Loc, Problem
from ..textnorm import find_part, normalize, quote_parts
from .base import Context, Rule, at

# Shorter repeated lines are headings, bylines and datelines, which captures may repeat.
MIN_REPEATED = 80


def _paragraphs(cap: Capture) -> Iterator[tuple[int, str]]:
    """Each paragraph (text between blank lines) of each passage, with its first line."""
    for passage, (first, _) in zip(cap.passages, cap.spans, strict=False):
        line = first
        block: list[str] = []
        start = first
        for row in [*passage.split("\n"), ""]:
            if row.strip():
                if not block:
                    start = line
                block.append(row)
            elif block:
                yield start, " ".join(block)
                block = []
            line += 1


def _repeats(cap: Capture) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for line, text in _paragraphs(cap):
        if len(text) < MIN_REPEATED:
            continue  # measured as written, its lines joined by spaces
        key = normalize(text)
        if key in seen:
            yield Problem(
                Loc(cap.path, line, 1),
                "E042",
                f"this paragraph repeats the one on line {seen[key]}; delete the repeat "
                "(each passage of the source once)",
            )
        else:
            seen[key] = line


def _cuts(ctx: Context, cap: Capture) -> Iterator[Problem]:
    for passage, (first, last) in zip(cap.passages, cap.spans, strict=False):
        head = ctx.capture_words.cut_start(passage)
        if head is not None:
            fragment, whole = head
            yield Problem(
                Loc(cap.path, first, 1),
                "E042",
                f'passage begins inside a word ("{fragment}", as in "{whole}"); start it at '
                "a word boundary, or mark the gap with a […] line",
            )
        # every line: a paragraph cut short inside a passage misleads as much
        for n, line in enumerate(passage.split("\n")):
            tail = ctx.capture_words.cut_end(line)
            if tail is None:
                continue
            fragment, whole = tail
            yield Problem(
                Loc(cap.path, first + n, max(1, len(line.rstrip()) - len(fragment) + 1)),
                "E042",
                f"{'passage' if first + n == last else 'line'} ends inside a word "
                f'("{fragment}", as in "{whole}"); trim it to the last whole word, or copy '
                "the rest of the word from the source",
            )


def _inside(hay: str, part: str) -> tuple[str, str] | None:
    """Where part occurs in hay only by starting or ending inside a word: ("begins" or
    "ends", the whole word of hay it cuts)."""
    if not part or find_part(hay, part) >= 0:
        return None
    i = hay.find(part)
    if i < 0:
        return None
    j = i + len(part)
    if i > 0 and part[0].isalnum() and hay[i - 1].isalnum():
        s = i
        while s > 0 and hay[s - 1].isalnum():
            s -= 1
        e = i
        while e < len(hay) and hay[e].isalnum():
            e += 1
        return "begins", hay[s:e]
    s = j - 1
    while s > 0 and hay[s - 1].isalnum():
        s -= 1
    e = j
    while e < len(hay) and hay[e].isalnum():
        e += 1
    return "ends", hay[s:e]


def check_quote(ctx: Context, cite: Cite) -> Iterator[Problem]:
    capture = ctx.capture(cite.source)
    if capture is None or cite.source not in ctx.ds.source_by_id:
        return
    if ctx.quote_found(cite):
        return  # every part is on word boundaries
    parts = quote_parts(cite.quote)
    if not parts:
        return
    for part, edge in ((parts[0], "begins"), (parts[-1], "ends")):
        for hay in capture.passages:
            found = _inside(hay, part)
            if found is not None and found[0] == edge:
                yield Problem(
                    at(cite, "quote"),
                    "E042",
                    f'quote {edge} inside the word "{found[1]}" of the capture; quote whole words',
                )
                break


def check(ctx: Context) -> Iterator[Problem]:
    for cap in ctx.ds.captures.values():
        yield from _cuts(ctx, cap)
        yield from _repeats(cap)
    for cite in ctx.cites:
        yield from check_quote(ctx, cite)


RULE = Rule(
    "E042",
    "passage-integrity",
    "A capture passage or quote cut inside a word, or a paragraph captured twice.",
    "dataset",
    check,
)
