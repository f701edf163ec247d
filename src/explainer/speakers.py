"""Who a claim says spoke: "according to X", "X said", "X's spokesperson said", "X told Y".

A speaker is the run of words just before the verb (or after "according to") that can
describe one: capitalised words, possessives, and the nouns of offices and outlets
("foreign ministry", "state media", "spokesperson"). Only a speaker with a name in it is
checked; "officials said", "the statement said", "state media reported" and "it said" name
no one, so they credit no one in particular.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .claimwords import Word, words
from .vocabulary import wordset

VERBS = wordset(
    """said says say told tells reported announced announces claimed stated warned warns
    added adds declared declares insisted alleged"""
)
# Between a speaker and its verb: "France has also said".
_BETWEEN = wordset(
    """has had have also later then further previously earlier again separately repeatedly
    publicly reportedly initially first subsequently officially once formally"""
)
# Before the verb these make it passive: "was told", "is said to".
_PASSIVE = wordset("was were is are be been being")
# Nouns of offices, outlets and roles that belong to a speaker's description.
ROLES = wordset(
    """foreign ministry ministries office offices spokesperson spokesman spokeswoman
    spokespersons spokespeople minister ministers state media television tv news agency
    army military police government embassy ambassador envoy president prime chief interior
    defence defense affairs department secretary general commander commissioner council
    mission officer officers presidency premier deputy broadcaster channel radio outlet
    newspaper daily wing forces guards corps leader leadership administration cabinet
    parliament lawmakers senator diplomat diplomats service services public relations
    security intelligence information press court judiciary party group militants rebels
    authority authorities official officials source sources residents witnesses people
    statement report reports sources analyst analysts expert experts observers"""
)
# Nouns that add nothing to who spoke once a name says it: "the Islamic State group",
# "the CRSS report", "Biden's statement".
GENERIC = wordset(
    """group groups report reports statement statements outlet official officials source
    sources people residents witnesses authorities militants rebels"""
)
# Words a description may hold that say nothing about who spoke.
MODIFIERS = wordset(
    "senior top local former then caretaker acting its their his her the a an of for s"
)
# Joining words inside a speaker: "the commissioner of Makran division".
_JOINERS = wordset("of for the al ul e el bin")
# After an office: "a senior government officer in Makran told".
_PLACE_PREPOSITIONS = wordset("in at from")
# Never a name, even with a capital: the first word of a sentence, a title.
FUNCTION = wordset(
    """the a an this that these those it its they their he his she her we our you i in on
    at by for from with without to of after before during following despite as since until
    while when where which who whom whose what how why if although though because but and or
    nor so yet both either neither each every all some many most several few no not other
    another such one two three there here however meanwhile later earlier also then under
    over between among amid against toward towards about into onto upon within across
    through throughout around near beyond unlike like instead separately according asked
    later still even only just"""
)
CALENDAR = wordset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday"""
)
# Before a speaker these make it the object of something else: "a readout of a call with
# France's foreign minister said" is the readout speaking, not the minister.
_PREPOSITIONS = wordset(
    """of with to from by for about on at in into between among against toward towards
    under over near after before during"""
)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "spokesperson": ("spokesman", "spokeswoman", "spokespersons", "spokespeople"),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "television": ("tv",),
    "tv": ("television",),
    "defence": ("defense",),
    "defense": ("defence",),
}


@dataclass(frozen=True)
class Speaker:
    phrase: str  # as written in the claim
    words: tuple[Word, ...]  # the names and roles in it
    verb: str  # "said", "according to", "told"
    addressee: bool = False  # the one spoken to ("told Dawn"), not the one speaking

    @property
    def named(self) -> bool:
        """Whether a name is in it; "Officials said" starts with a capital only."""
        return any(
            w.capital and not (w.initial and (w.folded in FUNCTION or w.folded in ROLES))
            for w in self.words
        )

    @property
    def identity(self) -> tuple[Word, ...]:
        """The words that say who spoke. A speaker ending in a name is that name ("the
        state news agency IRNA", "spokesperson Wang Wenbin": the title before it is only
        a description, and E041 checks capitalised ones); otherwise every name and office
        in it ("Italy's foreign ministry"), less generic nouns ("group", "statement")."""
        ws = [w for w in self.words if w.folded not in GENERIC]
        tail: list[Word] = []
        for w in reversed(ws):
            if not w.capital or w.folded in ROLES:
                break  # "Foreign Minister Wang Yi": the name is "Wang Yi"
            tail.insert(0, w)
        if tail and len(tail) < len(ws):
            return tuple(tail)
        return tuple(ws)


def _gap(text: str, left: Word, right: Word) -> str:
    return text[left.end : right.start]


def _joined(text: str, left: Word, right: Word) -> bool:
    """Nothing but a space, an apostrophe or a hyphen between two words."""
    return _gap(text, left, right).strip() in ("", "'", "’", "-", ".")


def _speaker_word(w: Word) -> bool:
    if w.folded in CALENDAR:
        return False  # "a report datelined 16 January said"
    if w.capital:
        return True
    return w.folded in ROLES or w.folded in _JOINERS or w.folded in MODIFIERS


def _function_word(w: Word) -> bool:
    """A small word that ends a speaker ("in", "that"), unless it joins one ("of")."""
    return (
        w.folded in FUNCTION
        and not w.capital
        and w.folded not in _JOINERS
        and w.folded not in MODIFIERS
    )


def _describe(text: str, ws: tuple[Word, ...], verb: str) -> Speaker | None:
    while ws and (ws[0].folded in _JOINERS or ws[0].folded in MODIFIERS):
        ws = ws[1:]
    while ws and (ws[-1].folded in _JOINERS or ws[-1].folded in MODIFIERS):
        ws = ws[:-1]
    if not ws:
        return None
    phrase = text[ws[0].start : ws[-1].end]
    keep = tuple(
        w
        for w in ws
        if w.folded not in _JOINERS
        and w.folded not in MODIFIERS
        and w.folded not in _PLACE_PREPOSITIONS
        and not (w.initial and w.folded in FUNCTION)
    )
    return Speaker(phrase, keep, verb, addressee=verb == "told to")


def _before(text: str, ws: tuple[Word, ...], i: int) -> Speaker | None:
    """The speaker of the verb ws[i], read backwards."""
    j = i - 1
    while j >= 0 and ws[j].folded in _BETWEEN and _joined(text, ws[j], ws[j + 1]):
        j -= 1
    if j < 0 or not _joined(text, ws[j], ws[j + 1] if j + 1 < i else ws[i]):
        return None
    if ws[j].folded in _PASSIVE:
        return None
    taken: list[Word] = []
    k = j
    while k >= 0:
        w = ws[k]
        if taken and not _joined(text, w, taken[0]):
            break
        if _speaker_word(w) and not _function_word(w):
            taken.insert(0, w)
            if w.initial:
                break
            k -= 1
            continue
        # "a senior government officer in Makran": the place belongs to the officer
        if (
            w.folded in _PLACE_PREPOSITIONS
            and taken
            and k > 0
            and ws[k - 1].folded in ROLES
            and _joined(text, ws[k - 1], w)
        ):
            taken.insert(0, w)
            k -= 1
            continue
        break
    if not taken:
        return None
    k = ws.index(taken[0]) - 1
    if k >= 0 and ws[k].folded in _PREPOSITIONS and _joined(text, ws[k], taken[0]):
        return None  # the subject is further back, and unknown
    return _describe(text, tuple(taken), ws[i].folded)


def _after(text: str, ws: tuple[Word, ...], i: int, verb: str) -> list[Speaker]:
    """The speakers named after ws[i]: "according to A and B", "told Dawn". The phrase
    ends at punctuation or at the first word that cannot describe a speaker."""
    out: list[Speaker] = []
    taken: list[Word] = []
    for k in range(i + 1, len(ws)):
        w = ws[k]
        if k > i + 1 and not _joined(text, ws[k - 1], w):
            break
        if w.folded == "and":
            out += [s for s in (_describe(text, tuple(taken), verb),) if s]
            taken = []
            continue
        if not _speaker_word(w) or _function_word(w):
            break
        taken.append(w)
    out += [s for s in (_describe(text, tuple(taken), verb),) if s]
    return out


_TRIGGER = re.compile(r"(?<!\w)(?:according|" + "|".join(sorted(VERBS)) + r")(?!\w)", re.IGNORECASE)


def _start(w: Word) -> int:
    return w.start


def speakers(text: str) -> list[Speaker]:
    """Every speaker the claim text credits words to, in order."""
    found = [m.start() for m in _TRIGGER.finditer(text)]
    if not found:
        return []  # most claims: one scan in C instead of a loop over words
    ws = words(text)
    out: list[Speaker] = []
    for at in found:
        i = bisect.bisect_left(ws, at, key=_start)
        if i >= len(ws) or ws[i].start != at:
            continue
        f = ws[i].folded
        if f == "according":
            if i + 1 < len(ws) and ws[i + 1].folded == "to":
                out += _after(text, ws, i + 1, "according to")
        elif f in VERBS:
            s = _before(text, ws, i)
            if s is not None:
                out.append(s)
            if f in ("told", "tells"):
                out += [r for r in _after(text, ws, i, "told to") if r.named]
    return out
