"""E041: every proper name in a claim is vouched for by the claim's own evidence.

A name (place, person, organisation, publication) must be in a quote, in a cited
source's title, publisher, via or author, or be a name or alias of an actor those
mention. Not names: the first word of a sentence when it is a common word ("The", "After"),
months, weekdays, titles such as "Mr" and languages ("in English"); a nationality
("Italian") counts as its country, and a name spelt out is vouched by its initials
("Foreign Terrorist Organization" by "FTO").
"""

from collections.abc import Iterator

from ..claimwords import Pool, Word, words
from ..model import ClaimRef
from ..problems import Problem
from ..speakers import CALENDAR, FUNCTION
from ..vocabulary import wordset
from .base import Context, Rule, at

TITLES = wordset("mr mrs ms dr sr jr st prof gen lt col maj capt")
LANGUAGES = wordset("english arabic persian farsi urdu pashto dari hindi french spanish german")
# Small words inside a name spelt out: the "of" of "Joint Comprehensive Plan of Action".
_INSIDE_NAMES = wordset("of and for the on")


def _suffixed(text: str, ws: tuple[Word, ...], w: Word, pool: Pool) -> bool:
    """The letter after an acronym's hyphen ("MQM-P"), vouched with the acronym."""
    if len(w.text) != 1 or w.start < 2 or text[w.start - 1] != "-":
        return False
    before = [x for x in ws if x.end == w.start - 1]
    return bool(before) and pool.vouches(before[0].text + w.text)


def _spelt_out(text: str, ws: tuple[Word, ...], pool: Pool) -> set[int]:
    """Positions of the words in runs of capitalised words whose initials the evidence
    has as a word: "Foreign Terrorist Organization" where a quote says "FTO"."""
    out: set[int] = set()
    run: list[Word] = []
    for w in (*ws, None):
        if (
            w is not None
            and (w.capital or (run and w.folded in _INSIDE_NAMES))
            and (not run or text[run[-1].end : w.start] == " ")
        ):
            run.append(w)
            continue
        while run and not run[-1].capital:
            run.pop()
        if len(run) >= 2:
            every = "".join(x.folded[0] for x in run)
            capitals = "".join(x.folded[0] for x in run if x.capital)
            if every in pool or capitals in pool:
                out.update(x.start for x in run)
        run = [w] if w is not None and w.capital else []
    return out


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    if not claim.cite:
        return
    candidates = [
        w
        for w in words(claim.text)
        if w.capital
        and w.folded not in CALENDAR
        and w.folded not in TITLES
        and w.folded not in LANGUAGES
        and not (w.initial and w.folded in FUNCTION)
    ]
    if not candidates:
        return
    pool = ctx.evidence_of(claim).all_words
    common = ctx.capture_words.is_common
    missing = [
        w for w in candidates if not pool.vouches(w.text) and not (w.initial and common(w.text))
    ]
    if missing:
        ws = words(claim.text)
        spelt = _spelt_out(claim.text, ws, pool)
        missing = [
            w for w in missing if w.start not in spelt and not _suffixed(claim.text, ws, w, pool)
        ]
    if missing:
        names = ", ".join(f'"{m}"' for m in dict.fromkeys(w.text for w in missing))
        yield Problem(
            at(claim, "text"),
            "E041",
            f"claim names {names} but no quote, cited source (title, publisher, via, "
            "author) or actor they mention does; quote the passage that names it, or "
            "leave the name out",
        )


RULE = Rule(
    "E041",
    "name-not-in-quote",
    "A proper name in a claim that no quote, cited source record or actor alias vouches for.",
    "claim",
    check,
    cross_file=True,
)
