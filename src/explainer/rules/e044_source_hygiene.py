"""E044: a source's URL carries no tracking parameters; the same page without them is
the address to cite (it also keeps one page from being listed under two addresses)."""

from collections.abc import Iterator
from urllib.parse import unquote_plus

from ..problems import Problem
from .base import Context, Rule, at

# Parameters that only say how a reader reached the page, never which page it is.
TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        "mc_cid",
        "mc_eid",
        "igshid",
        "igsh",
        "ref_src",
        "ref_url",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "__twitter_impression",
        "ocid",
        "smid",
    }
)
TRACKING_PREFIXES = ("utm_",)


def is_tracking(name: str) -> bool:
    key = unquote_plus(name).strip().lower()
    return key in TRACKING or key.startswith(TRACKING_PREFIXES)


def clean_url(url: str) -> tuple[str, list[str]]:
    """The URL without its tracking parameters (the others and the fragment kept, in
    their order and spelling), and the names of the parameters dropped."""
    base, hash_, fragment = url.partition("#")
    path, question, query = base.partition("?")
    if not question:
        return url, []
    kept: list[str] = []
    dropped: list[str] = []
    for piece in query.split("&"):
        name = piece.split("=", 1)[0]
        if name and is_tracking(name):
            dropped.append(unquote_plus(name))
        else:
            kept.append(piece)
    if not dropped:
        return url, []
    query = "&".join(p for p in kept if p)
    return path + ("?" + query if query else "") + hash_ + fragment, dropped


def check(ctx: Context) -> Iterator[Problem]:
    for src in ctx.ds.sources:
        if "?" not in src.url:
            continue
        cleaned, dropped = clean_url(src.url)
        if dropped:
            names = ", ".join(dict.fromkeys(dropped))
            yield Problem(
                at(src, "url"),
                "E044",
                f'url of source "{src.id}" carries tracking parameters ({names}); '
                f"cite the page without them: {cleaned}",
            )


RULE = Rule(
    "E044",
    "tracking-in-url",
    "A source URL carrying tracking parameters (utm_*, fbclid, guccounter...).",
    "dataset",
    check,
)
