"""Data text reaches pages as inert characters, whatever it contains."""

from __future__ import annotations

import html
import json
import re
import sys
from urllib.parse import quote

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Project
from explainer import escape, load
from explainer.render import PageContext, Renderer

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "{{ config.extra }}",
    "{% raw %}x{% endraw %}",
    "**bold** _em_ `code`",
    "&lt;b&gt; &amp; entity",
    "[^1] footnote",
    "<https://evil.example>",
]


def md(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", "attr_list", "md_in_html", "toc"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_the_same_characters(payload: str) -> None:
    out = md(f"Before {escape.text(payload)} after")
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert "<strong>" not in out and "<code>" not in out and "<sup" not in out
    # what the reader sees is exactly the payload
    visible = html.unescape(out.removeprefix("<p>").removesuffix("</p>"))
    assert visible == f"Before {payload} after"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "#"),
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ('https://example.org/"onmouseover=x', "https://example.org/&quot;onmouseover=x"),
        ("https://exa mple.org", "#"),
    ],
)
def test_href(url: str, expected: str) -> None:
    assert escape.href(url) == expected


def test_text_fragment_encodes_reserved_characters() -> None:
    frag = escape.text_fragment("Jaish al-Adl, the group")
    assert frag == "#:~:text=Jaish%20al%2DAdl%2C%20the%20group"


def test_long_quote_uses_start_and_end() -> None:
    frag = escape.text_fragment("one two three four five six seven eight nine ten eleven")
    assert frag == "#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven"


# What escape.text and the fragment encoder did before their shortcuts, kept as the
# reference they are tested against.
def _text_by_regex(value: str) -> str:
    return re.sub(r"\s+", " ", value.strip()).translate(escape._ENTITIES)


def _fragment_by_quote(words: list[str]) -> str:
    return quote(" ".join(words), safe="").replace("-", "%2D")


def test_every_space_character_is_folded_as_the_regex_folds_it() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for ch in spaces:
        value = f"{ch}a{ch}{ch}b {ch}"
        assert escape.text(value) == _text_by_regex(value) == "a b", hex(ord(ch))


@given(st.text())
def test_text_matches_the_regex_fold(value: str) -> None:
    assert escape.text(value) == _text_by_regex(value)


def test_every_ascii_character_is_encoded_as_quote_encodes_it() -> None:
    for c in range(1, 128):
        words = [f"a{chr(c)}b"]
        assert escape._fragment_part(words) == _fragment_by_quote(words), c


@given(st.lists(st.text(min_size=1), min_size=1, max_size=12))
def test_fragment_matches_quote(words: list[str]) -> None:
    assert escape._fragment_part(words) == _fragment_by_quote(words)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_data_renders_inert_on_every_page(project: Project, payload: str) -> None:
    # bypass the checker (which refuses most of these) to prove the renderer alone is safe
    quoted = payload.replace('"', '\\"')
    project.replace(
        "events.yaml", "  title: Iran strikes targets in Pakistan", f'  title: "{quoted}"'
    )
    project.replace("actors.yaml", "  name: Pakistan", f'  name: "{quoted}"')
    project.replace("sources.yaml", "  publisher: Example Paper", f'  publisher: "{quoted}"')
    r = Renderer(load(project.data, root=project.root))
    for out in (
        r.timeline(PageContext("timeline.md")),
        r.actor("pakistan", PageContext("actors/pakistan.md")),
        r.actor_index(PageContext("actors/index.md")),
        r.sources(PageContext("sources.md")),
    ):
        page = md(out)
        assert_only_data_scripts(page)
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", page)  # no event handlers
        assert not re.search(r'href="\s*javascript:', page, re.I)
        assert "<img" not in page and "{{" not in out and "{%" not in out


SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def assert_only_data_scripts(page: str) -> None:
    """Script elements may only carry JSON data, and that JSON cannot close the element."""
    assert page.count("<script") == len(SCRIPT.findall(page))
    for attrs, body in SCRIPT.findall(page):
        assert re.search(r'type="application/(ld\+)?json"', attrs), attrs
        assert "<" not in body
        json.loads(body)


@given(st.text(alphabet=st.sampled_from([*sorted(escape._ACTIVE), "a", " ", "\n", "é"])))
def test_inline_encodes_every_active_character(value: str) -> None:
    assert escape.inline(value) == re.sub(r"\s+", " ", value).translate(escape._ENTITIES)
