"""E040: a claim that credits words to someone names a speaker its evidence names.

"According to X", "X said" (told, reported, announced, claimed, stated, warned, added...),
"X's spokesperson said", "X told Y": every name and office in X (and a named Y) must be in
a quote that itself reports speech ("said", "according to", "statement"...) or in the
cited sources' publisher, via or author; an actor's aliases stand for it. A speaker
without a name ("officials said", "state media reported", "it said") is not checked.
"""

from collections.abc import Iterator

from ..model import ClaimRef
from ..problems import Problem
from ..speakers import ROLES, SYNONYMS, speakers
from .base import Context, Rule, at


def check(ctx: Context, ref: ClaimRef) -> Iterator[Problem]:
    claim = ref.claim
    if not claim.cite:
        return
    found = [s for s in speakers(claim.text) if s.named]
    if not found:
        return
    evidence = ctx.evidence_of(claim)
    common = ctx.capture_words.is_common
    for speaker in found:
        # the one spoken to need only be named; the speaker, named as speaking
        pool = evidence.all_words if speaker.addressee else evidence.speaker_words
        identity = speaker.identity
        if (
            len(identity) > 1
            and all(w.capital and w.folded not in ROLES for w in identity)
            and pool.vouches(identity[-1].text)
        ):
            continue  # a person is named by the surname: "Qureshi said"
        missing = [
            w.text
            for w in identity
            if not pool.vouches(w.text)
            and not any(s in pool for s in SYNONYMS.get(w.folded, ()))
            and not (w.initial and w.capital and common(w.text))
        ]
        if not missing:
            continue
        words = ", ".join(f'"{m}"' for m in dict.fromkeys(missing))
        if speaker.addressee:
            message = (
                f'claim says words were told to "{speaker.phrase}" but no quote or cited '
                f"source names {words}; quote where the source says to whom, or leave it out"
            )
        else:
            message = (
                f'claim credits "{speaker.phrase}" ({speaker.verb}) but no quote reporting '
                f"speech and no cited source's publisher, via or author names {words}; quote "
                "where the source says who spoke, or credit the words to whom the quotes name"
            )
        yield Problem(at(claim, "text"), "E040", message)


RULE = Rule(
    "E040",
    "attribution-not-in-quote",
    "A claim crediting words to a speaker that no quote or source record names.",
    "claim",
    check,
    cross_file=True,
)
