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
    return inline(value.strip())


_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in _ACTIVE})


def inline(value: str) -> str:
    """Like text(), keeping edge spaces: for pieces of a sentence joined with links."""
    return _SPACE.sub(" ", value).translate(_ENTITIES)


def attr(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(_SPACE.sub(" ", value).strip(), quote=True)


def href(url: str) -> str:
    """An http(s) URL for an href attribute; anything else becomes a harmless '#'."""
    if not _HTTP.match(url) or _ANY_SPACE.search(url):
        return "#"
    return html.escape(url, quote=True)


def text_fragment(quote_text: str) -> str:
    """A `#:~:text=` directive that makes browsers scroll to the quoted passage."""
    first = re.split(r"\s*(?:…|\.\.\.)\s*", quote_text.strip())[0]
    words = first.split()
    if not words:
        return ""

    def enc(ws: list[str]) -> str:
        # the directive reserves - , and & ; quote() leaves - alone
        return quote(" ".join(ws), safe="").replace("-", "%2D")

    if len(words) <= 10:
        return "#:~:text=" + enc(words)
    return "#:~:text=" + enc(words[:5]) + "," + enc(words[-5:])


def json_for_script(data: object) -> str:
    """JSON for a <script> element: no sequence in it can close the element or open markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # template openers only occur inside strings (an object key is always quoted), where
    # the escaped form decodes to the same characters
    return text.replace("{{", "{\\u007b").replace("{%", "{\\u0025").replace("{#", "{\\u0023")
