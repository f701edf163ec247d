"""Making data inert in Markdown and HTML.

Data text is entity-encoded character by character wherever Markdown, HTML or
the template engine could read meaning into it, so a title such as
`[x](javascript:alert(1))` or `{{ 7*7 }}` reaches the reader as those
characters and nothing else, whichever Markdown extensions are enabled.
"""

from __future__ import annotations

import html
import json
import re
import string
from urllib.parse import quote

# Characters that start markup inline: emphasis, code, links, HTML, entities, attribute
# lists, tables and the template engine. Hyphens, dots and quotes only mean something
# at the start of a line, and data text never starts one.
_ACTIVE = set("\\`*_{}[]()#+!|~^=<>&$")
_SPACE = re.compile(r"\s+")
_HTTP = re.compile(r"https?://", re.I)
_ANY_SPACE = re.compile(r"\s")


def text(value: str) -> str:
    """Plain text for Markdown or HTML content: every active character as an entity."""
    # split() and the regex's \s agree on what is a space; splitting is the cheaper way
    # to fold runs of it, and a large site escapes a few hundred thousand strings
    return _encode(" ".join(value.split()))


_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in _ACTIVE})
_ANY_ACTIVE = re.compile("[" + re.escape("".join(sorted(_ACTIVE))) + "]")


def _encode(value: str) -> str:
    # Most text has no active character (about 9 in 10 claims and quotes): one scan
    # finds that faster than translating character by character.
    return value.translate(_ENTITIES) if _ANY_ACTIVE.search(value) else value


def inline(value: str) -> str:
    """Like text(), keeping edge spaces: for pieces of a sentence joined with links."""
    return _encode(_SPACE.sub(" ", value))


def attr(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(_SPACE.sub(" ", value).strip(), quote=True)


def href(url: str) -> str:
    """An http(s) URL for an href attribute; anything else becomes a harmless '#'."""
    if not _HTTP.match(url) or _ANY_SPACE.search(url):
        return "#"
    return html.escape(url, quote=True)


_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
# quote(safe="") leaves letters, digits and _.-~ alone; the directive reserves - as well
_UNRESERVED = string.ascii_letters + string.digits + "_.~"
_PERCENT = str.maketrans({chr(c): f"%{c:02X}" for c in range(128) if chr(c) not in _UNRESERVED})


def _fragment_part(words: list[str]) -> str:
    joined = " ".join(words)
    if joined.isascii():  # one table lookup per character instead of quote()'s loop
        return joined.translate(_PERCENT)
    return quote(joined, safe="").replace("-", "%2D")


def text_fragment(quote_text: str) -> str:
    """A `#:~:text=` directive that makes browsers scroll to the quoted passage."""
    words = _ELLIPSIS.split(quote_text.strip())[0].split()
    if not words:
        return ""
    if len(words) <= 10:
        return "#:~:text=" + _fragment_part(words)
    return "#:~:text=" + _fragment_part(words[:5]) + "," + _fragment_part(words[-5:])


def json_for_script(data: object) -> str:
    """JSON for a <script> element: no sequence in it can close the element or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # template openers only occur inside strings (an object key is always quoted), where
    # the escaped form decodes to the same characters
    return text.replace("{{", "{\\u007b").replace("{%", "{\\u0025").replace("{#", "{\\u0023")
