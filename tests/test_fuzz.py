"""Property-based fuzzing: mutated data files never crash the checker.

Each strategy mutates the valid fixture dataset (delete lines, change indentation,
insert characters, change value types, truncate; reword a claim, cut or repeat a capture,
add query parameters to a URL). Whatever comes out, `explainer check`
must not raise, must exit 0 or 1, and must give every problem a file, line and column.
The number of examples per strategy is FUZZ_EXAMPLES (default 200).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from conftest import ACTORS, CAPTURES, EVENTS, SOURCES
from explainer import check, load
from explainer.cli import main
from explainer.rules import RULES_BY_CODE

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FILES = {"events.yaml": EVENTS, "actors.yaml": ACTORS, "sources.yaml": SOURCES}
NASTY = [*list(":-[]{}&*!|>'\"#%@`,?\\\t\n "), "\xa0", "\u2028", "\ufeff", "é", "—", "\x00", "\x1b"]
SCALARS = ["", "~", "null", "true", "0", "-1", "1e9", "2024-02-30", "[]", "{}", "[a, b]",
           "{a: 1}", "'quoted'", "|\n  block", "&anchor x", "*anchor", "!!binary aGk="]  # fmt: skip
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize="CI" in os.environ,  # CI runs the same examples every time
)


def run(files: dict[str, str], captures: dict[str, str] | None = None) -> list[str]:
    """Check the fixture with some files replaced; the codes reported."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        (data / "captures").mkdir(parents=True)
        for name, text in {**FILES, **files}.items():
            (data / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        for sid, text in {**CAPTURES, **(captures or {})}.items():
            path = data / "captures" / f"{sid}.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = check(load(data, root=root))
        for p in problems:
            assert p.loc.path.startswith("data/"), p
            assert p.loc.line >= 1 and p.loc.col >= 1, p
            assert p.code in RULES_BY_CODE, p
            assert p.message.strip(), p
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            status = main(["--root", str(root), "check"])
        assert status == (1 if problems else 0)
        assert len(out.getvalue().splitlines()) == len(problems)
        return [p.code for p in problems]


file_names = st.sampled_from(sorted(FILES))


@SETTINGS
@given(file_names, st.data())
def test_deleting_lines(name: str, data: st.DataObject) -> None:
    lines = FILES[name].splitlines(keepends=True)
    drop = data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=4))
    run({name: "".join(line for i, line in enumerate(lines) if i not in drop)})


@SETTINGS
@given(file_names, st.data())
def test_changing_indentation(name: str, data: st.DataObject) -> None:
    lines = FILES[name].splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    shift = data.draw(st.integers(-4, 4))
    lines[i] = " " * max(0, shift) + lines[i][max(0, -shift) :]
    run({name: "".join(lines)})


@SETTINGS
@given(file_names, st.data())
def test_inserting_characters(name: str, data: st.DataObject) -> None:
    text = FILES[name]
    pos = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.lists(st.sampled_from(NASTY) | st.characters(), min_size=1, max_size=6))
    run({name: text[:pos] + "".join(junk) + text[pos:]})


@SETTINGS
@given(file_names, st.data())
def test_changing_value_types(name: str, data: st.DataObject) -> None:
    lines = FILES[name].splitlines(keepends=True)
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    i = data.draw(st.sampled_from(candidates))
    key = lines[i].split(": ", 1)[0]
    lines[i] = f"{key}: {data.draw(st.sampled_from(SCALARS))}\n"
    run({name: "".join(lines)})


@SETTINGS
@given(file_names, st.data())
def test_truncating(name: str, data: st.DataObject) -> None:
    text = FILES[name]
    run({name: text[: data.draw(st.integers(0, len(text)))]})


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_as_events_file(text: str) -> None:
    run({"events.yaml": text})


# Claim wording for the rules that read claims as sentences (E040 speakers, E041 names):
# speakers, verbs, names, possessives and punctuation in any order.
CLAIM_LINE = "    - text: Pakistan said two children were killed."
PHRASES = ["according to", "said", "told", "reported", "announced", "has also said", "was told",
           "'s", "’s", "Pakistan", "Pakistani", "Iranian", "Islamabad", "Makran", "Dawn",
           "Example Wire", "Foreign Office", "foreign ministry", "spokesperson", "officials",
           "the", "of", "in", "and", ",", ".", ";", ":", "-", '"', "(", ")", "…", "É", "ISPR",
           "two children", "were killed", "A", "It", "told Reuters", "Mr", "January"]  # fmt: skip
claim_words = st.lists(st.sampled_from(PHRASES) | st.text(max_size=8), min_size=1, max_size=14)


def claim_file(words: list[str]) -> str:
    text = " ".join(words).replace("\\", "").replace('"', "'")
    return EVENTS.replace(CLAIM_LINE, f'    - text: "{text}"')


@SETTINGS
@given(claim_words)
def test_claim_wording(words: list[str]) -> None:
    run({"events.yaml": claim_file(words)})


# Captures cut, pasted twice and split anywhere (E042 reads passages and their words).
def mutated_capture(data: st.DataObject, text: str) -> str:
    action = data.draw(st.sampled_from(["cut", "twice", "separator", "insert"]))
    pos = data.draw(st.integers(0, len(text)))
    if action == "cut":
        return text[:pos]
    if action == "twice":
        return text + "\n" + text[pos:]
    if action == "separator":
        return text[:pos] + "\n[…]\n" + text[pos:]
    junk = data.draw(st.lists(st.sampled_from(NASTY) | st.characters(), min_size=1, max_size=6))
    return text[:pos] + "".join(junk) + text[pos:]


@SETTINGS
@given(st.sampled_from(sorted(CAPTURES)), st.data())
def test_mutating_captures(sid: str, data: st.DataObject) -> None:
    run({}, {sid: mutated_capture(data, CAPTURES[sid])})


# Query strings with tracking parameters among others (E044 rewrites them).
PARAMS = ["utm_source", "UTM_Medium", "fbclid", "guccounter", "_ga", "id", "page", "a", "", "=",
          "%20", "&", "utm_", "x=1"]  # fmt: skip
URL_LINE = "  url: https://example.com/village"


def url_file(pairs: list[tuple[str, str]], fragment: str) -> str:
    query = "&".join(f"{k}={v}" if v else k for k, v in pairs)
    url = f"https://example.com/village?{query}{fragment}".replace("'", "%27")
    return SOURCES.replace(URL_LINE, f"  url: '{url}'")


url_pairs = st.lists(
    st.tuples(st.sampled_from(PARAMS) | st.text(max_size=5), st.sampled_from(PARAMS)), max_size=5
)


@SETTINGS
@given(url_pairs, st.sampled_from(["", "#top", "#utm_source=x", "#"]))
def test_url_parameters(pairs: list[tuple[str, str]], fragment: str) -> None:
    run({"sources.yaml": url_file(pairs, fragment)})


def test_the_strategies_reach_the_new_rules() -> None:
    """Each strategy above can produce the problem its rules look for, so fuzzing them
    exercises the rules' code rather than only their early exits."""
    reach = settings(max_examples=500, deadline=None, database=None,
                     suppress_health_check=list(HealthCheck))  # fmt: skip
    for code in ("E040", "E041"):
        find(claim_words, lambda w, code=code: code in run({"events.yaml": claim_file(w)}),
             settings=reach)  # fmt: skip
    find(
        st.tuples(st.sampled_from(["cut", "twice"]), st.integers(0, 140)),
        lambda a: "E042" in run({}, {"wire-2024-01-17": _apply(*a)}),
        settings=reach,
    )
    find(url_pairs, lambda p: "E044" in run({"sources.yaml": url_file(p, "")}), settings=reach)


def _apply(action: str, pos: int) -> str:
    text = CAPTURES["wire-2024-01-17"]
    return text[:pos] if action == "cut" else text + "\n" + text
