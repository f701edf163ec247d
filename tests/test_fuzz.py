"""Property-based fuzzing: mutated data files never crash the checker.

Each strategy mutates the valid fixture dataset (delete lines, change indentation,
insert characters, change value types, truncate). Whatever comes out, `explainer check`
must not raise, must exit 0 or 1, and must give every problem a file, line and column.
The number of examples per strategy is FUZZ_EXAMPLES (default 200).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
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


def run(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        (data / "captures").mkdir(parents=True)
        for name, text in {**FILES, **files}.items():
            (data / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        for sid, text in CAPTURES.items():
            (data / "captures" / f"{sid}.txt").write_text(text, encoding="utf-8")
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
